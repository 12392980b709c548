import Foundation
import JSON

/// Why the Invoke API refuses a request before any environment runs it.
enum InvocationRejection: Equatable {
  case tooLarge(Int)
  case notJSON(String)
  case throttled

  /// Checks the event payload: at most 6,291,556 bytes and valid JSON.
  static func check(event: Data) -> InvocationRejection? {
    if event.count > RuntimeAPILimits.maxPayloadBytes { return .tooLarge(event.count) }
    if event.isEmpty { return nil }
    return JSONValue.syntaxError(in: event).map { .notJSON($0.description) }
  }

  var status: InvocationRecord.Status {
    self == .throttled ? .throttled : .rejected
  }

  var statusCode: Int {
    switch self {
    case .tooLarge: return 413
    case .notJSON: return 400
    case .throttled: return 429
    }
  }

  var errorType: String {
    switch self {
    case .tooLarge: return "RequestEntityTooLargeException"
    case .notJSON: return "InvalidRequestContentException"
    case .throttled: return "TooManyRequestsException"
    }
  }

  var message: String {
    switch self {
    case .tooLarge(let size):
      return "Request must be smaller than \(RuntimeAPILimits.maxPayloadBytes) bytes for the "
        + "InvokeFunction operation (the event has \(size) bytes)"
    case .notJSON(let reason):
      return "Could not parse request body into json: \(reason)"
    case .throttled:
      return "Rate Exceeded."
    }
  }

  /// The error document the caller receives.
  var body: String {
    JSONText.errorBody(type: errorType, message: message)
  }
}
