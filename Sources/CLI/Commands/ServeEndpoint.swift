import Foundation
import HTTP

/// What `serve` answers on its Lambda/Logs port. Until the Lambda API lands every operation is
/// refused in AWS's error shape, so the AWS CLI prints a clear message instead of hanging.
final class ServeEndpoint: Sendable {
  /// The response header naming the AWS operation, for the request log.
  static let operationHeader = "X-Lambdalings-Operation"

  let stateDirectory: String
  let limits = HTTPLimits(maxBodyBytes: 72 * 1024 * 1024, maxDiscardBytes: 80 * 1024 * 1024)

  init(stateDirectory: String) throws {
    self.stateDirectory = stateDirectory
  }

  /// Answers one request.
  func handle(_ request: HTTPRequest) -> HTTPResponse {
    var response = HTTPResponse.json(
      404,
      #"{"Type":"User","message":"Unknown operation \#(request.method) \#(request.path)"}"#)
    response.headers.append(("x-amzn-ErrorType", "UnknownOperationException"))
    return response
  }

  /// The answer to a request that could not be parsed.
  var malformed: HTTPServer.MalformedHandler {
    { reason in
      var response = HTTPResponse.json(400, #"{"Type":"User","message":"Malformed request"}"#)
      response.headers.append(("x-amzn-ErrorType", "InvalidRequestContentException"))
      _ = reason
      return response
    }
  }

  /// Stops every function environment.
  func shutdown() {}
}
