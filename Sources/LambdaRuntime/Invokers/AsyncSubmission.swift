import Foundation
import JSON

/// What the Invoke API answers for `InvocationType` `Event` or `DryRun`: 202 with a request id
/// when the event was queued, 204 for a dry run, or an error status with an error document.
public struct AsyncSubmission: Sendable, Equatable {
  /// 202 (queued), 204 (dry run), 413 (over 1 MB) or 400 (not JSON).
  public var statusCode: Int
  /// The request id of a queued event (also the `aws_request_id` of every attempt).
  public var requestID: String?
  /// `RequestEntityTooLargeException` or `InvalidRequestContentException` on refusal.
  public var errorType: String?
  /// Empty on success; the error document on refusal.
  public var body: String

  /// True for 202 and 204.
  public var accepted: Bool { statusCode == 202 || statusCode == 204 }

  /// The largest asynchronous payload: 1 MB (raised from 256 KB in October 2025).
  public static let maxPayloadBytes = 1_048_576

  /// Checks a payload as the Invoke API does for asynchronous calls; nil when it is fine.
  static func refusal(for event: Data) -> AsyncSubmission? {
    if event.count > maxPayloadBytes {
      let message =
        "Request must be smaller than \(maxPayloadBytes) bytes for the asynchronous "
        + "InvokeFunction operation (the event has \(event.count) bytes)"
      return AsyncSubmission(
        statusCode: 413, requestID: nil, errorType: "RequestEntityTooLargeException",
        body: JSONText.errorBody(type: "RequestEntityTooLargeException", message: message))
    }
    if let rejection = InvocationRejection.check(event: event), rejection != .throttled {
      return AsyncSubmission(
        statusCode: rejection.statusCode, requestID: nil, errorType: rejection.errorType,
        body: rejection.body)
    }
    return nil
  }

  /// `DryRun`: validates the payload and answers 204 without running anything.
  public static func dryRun(_ event: Data) -> AsyncSubmission {
    refusal(for: event)
      ?? AsyncSubmission(statusCode: 204, requestID: nil, errorType: nil, body: "")
  }
}
