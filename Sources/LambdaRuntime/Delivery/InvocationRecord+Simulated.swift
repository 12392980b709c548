import Foundation
import JSON

extension InvocationRecord {
  /// A successful record for an invocation that did not run on the runtime: in-process
  /// targets of benchmarks and tests that measure or check the invokers and pollers alone.
  public static func simulated(
    requestID: String, result: Data = Data("null".utf8), durationMs: Double = 0
  ) -> InvocationRecord {
    InvocationRecord(
      requestID: requestID, environmentID: 1, cold: false, initDurationMs: nil,
      durationMs: durationMs, billedDurationMs: Int(durationMs.rounded(.up)), memorySizeMB: 128,
      maxMemoryUsedMB: 0, status: .success, statusCode: 200, errorType: nil, result: result,
      logs: "", droppedLogBytes: 0, initSpan: nil, invokeSpan: 0...durationMs)
  }
}

extension InvocationRecord {
  /// A record for an invocation refused before it ran (429 throttle, 404 for a function that
  /// is gone), for callers that check availability themselves before invoking.
  public static func refused(
    requestID: String, statusCode: Int, errorType: String, message: String
  ) -> InvocationRecord {
    InvocationRecord(
      requestID: requestID, environmentID: nil, cold: false, initDurationMs: nil, durationMs: 0,
      billedDurationMs: 0, memorySizeMB: 128, maxMemoryUsedMB: 0,
      status: statusCode == 429 ? .throttled : .rejected, statusCode: statusCode,
      errorType: errorType,
      result: Data(JSONText.errorBody(type: errorType, message: message).utf8), logs: "",
      droppedLogBytes: 0, initSpan: nil, invokeSpan: 0...0)
  }
}
