import Course
import JSON
import LambdaRuntime
import SystemSupport

/// One invocation record seen through the grader's eyes: parsed result, error and logs.
struct InvocationOutcome {
  let record: InvocationRecord
  /// The result (or the error document) parsed as JSON; nil when it is not JSON.
  let result: JSONValue?
  /// The function's scratch folder (its `/tmp`), when it has one.
  let scratchFolder: AbsolutePath?

  init(_ record: InvocationRecord, scratchFolder: AbsolutePath? = nil) {
    self.record = record
    self.scratchFolder = scratchFolder
    result = JSONValue.parse(bytes: record.result)
  }

  /// True when the invocation ran out of time.
  var timedOut: Bool { record.status == .timeout }

  var isError: Bool { record.isError }
  var errorType: String? { record.errorType ?? result?["errorType"]?.stringValue }
  var errorMessage: String { result?["errorMessage"]?.stringValue ?? record.resultText }

  /// `ValueError: boom`, or `Sandbox.Timedout: ... timed out ...`.
  var errorLine: String {
    "\(errorType ?? "error"): \(errorMessage)"
  }

  /// The error, its message and the first lines of its stack trace.
  func errorDescription(stackLines: Int = 6) -> String? {
    guard isError else { return nil }
    var lines = [errorLine]
    let frames = (result?["stackTrace"] ?? result?["trace"])?.arrayValue ?? []
    let stack = frames.compactMap(\.stringValue)
      .flatMap { $0.split(separator: "\n", omittingEmptySubsequences: true) }
      .map { String($0) }
    lines += stack.prefix(stackLines)
    if stack.count > stackLines {
      let more = stack.count - stackLines
      lines.append("... \(more) more \(more == 1 ? "line" : "lines")")
    }
    return lines.joined(separator: "\n")
  }

  /// The function's own output lines (START/END/REPORT lines dropped), last `count` of them.
  func logTail(_ count: Int = 10) -> [String] {
    InvocationOutcome.functionLines(record.logs).suffix(count).map { $0 }
  }

  /// Lines of a log without the platform's START, END, REPORT and INIT_START lines.
  static func functionLines(_ logs: String) -> [String] {
    let platform = ["START RequestId:", "END RequestId:", "REPORT RequestId:", "INIT_START "]
    return logs.split(separator: "\n", omittingEmptySubsequences: true).map { String($0) }
      .filter { line in !platform.contains { line.hasPrefix($0) } }
  }

  /// Non-overlapping occurrences of `text` in the log.
  func occurrences(of text: String) -> Int {
    guard !text.isEmpty else { return 0 }
    return record.logs.components(separatedBy: text).count - 1
  }
}
