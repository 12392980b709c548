import Foundation
import Quiz

extension QuizConsole {
  /// The share of right answers needed to pass (exit code 0), like AWS's scaled 720/1000.
  static let passMark = 0.7

  /// Prints the score, the per-topic breakdown, the weakest topic and, for exams, the domains.
  func summary(_ report: SessionReport, end: End, byDomain: Bool) {
    var text = "\n"
    if end == .timeUp { text += styler.apply("Time is up.", .warning) + "\n" }
    let total = report.total
    let passed = QuizConsole.passed(report)
    let verdict = passed ? styler.apply("passed", .success) : styler.apply("not passed yet", .error)
    text += styler.apply("Score: \(total.correct) of \(total.total) (\(total.percent)%)", .heading)
    text += " · \(verdict)\n"
    if report.unanswered > 0 { text += "\(report.unanswered) question(s) not answered.\n" }
    if byDomain, !report.domains.isEmpty {
      text += "\nBy exam domain:\n" + table(report.domains)
    }
    if report.topics.count > 1 {
      text += "\nBy topic:\n" + table(report.topics)
    }
    if let weakest = report.weakestTopic {
      text += "\nWeakest topic: " + styler.apply(weakest.label, .emphasis)
      text += " (\(weakest.correct) of \(weakest.total) right). Practise it with "
      text += styler.apply("lambdalings quiz --topic \(weakest.label)", .command) + ".\n"
    }
    if !report.missed.isEmpty {
      text += "Missed questions come back in " + styler.apply("lambdalings review", .command)
      text += " from tomorrow.\n"
    }
    write(fitLines(text))
  }

  /// Whether a report reaches the pass mark.
  static func passed(_ report: SessionReport) -> Bool {
    report.total.total > 0 && report.total.ratio >= passMark
  }

  /// Aligned `label  right/total  percent` lines.
  func table(_ lines: [ScoreLine]) -> String {
    let width = min(lines.map(\.label.count).max() ?? 0, 60)
    return lines.map { line in
      let label = line.label.padding(
        toLength: max(width, line.label.count), withPad: " ", startingAt: 0)
      let score = "\(line.correct)/\(line.total)"
      let padded = String(repeating: " ", count: max(0, 6 - score.count)) + score
      let percent = "\(line.percent)%"
      let mark = line.correct == line.total ? styler.apply(percent, .success) : percent
      return "  \(label)  \(padded)  \(mark)"
    }.joined(separator: "\n") + "\n"
  }
}
