import Foundation

@testable import LambdaRuntime

/// Invocation records for mapping tests, without running a function.
enum InvocationRecordFactory {
  static func success(_ result: String) -> InvocationRecord {
    InvocationRecord(
      requestID: "r", environmentID: 1, cold: false, initDurationMs: nil, durationMs: 1,
      billedDurationMs: 1, memorySizeMB: 128, maxMemoryUsedMB: 30, status: .success,
      statusCode: 200, errorType: nil, result: Data(result.utf8), logs: "", droppedLogBytes: 0,
      initSpan: nil, invokeSpan: 0...1)
  }
}
