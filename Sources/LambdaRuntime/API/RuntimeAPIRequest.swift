import HTTP
import JSON

/// A request to the Lambda Runtime API, as data.
public enum RuntimeAPIRequest: Sendable, Equatable {
  /// `GET /2018-06-01/runtime/invocation/next`: wait for the next event.
  case next
  /// `POST .../invocation/{id}/response`: the handler's result.
  case invocationResponse(requestID: String, body: [UInt8], contentType: String?)
  /// `POST .../invocation/{id}/error`: the handler failed.
  case invocationError(requestID: String, body: [UInt8], errorType: String?)
  /// `POST /2018-06-01/runtime/init/error`: initialisation failed.
  case initializationError(body: [UInt8], errorType: String?)

  /// The API version prefix of every path.
  public static let prefix = "/2018-06-01/runtime"

  /// Why an HTTP request is not a Runtime API request.
  public enum RoutingError: Error, Equatable {
    /// No such endpoint.
    case notFound
    /// The endpoint exists but not with this method.
    case methodNotAllowed
  }

  /// Routes an HTTP request to an endpoint.
  public static func route(_ request: HTTPRequest) -> Result<RuntimeAPIRequest, RoutingError> {
    let components = request.path.split(separator: "/", omittingEmptySubsequences: false)
    // "", "2018-06-01", "runtime", ...
    guard components.count >= 4, components[0].isEmpty, components[1] == "2018-06-01",
      components[2] == "runtime"
    else { return .failure(.notFound) }
    let rest = Array(components.dropFirst(3))
    let errorType = request.header(.functionErrorType)
    switch (request.method, rest.count, rest.first, rest.last) {
    case ("GET", 2, "invocation", "next"):
      return .success(.next)
    case ("POST", 3, "invocation", "response") where !rest[1].isEmpty:
      return .success(
        .invocationResponse(
          requestID: String(rest[1]), body: request.body,
          contentType: request.header(.contentType)))
    case ("POST", 3, "invocation", "error") where !rest[1].isEmpty:
      return .success(
        .invocationError(requestID: String(rest[1]), body: request.body, errorType: errorType))
    case ("POST", 2, "init", "error"):
      return .success(.initializationError(body: request.body, errorType: errorType))
    case (_, 2, "invocation", "next"), (_, 3, "invocation", "response"),
      (_, 3, "invocation", "error"), (_, 2, "init", "error"):
      return .failure(.methodNotAllowed)
    default:
      return .failure(.notFound)
    }
  }

  /// The error type to record: the header when it has the `Runtime.`/`Function.` form, the body's
  /// `errorType` when there is no header (the official Python client sends none), else
  /// `Runtime.Unknown` or `Function.Unknown` as RIE does.
  public static func recordedErrorType(header: String?, body: [UInt8]) -> String {
    if let header {
      if header.hasPrefix("Runtime.") || header.hasPrefix("Function.") { return header }
      return "Runtime.Unknown"
    }
    return JSONText.errorFields(in: body).type ?? "Function.Unknown"
  }
}
