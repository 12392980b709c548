import Foundation
import Grader

/// Prints a grade report for people (marks, messages, error, logs) or as JSON.
struct GradeReportPrinter {
  let out: OutputWriter

  private var styler: Styler { out.styler }
  private var unicode: Bool { out.settings.supportsUnicode }
  private var passMark: String { styler.mark(passed: true, unicode: unicode) }
  private var failMark: String { styler.mark(passed: false, unicode: unicode) }
  private var skipMark: String { styler.apply(unicode ? "–" : "-", .dim) }

  /// The header, the function's start failure (once), one line per case (with details under
  /// failing ones, skipped ones grouped by reason) and a summary line.
  func print(_ report: GradeReport, displayFile: String) {
    out.line(
      "Checking \(styler.apply(report.exerciseID, .emphasis)) (\(report.language)): \(displayFile)")
    if let problem = report.setupError {
      out.line("  \(failMark) could not run the handler: \(problem)")
      return
    }
    if let failure = report.loadFailure {
      printLoadFailure(failure, report: report, displayFile: displayFile)
    }
    var skippedReasons: [(String, Int)] = []
    for result in report.results {
      if let reason = result.skipped {
        if let index = skippedReasons.firstIndex(where: { $0.0 == reason }) {
          skippedReasons[index].1 += 1
        } else {
          skippedReasons.append((reason, 1))
        }
        continue
      }
      printResult(result)
    }
    for (reason, count) in skippedReasons {
      let noun = count == 1 ? "check" : "checks"
      out.line("  \(skipMark) \(count) \(noun) not run: \(reason)")
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

  /// One block for a function that does not start: what, where, and what to do.
  private func printLoadFailure(_ failure: LoadFailure, report: GradeReport, displayFile: String) {
    let place = failure.line > 0 ? "\(displayFile):\(failure.line)" : displayFile
    if failure.isFileProblem {
      out.line("  \(failMark) " + styler.apply("your file does not load", .error) + " (\(place))")
    } else if let name = failure.caseName {
      out.line(
        "  \(failMark) "
          + styler.apply("the handler '\(failure.handler)' is not found in your file", .error)
          + " (the check '\(name)' calls it by that name; do not rename it)")
    } else {
      let config = report.configFile.map { " (set in \($0))" } ?? ""
      out.line(
        "  \(failMark) "
          + styler.apply("the handler '\(failure.handler)' is not found", .error) + config)
    }
    for line in (failure.details ?? failure.headline).split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      out.line("        \(line)")
    }
    if !failure.logTail.isEmpty {
      out.line("      " + styler.apply("last log lines:", .heading))
      for line in failure.logTail { out.line("        " + styler.apply("| ", .dim) + line) }
    }
  }

  private func printResult(_ result: CaseResult) {
    let label = result.kind == .scenario ? "scenario: \(result.name)" : result.name
    if result.passed {
      let timing = String(format: "%.1f ms", result.durationMs)
      out.line("  \(passMark) \(label) " + styler.apply("(\(timing))", .dim))
      return
    }
    out.line("  \(failMark) \(label) " + styler.apply("(\(result.location))", .dim))
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

  /// The report as JSON in the exercism test-runner shape (version 2), with our extras.
  static func json(_ report: GradeReport, next: String?) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(TestRunnerDocument(report, next: next)) else {
      return "{\"version\": 2, \"status\": \"error\", \"message\": \"could not encode\"}\n"
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
