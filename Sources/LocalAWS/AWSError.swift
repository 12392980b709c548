import Foundation
import HTTP

/// An error as AWS returns it: status, `x-amzn-ErrorType`, and a JSON body with `message`.
///
/// REST-JSON services (Lambda) put the type in the header and `{"Type","message"}` in the
/// body; JSON 1.1 services (Logs) put it in `__type`. botocore reads either, so the AWS CLI
/// prints `An error occurred (Type) when calling the Operation operation: message`.
struct AWSError: Error, Equatable {
  var status: Int
  var type: String
  var message: String
  /// Extra body fields, e.g. `Reason` of a throttle.
  var extra: [String: String] = [:]

  static func notFound(_ message: String) -> AWSError {
    AWSError(status: 404, type: "ResourceNotFoundException", message: message)
  }

  static func conflict(_ message: String) -> AWSError {
    AWSError(status: 409, type: "ResourceConflictException", message: message)
  }

  static func invalid(_ message: String) -> AWSError {
    AWSError(status: 400, type: "InvalidParameterValueException", message: message)
  }

  static func tooLarge(_ operation: String, limit: Int) -> AWSError {
    AWSError(
      status: 413, type: "RequestTooLargeException",
      message: "Request must be smaller than \(limit) bytes for the \(operation) operation")
  }

  static func throttled(reason: String) -> AWSError {
    AWSError(
      status: 429, type: "TooManyRequestsException", message: "Rate Exceeded.",
      extra: ["Reason": reason])
  }

  static func service(_ message: String) -> AWSError {
    AWSError(status: 500, type: "ServiceException", message: message)
  }

  /// The REST-JSON answer (Lambda).
  var restResponse: HTTPResponse {
    var body: [String: String] = extra
    body["Type"] = status >= 500 ? "Service" : "User"
    body["message"] = message
    var response = HTTPResponse(status: status, body: JSONBody.encode(body))
    response.headers = [
      ("Content-Type", "application/json"), ("x-amzn-ErrorType", type),
      ("x-amzn-RequestId", UUID().uuidString.lowercased()),
    ]
    return response
  }

  /// The JSON 1.1 answer (CloudWatch Logs).
  var jsonResponse: HTTPResponse {
    var body: [String: String] = extra
    body["__type"] = type
    body["message"] = message
    var response = HTTPResponse(status: status, body: JSONBody.encode(body))
    response.headers = [
      ("Content-Type", "application/x-amz-json-1.1"),
      ("x-amzn-RequestId", UUID().uuidString.lowercased()),
    ]
    return response
  }
}

/// JSON bodies through Foundation, never throwing at the caller.
enum JSONBody {
  /// Parses a request body as a JSON object; an empty body is an empty object.
  static func object(_ bytes: [UInt8]) throws(AWSError) -> [String: Any] {
    if bytes.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) { return [:] }
    guard let value = try? JSONSerialization.jsonObject(with: Data(bytes)),
      let object = value as? [String: Any]
    else {
      throw AWSError(
        status: 400, type: "InvalidRequestContentException",
        message: "Could not parse request body into json: the body is not a JSON object")
    }
    return object
  }

  /// Serialises a JSON-compatible value (sorted keys, so answers are stable).
  static func encode(_ value: Any) -> [UInt8] {
    guard JSONSerialization.isValidJSONObject(value),
      let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    else { return Array("{}".utf8) }
    return Array(data)
  }
}
