import Foundation

/// Everything one invocation produced: result, timings, memory, logs.
public struct InvocationRecord: Sendable, Equatable {
  /// How the invocation ended.
  public enum Status: String, Sendable, Codable {
    /// The handler returned a result.
    case success
    /// The handler or the runtime failed (`errorType` says how).
    case error
    /// The invocation ran out of time (`Sandbox.Timedout`).
    case timeout
    /// Refused because of reserved concurrency (429 `TooManyRequestsException`).
    case throttled
    /// Refused before running (e.g. a payload over 6 MB, or an event that is not JSON).
    case rejected
  }

  /// The request id (a lower-case UUID).
  public var requestID: String
  /// The environment (1, 2, ...) that ran it; nil when it never ran.
  public var environmentID: Int?
  /// True when the invocation needed an INIT.
  public var cold: Bool
  /// Init Duration in ms, on cold starts.
  public var initDurationMs: Double?
  /// Duration in ms (the invoke phase only).
  public var durationMs: Double
  /// Billed Duration in ms: ceil(init + duration) on cold starts, ceil(duration) otherwise.
  public var billedDurationMs: Int
  /// The configured memory.
  public var memorySizeMB: Int
  /// Peak resident memory of the runtime process.
  public var maxMemoryUsedMB: Int
  /// How it ended.
  public var status: Status
  /// The HTTP status the Invoke API would answer: 200, 429, 413 or 400.
  public var statusCode: Int
  /// `errorType` for errors (`ValueError`, `Runtime.ExitError`, `Sandbox.Timedout`, ...).
  public var errorType: String?
  /// The payload the caller receives: the result, or the error document.
  public var result: Data
  /// What CloudWatch would show: function output and START/END/REPORT lines.
  public var logs: String
  /// Bytes of function output dropped because there was too much.
  public var droppedLogBytes: Int
  /// When init started and ended, in ms since the function was created (cold starts only).
  public var initSpan: ClosedRange<Double>?
  /// When the invoke phase started and ended, in ms since the function was created.
  public var invokeSpan: ClosedRange<Double>

  /// True when the environment's INIT failed (the module did not load, the handler was not
  /// found, init code raised or ran out of time), so the handler never ran.
  public var initFailed = false

  /// True for every status except success.
  public var isError: Bool { status != .success }

  /// The result as text.
  public var resultText: String { String(decoding: result, as: UTF8.self) }
}
