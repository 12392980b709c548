import Foundation
import Progress
import Quiz

extension CommandSpec {
  /// `lambdalings review [--count N] [--seed S]`.
  static let review = CommandSpec(
    name: "review", abstract: "Spaced review of the questions that are due today.",
    usage: "review [--count N] [--seed S]",
    discussion: """
      Every answered question is scheduled with SM-2: a missed question comes back the next
      day, one you know comes back after 1, 6, then about 15 days and longer. Review asks the
      questions that are due, most overdue first, with the same keys as `quiz`.
      """,
    options: [
      OptionSpec(long: "count", short: "n", value: "N", help: "Review at most N questions."),
      OptionSpec(long: "seed", value: "S", help: "Shuffle choices reproducibly."),
    ]
  ) { invocation in
    let context = invocation.context
    let library = try QuizCommandSupport.library(context)
    let document = try WorkspaceSetup.progress(context)
    let now = context.now
    let due = document.dueReviewCards(at: now).compactMap { library.question($0.questionID) }
    let out = invocation.out
    guard !due.isEmpty else {
      out.line("Nothing to review right now.")
      let upcoming = document.reviewCards.values.map(\.due).filter { $0 > now }.min()
      if let upcoming {
        let formatter = DateFormatter()
        formatter.dateStyle = .medium
        formatter.timeStyle = .short
        out.line("Next review: \(formatter.string(from: upcoming)).")
      } else {
        out.line(
          "Answer some questions first: " + out.styler.apply(context.command("quiz"), .command))
      }
      return ExitCode.success
    }
    let limit = try QuizCommandSupport.count(invocation)
    let questions = Array(due.prefix(limit ?? due.count))
    var session = QuizSession(
      questions: questions, seed: try QuizCommandSupport.seed(invocation).value)
    out.line(
      out.styler.apply("Review: \(Plural.count(questions.count, "question")) due", .heading))
    let console = QuizTerminal.console(invocation)
    var recorder = try QuizTerminal.recorder(invocation, key: "review", count: questions.count)
    let end = try console.run(&session, feedback: true) { try recorder.record($0) }
    console.summary(session.report, end: end, byDomain: false, command: context.command)
    let left = max(0, due.count - session.answers.count)
    if left > 0 { out.line("\(Plural.count(left, "review")) still due.") }
    return ExitCode.success
  }
}
