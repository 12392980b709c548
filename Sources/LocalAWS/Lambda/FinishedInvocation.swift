/// An invocation that ran on the local Lambda, as `serve` reports it when it ends.
public struct FinishedInvocation: Sendable, Equatable {
  /// The function's name.
  public var function: String
  /// The version that ran (`$LATEST`, `1`, ...).
  public var version: String
  public var requestID: String
  /// The error type when the invocation failed (`ValueError`, `Sandbox.Timedout`, ...).
  public var errorType: String?
  /// True for an `Event` invocation (run in the background, retried on failure).
  public var asynchronous: Bool
  /// Its log lines as CloudWatch has them: START, the function's output, END, REPORT.
  public var logs: String
}
