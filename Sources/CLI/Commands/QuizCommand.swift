import Foundation
import Quiz
import SystemSupport
import Workspace

extension CommandSpec {
  /// `lambdalings quiz [QUIZ] [--topic T] [--exam E] [--count N] [--seed S]`, `quiz --list`,
  /// `quiz exam [--exam DVA-C02] [--count N] [--time T]`, `quiz export QUIZ --format gift|json`.
  static let quiz = CommandSpec(
    name: "quiz", abstract: "Take a quiz; answers are explained and missed ones come back later.",
    usage: "quiz [QUIZ | exam | export QUIZ] [options]",
    discussion: """
      On a terminal, answer with single keys: a letter for one choice; letters (or ↑/↓ and
      space) then Enter for "choose two"; t or f; type numbers and text and press Enter.
      Without a terminal, one answer per line is read from standard input (`b`, `a,c`, `t`,
      `900 s`, `c,a,b`), so quizzes can be scripted. Esc, Ctrl-C or `quit` stop early; the
      next `quiz QUIZ` continues where you stopped, with your answers kept (--restart starts
      over).
      Without QUIZ, questions come from every quiz (10 of them unless --count says otherwise).
      `quiz exam` is a mock exam weighted by the exam's domains and timed at its pace: DVA-C02
      (or --exam SAA-C03) has 65 questions in 130 minutes; --count 20 gives 40 minutes.
      The score is reported per exam domain at the end.
      `quiz export QUIZ --format gift` writes Moodle GIFT; `--format json` a neutral JSON form.
      Exit code 1 when the score is under the quiz's pass mark (70% unless its header sets
      `pass:`); a quiz counts as done in your progress once an attempt reaches it. Stopping
      early scores the questions you answered.
      """,
    arguments: [
      ArgumentSpec("QUIZ", help: "A quiz id (see --list), `exam`, or `export`."),
      ArgumentSpec("EXPORTED", help: "With `export`: the quiz to export."),
    ],
    options: [
      OptionSpec(
        long: "list", short: "l", help: "List quizzes with question counts and best scores."),
      OptionSpec(long: "topic", short: "t", value: "TOPIC", help: "Only questions with this tag."),
      OptionSpec(
        long: "exam", short: "e", value: "EXAM", help: "Only questions for DVA-C02, SAA-C03 1, ..."),
      OptionSpec(
        long: "count", short: "n", value: "N", help: "Ask at most N questions (a random sample)."),
      OptionSpec(long: "seed", value: "S", help: "Shuffle reproducibly with this number."),
      OptionSpec(
        long: "time", value: "DURATION",
        help: "Mock exam time limit (default: 2 minutes a question, the real exam's pace)."),
      OptionSpec(long: "format", value: "FORMAT", help: "Export format: gift or json."),
      OptionSpec(
        long: "restart", help: "Start a quiz you stopped part-way over instead of continuing it."),
    ]
  ) { invocation in
    if invocation.args.flag("list") {
      return try QuizCommandSupport.list(
        QuizCommandSupport.listing(invocation.context), invocation)
    }
    let library = try QuizCommandSupport.library(invocation.context)
    switch invocation.args.positional(0) {
    case "export":
      return try QuizCommandSupport.export(library, invocation)
    case "exam":
      return try QuizCommandSupport.exam(library, invocation)
    case let id:
      return try QuizCommandSupport.take(library, quizID: id, invocation)
    }
  }
}

/// The work behind `lambdalings quiz`.
enum QuizCommandSupport {
  /// Every quiz bank of the course; authoring errors stop the command.
  static func library(_ context: Context) throws -> QuizLibrary {
    let library = QuizLibrary(course: try context.course())
    let errors = library.diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      throw CLIError.content(
        "the quizzes have \(ProblemList.text(errors, relativeTo: context.currentDirectory))\n"
          + "Fix them (see docs/authoring-quizzes.md) and run the command again.")
    }
    return library
  }

  /// What `quiz --list` shows of each bank, from the course's headers and a light scan of
  /// each quiz file (its `## ` headings and `tags:` lines; see `QuizSummary.scan`), so the
  /// listing does not parse every question. Header errors stop the command; errors inside
  /// questions are reported by `validate` and when the quiz is taken.
  static func listing(_ context: Context) throws -> [QuizSummary] {
    let course = try context.courseOutline()
    return try course.quizzes.map { quiz in
      if let listing = quiz.listing {
        return QuizSummary(
          id: listing.id, questionCount: listing.questionCount, topics: listing.topics)
      }
      guard let data = FileManager.default.contents(atPath: quiz.file) else {
        throw CLIError.content("cannot read \(quiz.file); check that it exists and is readable")
      }
      return QuizSummary.scan(String(decoding: data, as: UTF8.self))
    }
  }

  /// The questions of one quiz, or of every quiz when `quizID` is nil.
  static func questions(_ library: QuizLibrary, quizID: String?) throws -> [Question] {
    guard let quizID else { return library.allQuestions }
    guard let bank = library.bank(quizID) else {
      let known = library.banks.map(\.id).joined(separator: ", ")
      let guess = DidYouMean.closest(to: quizID, among: library.banks.map(\.id))
      throw CLIError.usage(
        "there is no quiz '\(quizID)'",
        hint: (guess.map { "Did you mean '\($0)'? " } ?? "") + "Quizzes: \(known).")
    }
    return bank.questions
  }

  /// `--seed`, or one derived from the clock (printed so the run can be repeated).
  static func seed(_ invocation: CommandRun) throws -> (value: UInt64, given: Bool) {
    guard let text = invocation.args.value("seed") else {
      let nanos = UInt64(max(0, invocation.context.now.timeIntervalSince1970 * 1000))
      return (nanos % 1_000_000, false)
    }
    guard let value = UInt64(text) else {
      throw CLIError.usage("--seed must be a whole number such as 42, got '\(text)'")
    }
    return (value, true)
  }

  /// `--count` as a positive number, or nil.
  static func count(_ invocation: CommandRun) throws -> Int? {
    guard invocation.args.value("count") != nil else { return nil }
    return try invocation.args.int("count", default: 10, range: 1...10_000)
  }

  /// `lambdalings quiz [QUIZ]`.
  static func take(_ library: QuizLibrary, quizID: String?, _ invocation: CommandRun) throws
    -> ExitCode
  {
    let pool = try questions(library, quizID: quizID)
    var count = try count(invocation)
    let filtered = invocation.args.value("topic") != nil || invocation.args.value("exam") != nil
    if quizID == nil, count == nil, !filtered { count = 10 }
    let filter = QuestionFilter(
      topic: invocation.args.value("topic"), exam: invocation.args.value("exam"), count: count)
    let seed = try seed(invocation)
    var session = QuizSession(questions: pool, filter: filter, seed: seed.value)
    guard !session.items.isEmpty else {
      throw CLIError.usage(
        "no question matches these filters", hint: "Try `lambdalings quiz --list` for topics.")
    }
    // The workspace is checked (another course's, not writable) before anything is shown.
    var recorder = try QuizTerminal.recorder(
      invocation, key: quizID ?? "mixed", count: session.items.count)
    let title = quizID.flatMap { library.bank($0)?.title } ?? "Mixed quiz"
    let out = invocation.out
    out.line(
      out.styler.apply("\(title): \(Plural.count(session.items.count, "question"))", .heading))
    let sample = session.items.count < pool.count
    recorder.sample = sample
    var resumed = false
    if let quizID, !sample {
      resumed = try resumeStopped(quizID, session: &session, recorder: &recorder, invocation)
    }
    // A continued attempt keeps its questions; the seed would only re-deal the choices left.
    if !seed.given && !resumed {
      out.line(out.styler.apply("(repeat this order with --seed \(seed.value))", .dim))
    }
    let console = QuizTerminal.console(invocation)
    let end = try console.run(&session, feedback: true) { try recorder.record($0) }
    let context = invocation.context
    let passMark =
      quizID.flatMap { try? context.course().quiz($0)?.passMark } ?? QuizConsole.passMark
    console.summary(
      session.report, end: end, byDomain: false, passMark: passMark, command: context.command)
    let passed = QuizConsole.passed(session.report, passMark: passMark)
    if let quizID, try WorkspaceSetup.existing(context) != nil {
      // A whole quiz stopped part-way is continued by the same command.
      let stopped = end == .quit && session.report.unanswered > 0 && !sample
      try QuizCommandSupport.nextSteps(
        after: quizID, passed: passed && !sample, passMark: passMark, sample: sample,
        stopped: stopped, invocation)
    }
    return passed ? ExitCode.success : ExitCode.failure
  }

  /// After a quiz of the course: the next step when it is passed, else how to retry or skip.
  static func nextSteps(
    after quizID: String, passed: Bool, passMark: Double, sample: Bool, stopped: Bool = false,
    _ invocation: CommandRun
  ) throws {
    let context = invocation.context
    let out = invocation.out
    let styler = out.styler
    let course = try context.course()
    let progress = try WorkspaceSetup.progress(context)
    let status = CourseStatus(course: course, progress: progress)
    out.line()
    if passed {
      guard let next = status.next else {
        out.line(styler.apply("That was the last step of the course. Well done!", .success))
        return
      }
      out.line("Next: \(NextStep.describe(next))")
      if let file = ExerciseSelection.nextExerciseFile(
        course: course, progress: progress, context: context)
      {
        out.line("    edit " + styler.apply(file, .emphasis) + ", then")
      }
      out.line("    " + styler.apply(NextStep.command(next, context: context), .command))
      return
    }
    var text =
      sample
      ? "That was practice on part of the quiz; it counts as done when you score"
        + " \(NextStep.percent(passMark)) on all of it: "
        + styler.apply(context.command("quiz \(quizID)"), .command)
      : "The quiz counts as done at \(NextStep.percent(passMark))."
        + (stopped ? " Continue where you stopped with " : " Try again with ")
        + styler.apply(context.command("quiz \(quizID)"), .command)
    if status.next?.step == .quiz(quizID) {
      text += ", or move on for now with " + styler.apply(context.command("next --skip"), .command)
    }
    out.line(text + ".")
  }
}
