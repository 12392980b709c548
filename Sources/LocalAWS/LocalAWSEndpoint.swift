import Foundation
import HTTP
import SystemSupport

/// The local AWS behind `lambdalings serve`: one HTTP handler for the Lambda API (REST-JSON,
/// paths under `/2015-03-31/...` and friends) and CloudWatch Logs (JSON 1.1, `POST /` with
/// `X-Amz-Target: Logs_20140328.*`), over state kept in `LocalAWSStore`.
///
/// Requests signed with any credentials are accepted: this is a local tool for one learner,
/// and signatures are not checked.
public final class LocalAWSEndpoint: Sendable {
  /// The response header naming the AWS operation, for `serve`'s request log.
  public static let operationHeader = "X-Lambdalings-Operation"

  /// Request-size limits: a 50 MB zip is about 70 MB once base64-encoded in JSON. Connections
  /// silent for 5 minutes are closed, so idle clients do not hold threads forever.
  public static let limits = HTTPLimits(
    maxBodyBytes: 72 * 1024 * 1024, maxDiscardBytes: 96 * 1024 * 1024, idleTimeoutSeconds: 300)

  /// Where the state lives.
  public let store: LocalAWSStore
  let lambda: LambdaService
  let logs: LogsService

  /// Opens (or creates) the state in `folder`; throws `LocalAWSStoreError` for a corrupt
  /// state file. `onInvocation` hears of every invocation that ran (synchronous or not) when
  /// it ends, with its log lines, so `serve` can show them as `sam local start-lambda` does.
  public init(
    folder: AbsolutePath, region: String = "us-east-1",
    onInvocation: (@Sendable (FinishedInvocation) -> Void)? = nil
  ) throws {
    store = LocalAWSStore(folder: folder)
    let logStore = LogStore(folder: store.logsFolder)
    lambda = try LambdaService(
      store: store, logs: logStore, region: region, onInvocation: onInvocation)
    logs = LogsService(store: logStore, region: region, account: lambda.account)
  }

  /// Answers one request.
  public func handle(_ request: HTTPRequest) -> HTTPResponse {
    if let target = request.header("X-Amz-Target") {
      guard target.hasPrefix(LogsService.targetPrefix) else {
        return AWSError(
          status: 400, type: "UnknownOperationException",
          message: "lambdalings serve speaks Lambda and CloudWatch Logs, not \(target)"
        ).jsonResponse
      }
      let operation = String(target.dropFirst(LogsService.targetPrefix.count))
      if request.bodyTooLarge {
        return AWSError.tooLarge(operation, limit: LocalAWSEndpoint.limits.maxBodyBytes)
          .jsonResponse
      }
      var response = logs.handle(operation: operation, body: request.body)
      response.headers.append((LocalAWSEndpoint.operationHeader, operation))
      return response
    }
    if request.method == "GET", request.pathSegments.first == "lambdalings",
      request.pathSegments.count == 3, request.pathSegments[1] == "code"
    {
      return codeDownload(request.pathSegments[2])
    }
    return lambda.handle(request)
  }

  /// The answer to a request that could not be parsed, in AWS's shape.
  public static let malformed: HTTPServer.MalformedHandler = { reason in
    AWSError(
      status: 400, type: "InvalidRequestContentException",
      message: "Malformed HTTP request: \(reason)"
    ).restResponse
  }

  /// Stops every function environment (no runtime process is left behind).
  public func shutdown() {
    lambda.shutdown()
  }

  /// The stored zip of a code id (GetFunction's `Code.Location`).
  private func codeDownload(_ file: String) -> HTTPResponse {
    let id = file.hasSuffix(".zip") ? String(file.dropLast(4)) : file
    guard id.allSatisfy({ $0.isHexDigit }),
      let data = FileManager.default.contents(
        atPath: store.codeFolder.appending(id + ".zip").string)
    else {
      return AWSError.notFound("No stored code \(file)").restResponse
    }
    return HTTPResponse(
      status: 200, headers: [("Content-Type", "application/zip")], body: [UInt8](data))
  }
}
