import Foundation
import Progress
import Quiz

extension QuizCommandSupport {
  /// `lambdalings quiz --list`.
  static func list(_ library: QuizLibrary, _ invocation: Invocation) throws -> Int32 {
    let document = try WorkspaceSetup.progress(invocation.context)
    let out = invocation.out
    let width = max(library.banks.map(\.id.count).max() ?? 4, 4)
    out.line(out.styler.apply(pad("QUIZ", width) + "  QUESTIONS  BEST", .heading))
    for bank in library.banks {
      var best = "-"
      if let attempt = document.quizzes[bank.id]?.best, attempt.questionCount > 0 {
        let percent = Int((Double(attempt.score) / Double(attempt.questionCount) * 100).rounded())
        best = "\(attempt.score)/\(attempt.questionCount) (\(percent)%)"
      }
      out.line(pad(bank.id, width) + "  " + pad(String(bank.questions.count), 9) + "  " + best)
    }
    let topics = Set(library.allQuestions.flatMap(\.topics)).sorted()
    out.line("\nTopics (--topic): " + topics.joined(separator: ", "))
    let due = document.dueReviewCards(at: invocation.context.now).count
    out.line(
      "\n\(Plural.count(library.allQuestions.count, "question")). Reviews due: \(due)"
        + (due > 0 ? " (lambdalings review)" : ""))
    return ExitCode.success
  }

  /// A duration in words: `30 minutes`, `1 minute 30 seconds`, `45 seconds`.
  static func spoken(_ seconds: TimeInterval) -> String {
    let whole = Int(seconds.rounded(.up))
    let hours = whole / 3600
    let minutes = (whole % 3600) / 60
    let rest = whole % 60
    var parts: [String] = []
    if hours > 0 { parts.append(Plural.count(hours, "hour")) }
    if minutes > 0 { parts.append(Plural.count(minutes, "minute")) }
    if rest > 0 || parts.isEmpty { parts.append(Plural.count(rest, "second")) }
    return parts.joined(separator: " ")
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }

  /// `lambdalings quiz export QUIZ --format gift|json`.
  static func export(_ library: QuizLibrary, _ invocation: Invocation) throws -> Int32 {
    guard let id = invocation.args.positional(1) else {
      throw CLIError.usage(
        "quiz export needs the quiz to export",
        hint: "e.g. lambdalings quiz export limits --format gift")
    }
    guard let bank = library.bank(id) else {
      let known = library.banks.map(\.id).joined(separator: ", ")
      let guess = Suggestion.closest(to: id, in: library.banks.map(\.id))
      throw CLIError.usage(
        "there is no quiz '\(id)'",
        hint: (guess.map { "Did you mean '\($0)'? " } ?? "") + "Quizzes: \(known).")
    }
    switch invocation.args.value("format") ?? "gift" {
    case "gift": invocation.out.write(GIFTExporter.export(bank))
    case "json": invocation.out.write(try JSONExporter.export(bank))
    case let other:
      throw CLIError.usage("--format must be gift or json, got '\(other)'")
    }
    return ExitCode.success
  }

  /// `lambdalings quiz exam [--time 30m] [--count N] [--exam E] [--seed S]`.
  static func exam(_ library: QuizLibrary, _ invocation: Invocation) throws -> Int32 {
    let timeText = invocation.args.value("time") ?? "30m"
    guard let limit = MockExam.parseDuration(timeText) else {
      throw CLIError.usage("--time must be a duration such as 30m or 90s, got '\(timeText)'")
    }
    let seed = try seed(invocation)
    let filter = QuestionFilter(
      topic: invocation.args.value("topic"), exam: invocation.args.value("exam"))
    let context = invocation.context
    var exam = MockExam(
      banks: library.banks, filter: filter, count: try count(invocation) ?? 20, seed: seed.value,
      timeLimit: limit, startedAt: context.now)
    guard !exam.session.items.isEmpty else {
      throw CLIError.usage("no question matches these filters")
    }
    let out = invocation.out
    out.line(
      out.styler.apply(
        "Mock exam: \(Plural.count(exam.session.items.count, "question")),"
          + " \(QuizCommandSupport.spoken(limit)).",
        .heading))
    out.line("No feedback until the end, as in the real exam. Seed: \(seed.value).")
    let console = QuizTerminal.console(invocation)
    var recorder = try QuizTerminal.recorder(
      invocation, key: "exam", count: exam.session.items.count)
    let end = try console.run(&exam, feedback: false) { try recorder.record($0) }
    console.summary(exam.report, end: end, byDomain: true, command: context.command)
    for answered in exam.session.answers where !answered.grade.isCorrect {
      if let item = exam.session.items.first(where: { $0.question.id == answered.question.id }) {
        out.line("\n" + out.styler.apply("Missed: \(answered.question.id)", .emphasis))
        console.show(answered, as: item)
      }
    }
    return QuizConsole.passed(exam.report) ? ExitCode.success : ExitCode.failure
  }
}
