import Foundation
import JSON
import SystemSupport

extension RecordBuilder {
  /// The record of an invocation whose INIT failed: the init error is its result.
  mutating func initFailed(
    _ outcome: ExecutionEnvironment.InitOutcome, environment: ExecutionEnvironment
  ) -> InvocationRecord {
    append(environment.process.takeOutput())
    let initMs = environment.initDurationMs
    let errorType: String
    let result: [UInt8]
    var errorLines = ""
    var initStatus = "error"
    switch outcome {
    case .failed(let body, let type):
      errorType = JSONText.errorFields(in: body).type ?? type
      result = body
    case .exited(let exit):
      let reason =
        exit == .exited(0)
        ? "Runtime exited without providing a reason" : "Runtime exited with error: \(exit)"
      let message = "RequestId: \(requestID) Error: \(reason)"
      errorType = "Runtime.ExitError"
      errorLines = "\(message)\n\(errorType)\n"
      result = platformError(errorType, message)
    case .outOfMemory:
      let message = "RequestId: \(requestID) Error: Runtime exited with error: signal: killed"
      errorType = "Runtime.OutOfMemory"
      errorLines = "\(message)\n\(errorType)\n"
      result = platformError(errorType, message)
    case .timedOut, .ready:
      let message = "Task timed out after 10.00 seconds"
      errorType = "Sandbox.Timedout"
      initStatus = "timeout"
      errorLines = "\(ReportLine.timestamp()) \(requestID) \(message)\n"
      result = platformError(errorType, "RequestId: \(requestID) Error: \(message)")
    }
    logs +=
      ReportLine.initReport(durationMs: initMs, status: initStatus, errorType: errorType) + "\n"
    logs += ReportLine.start(requestID) + "\n" + errorLines + ReportLine.end(requestID) + "\n"
    let billed = ReportLine.billed(durationMs: initMs, initDurationMs: nil)
    let memory = environment.maxMemoryUsedMB
    logs +=
      ReportLine.report(
        requestID: requestID, durationMs: initMs, billedMs: billed,
        memorySizeMB: function.configuration.memoryMB, maxMemoryMB: memory, initDurationMs: nil,
        status: initStatus, errorType: initStatus == "error" ? errorType : nil) + "\n"
    let span = function.offset(environment.initStarted)...function.offset(environment.initEnded)
    var record = InvocationRecord(
      requestID: requestID, environmentID: environment.id, cold: true, initDurationMs: initMs,
      durationMs: initMs, billedDurationMs: billed,
      memorySizeMB: function.configuration.memoryMB, maxMemoryUsedMB: memory,
      status: initStatus == "timeout" ? .timeout : .error, statusCode: 200,
      errorType: errorType, result: Data(result), logs: logs, droppedLogBytes: droppedBytes,
      initSpan: span, invokeSpan: span.upperBound...span.upperBound)
    record.initFailed = true
    return record
  }

  /// The record of an invocation whose environment could not even be started.
  mutating func failedToStart(_ error: Error, at arrival: UInt64) -> InvocationRecord {
    let type = "Runtime.InvalidEntrypoint"
    let result = platformError(type, "RequestId: \(requestID) Error: \(error)")
    let at = function.offset(arrival)
    return InvocationRecord(
      requestID: requestID, environmentID: nil, cold: true, initDurationMs: nil, durationMs: 0,
      billedDurationMs: 0, memorySizeMB: function.configuration.memoryMB, maxMemoryUsedMB: 0,
      status: .error, statusCode: 200, errorType: type, result: Data(result), logs: logs,
      droppedLogBytes: 0, initSpan: nil, invokeSpan: at...at)
  }
}
