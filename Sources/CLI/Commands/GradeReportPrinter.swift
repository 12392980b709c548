import Foundation
import Grader

/// Prints a grade report for people (marks, messages, error, logs) or as JSON.
struct GradeReportPrinter {
  let out: OutputWriter

  private var styler: Styler { out.styler }
  private var unicode: Bool { out.settings.supportsUnicode }
  private var passMark: String { styler.apply(unicode ? "✓" : "ok", .success) }
  private var failMark: String { styler.apply(unicode ? "✗" : "FAIL", .error) }

  /// The header, one line per case (with details under failing ones) and a summary line.
  func print(_ report: GradeReport, displayFile: String) {
    out.line(
      "Checking \(styler.apply(report.exerciseID, .emphasis)) (\(report.language)): \(displayFile)")
    if let problem = report.setupError {
      out.line("  \(failMark) could not run the handler: \(problem)")
      return
    }
    for result in report.results {
      printResult(result)
    }
    let total = report.results.count
    let noun = total == 1 ? "check" : "checks"
    if report.passed {
      out.line(styler.apply("All \(total) \(noun) passed.", .success))
    } else {
      out.line(
        styler.apply("\(total - report.passedCount) of \(total) \(noun) failed.", .error))
    }
  }

  private func printResult(_ result: CaseResult) {
    let label = result.kind == .scenario ? "scenario: \(result.name)" : result.name
    if result.passed {
      let timing = String(format: "%.1f ms", result.durationMs)
      out.line("  \(passMark) \(label) " + styler.apply("(\(timing))", .dim))
      return
    }
    out.line("  \(failMark) \(label) " + styler.apply("(spec.json:\(result.line))", .dim))
    for failure in result.failures {
      out.line("      \(failure)")
    }
    if let error = result.error {
      out.line("      " + styler.apply("handler error:", .heading))
      for line in error.split(separator: "\n", omittingEmptySubsequences: false) {
        out.line("        \(line)")
      }
    }
    if !result.logTail.isEmpty {
      out.line("      " + styler.apply("last log lines:", .heading))
      for line in result.logTail {
        out.line("        " + styler.apply("| ", .dim) + line)
      }
    }
  }

  /// The report as JSON: exercise, language, file, passed, counts, each result, next step.
  static func json(_ report: GradeReport, next: String?) -> String {
    struct Document: Encodable {
      var exercise: String
      var language: String
      var file: String
      var passed: Bool
      var passedCount: Int
      var total: Int
      var setupError: String?
      var results: [CaseResult]
      var next: String?
    }
    let document = Document(
      exercise: report.exerciseID, language: report.language, file: report.codeFile,
      passed: report.passed, passedCount: report.passedCount, total: report.results.count,
      setupError: report.setupError, results: report.results, next: next)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(document) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
