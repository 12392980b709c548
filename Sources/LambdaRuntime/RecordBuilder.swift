import Foundation
import JSON
import SystemSupport

/// Builds an `InvocationRecord` and its CloudWatch-style log text while an invocation runs.
struct RecordBuilder {
  let requestID: String
  let function: LambdaFunction
  var logs = ""
  var droppedBytes = 0

  init(requestID: String, function: LambdaFunction) {
    self.requestID = requestID
    self.function = function
  }

  private var configuration: FunctionConfiguration { function.configuration }

  /// Runs the invoke phase on a ready environment.
  /// Returns nil when the environment died before taking the event (the caller retries).
  mutating func run(_ invocation: RuntimeChannel.Invocation, on environment: ExecutionEnvironment)
    -> InvocationRecord?
  {
    let cold = environment.takeInitPending() && !environment.provisioned
    let initDuration = cold ? environment.initDurationMs : nil
    append(environment.process.takeOutput())
    logs += ReportLine.start(requestID) + "\n"
    let start = ProcessClock.now()
    let outcome = environment.invoke(
      invocation, until: start + UInt64(configuration.timeout * 1e9))
    let end = ProcessClock.now()
    if outcome == .lostBeforeDispatch {
      logs = ""
      return nil
    }
    append(environment.process.takeOutput())
    var status = InvocationRecord.Status.error
    var reportStatus: String? = "error"
    var errorType: String?
    let result: [UInt8]
    switch outcome {
    case .response(let body):
      status = .success
      reportStatus = nil
      result = body
    case .error(let body, let type):
      reportStatus = nil
      errorType = JSONText.errorFields(in: body).type ?? type
      result = body
    case .responseTooLarge:
      errorType = "Function.ResponseSizeTooLarge"
      result = platformError(
        errorType ?? "",
        "Response payload size exceeded maximum allowed payload size "
          + "(\(RuntimeAPILimits.maxPayloadBytes) bytes).")
      logs += "\(ReportLine.timestamp()) \(requestID) Response payload size exceeded the limit\n"
    case .timedOut, .exited, .outOfMemory, .lostBeforeDispatch:
      (status, errorType, result) = platformFailure(outcome)
      reportStatus = status == .timeout ? "timeout" : "error"
    }
    logs += ReportLine.end(requestID) + "\n"
    let duration = ProcessClock.milliseconds(from: start, to: end)
    let billed = ReportLine.billed(durationMs: duration, initDurationMs: initDuration)
    let memory = environment.maxMemoryUsedMB
    logs +=
      ReportLine.report(
        requestID: requestID, durationMs: duration, billedMs: billed,
        memorySizeMB: configuration.memoryMB, maxMemoryMB: memory, initDurationMs: initDuration,
        status: reportStatus, errorType: reportStatus == "error" ? errorType : nil) + "\n"
    let initSpan =
      cold ? function.offset(environment.initStarted)...function.offset(environment.initEnded) : nil
    return InvocationRecord(
      requestID: requestID, environmentID: environment.id, cold: cold,
      initDurationMs: initDuration, durationMs: duration, billedDurationMs: billed,
      memorySizeMB: configuration.memoryMB, maxMemoryUsedMB: memory, status: status,
      statusCode: 200, errorType: errorType, result: Data(result), logs: logs,
      droppedLogBytes: droppedBytes, initSpan: initSpan,
      invokeSpan: function.offset(start)...function.offset(end))
  }

  /// Timeout, exit and out-of-memory results, with the log lines AWS prints for them.
  private mutating func platformFailure(_ outcome: ExecutionEnvironment.InvokeOutcome)
    -> (InvocationRecord.Status, String, [UInt8])
  {
    switch outcome {
    case .timedOut:
      let message = "Task timed out after \(String(format: "%.2f", configuration.timeout)) seconds"
      logs += "\(ReportLine.timestamp()) \(requestID) \(message)\n"
      let body = platformError("Sandbox.Timedout", "RequestId: \(requestID) Error: \(message)")
      return (.timeout, "Sandbox.Timedout", body)
    case .outOfMemory:
      let message = "RequestId: \(requestID) Error: Runtime exited with error: signal: killed"
      logs += "\(message)\nRuntime.OutOfMemory\n"
      return (.error, "Runtime.OutOfMemory", platformError("Runtime.OutOfMemory", message))
    case .exited(let exit):
      let reason =
        exit == .exited(0)
        ? "Runtime exited without providing a reason" : "Runtime exited with error: \(exit)"
      let message = "RequestId: \(requestID) Error: \(reason)"
      logs += "\(message)\nRuntime.ExitError\n"
      return (.error, "Runtime.ExitError", platformError("Runtime.ExitError", message))
    default:
      return (.error, "Runtime.Unknown", platformError("Runtime.Unknown", "unexpected outcome"))
    }
  }

  /// `{"errorType": ..., "errorMessage": ...}` in the order AWS returns platform errors.
  func platformError(_ type: String, _ message: String) -> [UInt8] {
    JSONValue.object([("errorType", .string(type)), ("errorMessage", .string(message))])
      .compactBytes()
  }

  /// Adds function output, noting how much was dropped.
  mutating func append(_ output: (text: String, droppedBytes: Int)) {
    if output.droppedBytes > 0 {
      logs += "[lambdalings: \(output.droppedBytes) bytes of function output were dropped]\n"
      droppedBytes += output.droppedBytes
    }
    guard !output.text.isEmpty else { return }
    logs += output.text
    if !output.text.hasSuffix("\n") { logs += "\n" }
  }
}
