import Foundation
import Progress
import Quiz
import SystemSupport
import Terminal

extension QuizCommandSupport {
  /// `lambdalings quiz --list`.
  static func list(_ banks: [QuizSummary], _ invocation: CommandRun) throws -> ExitCode {
    let document = try WorkspaceSetup.progress(invocation.context)
    let out = invocation.out
    let width = max(banks.map { DisplayWidth.of($0.id) }.max() ?? 4, 4)
    out.line(
      out.styler.apply(DisplayWidth.padded("QUIZ", to: width) + "  QUESTIONS  BEST", .heading))
    for bank in banks {
      var best = "-"
      if let attempt = document.quizzes[bank.id]?.best, attempt.questionCount > 0 {
        let percent = Int((Double(attempt.score) / Double(attempt.questionCount) * 100).rounded())
        best = "\(attempt.score)/\(attempt.questionCount) (\(percent)%)"
      }
      out.line(
        DisplayWidth.padded(bank.id, to: width) + "  "
          + DisplayWidth.padded(String(bank.questionCount), to: 9) + "  " + best)
    }
    let topics = Set(banks.flatMap(\.topics)).sorted()
    out.line("\nTopics (--topic): " + topics.joined(separator: ", "))
    let due = document.dueReviewCards(at: invocation.context.now).count
    out.line(
      "\n\(Plural.count(banks.map(\.questionCount).reduce(0, +), "question")). Reviews due: \(due)"
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

  /// `lambdalings quiz export QUIZ --format gift|json`.
  static func export(_ library: QuizLibrary, _ invocation: CommandRun) throws -> ExitCode {
    guard let id = invocation.args.positional(1) else {
      throw CLIError.usage(
        "quiz export needs the quiz to export",
        hint: "e.g. lambdalings quiz export limits --format gift")
    }
    guard let bank = library.bank(id) else {
      let known = library.banks.map(\.id).joined(separator: ", ")
      let guess = DidYouMean.closest(to: id, among: library.banks.map(\.id))
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

  /// `lambdalings quiz exam [--exam DVA-C02|SAA-C03] [--count N] [--time T] [--seed S]`: a
  /// mock exam weighted by the exam's domains, timed at the real exam's pace.
  static func exam(_ library: QuizLibrary, _ invocation: CommandRun) throws -> ExitCode {
    let examText = invocation.args.value("exam") ?? "DVA-C02"
    let code = String(examText.split(separator: " ").first ?? "")
    guard let blueprint = ExamBlueprint.named(code) else {
      let known = ExamBlueprint.all.map(\.exam).joined(separator: ", ")
      throw CLIError.usage(
        "there is no exam blueprint for '\(examText)'", hint: "Mock exams: \(known).")
    }
    let seed = try seed(invocation)
    let filter = QuestionFilter(topic: invocation.args.value("topic"), exam: examText)
    let context = invocation.context
    let wanted = try count(invocation) ?? blueprint.questionCount
    var limit = blueprint.timeLimit(forQuestions: wanted)
    if let timeText = invocation.args.value("time") {
      guard let parsed = MockExam.parseDuration(timeText), parsed >= 1 else {
        throw CLIError.usage(
          "--time must be a duration of at least one second such as 30m or 90s, "
            + "got '\(timeText)'")
      }
      limit = parsed
    }
    var exam = MockExam(
      blueprint: blueprint, banks: library.banks, filter: filter, count: wanted,
      seed: seed.value, timeLimit: limit, startedAt: context.now)
    guard !exam.session.items.isEmpty else {
      throw CLIError.usage("no question matches these filters")
    }
    if invocation.args.value("time") == nil, exam.session.items.count < wanted {
      // Fewer questions than asked: keep the real exam's pace for the ones there are.
      exam = MockExam(
        blueprint: blueprint, banks: library.banks, filter: filter, count: wanted,
        seed: seed.value, timeLimit: blueprint.timeLimit(forQuestions: exam.session.items.count),
        startedAt: context.now)
    }
    // The workspace is checked (another course's, not writable) before anything is shown.
    var recorder = try QuizTerminal.recorder(
      invocation, key: "exam", count: exam.session.items.count)
    let out = invocation.out
    out.line(
      out.styler.apply(
        "Mock exam (\(blueprint.exam)): "
          + "\(Plural.count(exam.session.items.count, "question")), "
          + "\(QuizCommandSupport.spoken(exam.timeLimit)).", .heading))
    out.line(
      "The real exam: \(blueprint.questionCount) questions in \(blueprint.minutes) minutes. "
        + "Questions per domain, by the exam's weights:")
    let total = exam.session.items.count
    let ideal = blueprint.quotas(
      count: total,
      available: Dictionary(uniqueKeysWithValues: blueprint.weights.map { ($0.domain, total) }))
    for entry in exam.domainCounts {
      let share = blueprint.weights.first { $0.domain == entry.domain }?.share ?? 0
      var line =
        "  \(blueprint.title(domain: entry.domain)) (\(Int((share * 100).rounded()))%): "
        + "\(entry.count)"
      if entry.count < ideal[entry.domain, default: 0] {
        line += " (the course has too few; the other domains take the rest)"
      }
      out.line(line)
    }
    out.line("No feedback until the end, as in the real exam. Seed: \(seed.value).")
    var console = QuizTerminal.console(invocation)
    if console.keys != nil {
      // On a terminal the clock runs while the learner thinks and ends the exam on time.
      console.clock = ExamClock(seconds: exam.remaining(at: context.now))
    }
    let end = try console.run(&exam, feedback: false) { try recorder.record($0) }
    console.summary(
      exam.report(answeredOnly: end == .quit), end: end, byDomain: true, command: context.command)
    for answered in exam.session.answers where !answered.grade.isCorrect {
      if let item = exam.session.items.first(where: { $0.question.id == answered.question.id }) {
        out.line("\n" + out.styler.apply("Missed: \(answered.question.id)", .emphasis))
        console.show(answered, as: item)
      }
    }
    return QuizConsole.passed(exam.report) ? ExitCode.success : ExitCode.failure
  }
}
