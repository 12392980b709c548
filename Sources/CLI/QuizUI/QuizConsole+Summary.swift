import Course
import Foundation
import Quiz
import Terminal

extension QuizConsole {
  /// The share of right answers needed to pass (exit code 0) when a quiz sets no other.
  static let passMark = QuizSource.defaultPassMark

  /// Prints the score, the per-topic breakdown, the weakest topic and, for exams, the domains.
  /// A run stopped early is scored on what was answered; unasked questions are not judged.
  func summary(
    _ report: SessionReport, end: End, byDomain: Bool, passMark: Double = QuizConsole.passMark,
    command: (String) -> String = { "lambdalings \($0)" }
  ) {
    var text = "\n"
    if end == .timeUp { text += styler.apply("Time is up.", .warning) + "\n" }
    let total = report.total
    let passed = QuizConsole.passed(report, passMark: passMark)
    let verdict = passed ? styler.apply("passed", .success) : styler.apply("not passed yet", .error)
    // When time runs out, unanswered questions count as wrong, as in the real exam; a learner
    // who stops on purpose is scored on what they answered.
    let stoppedEarly = report.unanswered > 0 && end != .timeUp
    if stoppedEarly, report.answered.total == 0 {
      text += styler.apply("No question was answered, so there is no score.", .heading) + "\n"
      write(fitLines(text))
      return
    }
    if stoppedEarly {
      let answered = report.answered
      let score =
        "Score: \(answered.correct) of \(answered.total) answered (\(answered.percent)%)"
      text += styler.apply(score, .heading) + (hasPassMark ? " · \(verdict)\n" : "\n")
      text += "\(report.unanswered) of \(total.total) \(Plural.noun(total.total, "question"))"
      text +=
        hasPassMark
        ? " not answered; the quiz is passed with \(Int((passMark * 100).rounded()))% of all"
          + " \(total.total).\n"
        : " not answered.\n"
    } else {
      text += styler.apply(
        "Score: \(total.correct) of \(total.total) (\(total.percent)%)", .heading)
      text += hasPassMark ? " · \(verdict)\n" : "\n"
      if report.unanswered > 0 {
        text += "\(Plural.count(report.unanswered, "question")) not answered in time.\n"
      }
    }
    if byDomain, !report.domains.isEmpty {
      text += "\nBy exam domain:\n" + table(report.domains)
    }
    if report.topics.count > 1 {
      text += "\nBy topic:\n" + table(report.topics)
    }
    if let weakest = report.weakestTopic {
      text += "\nWeakest topic: " + styler.apply(weakest.label, .emphasis)
      text += " (\(weakest.correct) of \(weakest.total) right). Practise it with "
      text += styler.apply(command("quiz --topic \(weakest.label)"), .command) + ".\n"
    }
    if !report.missed.isEmpty {
      text += "Missed questions come back in " + styler.apply(command("review"), .command)
      text += " from tomorrow.\n"
    }
    write(fitLines(text))
  }

  /// Whether a report reaches the pass mark, counting every question of the run.
  static func passed(_ report: SessionReport, passMark: Double = QuizConsole.passMark) -> Bool {
    report.total.total > 0 && report.total.ratio + 1e-9 >= passMark
  }

  /// Aligned `label  right/total  percent` lines; when the longest does not fit the terminal,
  /// each label gets a line of its own (wrapped) with its score indented under it.
  func table(_ lines: [ScoreLine]) -> String {
    let labelWidth = min(lines.map { DisplayWidth.of($0.label) }.max() ?? 0, 60)
    let scores = lines.map { line -> String in
      let score = "\(line.correct)/\(line.total)"
      let padded = DisplayWidth.padded(score, to: 6, alignment: .right)
      let percent = "\(line.percent)%"
      let mark = line.correct == line.total ? styler.apply(percent, .success) : percent
      return "\(padded)  \(mark)"
    }
    // "  label  " + "  12/34  100%"
    let stacked = 2 + labelWidth + 2 + 6 + 2 + 4 > width
    return zip(lines, scores).map { line, score in
      if stacked { return fit("  " + line.label) + "\n    " + score }
      return "  " + DisplayWidth.padded(line.label, to: labelWidth) + "  " + score
    }.joined(separator: "\n") + "\n"
  }
}
