import Foundation
import Quiz
import Terminal

/// Something a learner answers question by question: a quiz session or a timed mock exam.
protocol QuizRun {
  var current: PresentedQuestion? { get }
  var position: Int { get }
  var questionCount: Int { get }
  mutating func submit(_ input: String, at now: Date) -> SubmitOutcome
  /// Seconds left, or nil when untimed.
  func timeLeft(at now: Date) -> TimeInterval?
}

extension QuizSession: QuizRun {
  var questionCount: Int { items.count }
  mutating func submit(_ input: String, at now: Date) -> SubmitOutcome { submit(input) }
  func timeLeft(at now: Date) -> TimeInterval? { nil }
}

extension MockExam: QuizRun {
  var current: PresentedQuestion? { session.current }
  var position: Int { session.position }
  var questionCount: Int { session.items.count }
  func timeLeft(at now: Date) -> TimeInterval? { remaining(at: now) }
}

/// Asks questions on the terminal: single keys on a TTY, one answer per line otherwise.
struct QuizConsole {
  /// How a run ended.
  enum End: Equatable { case finished, quit, timeUp }

  var write: (String) -> Void
  /// Reads one line of a pipe or file; nil at the end of input.
  var readLine: () -> String?
  /// Set when standard input is a terminal: answers are single keys.
  var keys: QuizKeyReader?
  /// The running clock of a timed exam on a terminal; nil when untimed or piped.
  var clock: ExamClock? = nil
  var styler: Styler
  /// Whether the terminal shows Unicode marks (`✓`); else ASCII ones (`[x]`).
  var supportsUnicode = true
  /// Turns Markdown into terminal text.
  var render: (String) -> String
  var now: () -> Date
  /// Columns of the terminal, asked each time something is laid out, so a terminal resized
  /// during the quiz gets the new width.
  var columns: () -> Int = { 80 }
  /// The terminal's width now.
  var width: Int { columns() }
  /// The command line for `words`, as the learner would type it (`Context.command`).
  var command: (String) -> String = { "lambdalings \($0)" }
  /// Where a `see:` link (`limits#payloads`) leads, as course text shows it (`CourseLinks`:
  /// `lambdalings read limits, section "Payloads"`); nil to show `read` and the anchor.
  var linkTarget: (String) -> String? = { _ in nil }
  /// What the learner is doing, for "Quiz stopped" or "Review stopped".
  var activity = "Quiz"
  /// Whether the run is judged against a pass mark (a quiz) or not (a review).
  var hasPassMark = true
  /// Piped answers longer than this are echoed cut.
  static let maxEcho = 200

  /// Asks every question of `run`; `record` is called after each graded answer, before the
  /// feedback, so an answer is saved even if the learner quits right after.
  func run<R: QuizRun>(
    _ run: inout R, feedback: Bool, record: (AnsweredQuestion) throws -> Void
  ) throws -> End {
    while let item = run.current {
      if let left = run.timeLeft(at: now()), left <= 0 { return .timeUp }
      let number = run.position + 1
      let total = run.questionCount
      let timeLeft = run.timeLeft(at: now())
      var first = true
      var graded = false
      while !graded {
        let answer =
          first
          ? showAndAsk(item) { show(item, number: number, of: total, timeLeft: timeLeft) }
          : ask(item)
        first = false
        guard let input = answer else {
          if clock?.expired == true { return .timeUp }
          write(
            "\n"
              + fit(
                run.position == 0
                  ? "\(activity) stopped before any answer."
                  : "\(activity) stopped; your answers so far are saved.") + "\n")
          return .quit
        }
        switch run.submit(input, at: now()) {
        case .invalid(let error):
          write(fit(styler.apply(error.message, .warning)) + "\n")
        case .timeUp:
          write(
            fit(styler.apply("Time is up: that answer came too late to count.", .warning)) + "\n")
          return .timeUp
        case .graded(let answered):
          do {
            try record(answered)
          } catch {
            // Feedback first, then why the answer could not be saved.
            if feedback { show(answered, as: item) }
            throw error
          }
          if feedback { show(answered, as: item) }
          graded = true
        }
      }
    }
    return .finished
  }

  /// Prints the question with its lettered options and what to do.
  func show(_ item: PresentedQuestion, number: Int, of total: Int, timeLeft: TimeInterval?) {
    var header = "Question \(number) of \(total)"
    if let topic = item.question.topics.first { header += " · \(topic)" }
    if let exam = item.question.exams.first { header += " · \(exam)" }
    if let timeLeft { header += " · time left \(MockExam.clock(timeLeft))" }
    var text = "\n" + fit(styler.apply(header, .dim)) + "\n" + render(item.question.prompt) + "\n"
    if !item.options.isEmpty { text += "\n" }
    for option in item.options {
      // The choice's text continues under itself, not under its letter.
      let choice = render(option.text).split(separator: "\n").joined(separator: " ")
      text += fit("  " + styler.apply("\(option.letter))", .accent) + " " + choice) + "\n"
    }
    let hint = hint(item)
    let fits = DisplayWidth.of(item.instruction + " " + hint) <= width
    let separator = hint.isEmpty ? "" : (fits ? " " : "\n")
    write(text + fit(styler.apply(item.instruction, .emphasis)) + separator + fit(hint) + "\n")
  }

  /// `line` wrapped to the terminal's width with a hanging indent.
  func fit(_ line: String) -> String {
    HangingIndent.wrap(line, width: width).joined(separator: "\n")
  }

  /// Every line of `text` wrapped as `fit` wraps one.
  func fitLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { fit(String($0)) }
      .joined(separator: "\n")
  }

  /// How to answer in the current input mode.
  func hint(_ item: PresentedQuestion) -> String {
    guard keys != nil else { return "" }
    switch item.question.kind {
    case .single: return "(press a letter; Esc quits)"
    case .trueFalse: return "(press t or f; Esc quits)"
    case .multiple: return "(letters or ↑/↓ and space toggle, Enter submits)"
    case .ordering: return "(type the letters in order, Enter submits)"
    case .numeric, .text: return "(type it and press Enter; Esc quits)"
    }
  }

  /// Shows a question and reads its answer. Raw mode starts before the question is printed, so
  /// a key pressed as soon as it appears is not echoed twice.
  func showAndAsk(_ item: PresentedQuestion, show: () -> Void) -> String? {
    guard let keys else {
      show()
      return ask(item)
    }
    return keys.withRawMode {
      show()
      return askWithKeys(item, keys)
    }
  }

  /// Reads one answer; nil when the learner quits or input ends.
  func ask(_ item: PresentedQuestion) -> String? {
    if let keys { return askWithKeys(item, keys) }
    write("> ")
    guard let line = readLine() else { return nil }
    // Piped input is not echoed by a terminal, so echo it to keep the transcript readable.
    write(QuizRecorder.capped(line, to: QuizConsole.maxEcho) + "\n")
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    return trimmed == "quit" ? nil : line
  }

  /// Prints right or wrong, the right answer, the explanation and the chapter link.
  func show(_ answered: AnsweredQuestion, as item: PresentedQuestion) {
    var text: String
    if answered.grade.isCorrect {
      text = styler.apply(StatusGlyph.done.symbol(unicode: supportsUnicode) + " Correct.", .success)
    } else {
      text = styler.apply(
        StatusGlyph.failed.symbol(unicode: supportsUnicode) + " Not quite.", .error)
      if !answered.grade.detail.isEmpty { text += " \(answered.grade.detail.capitalizedFirst)." }
      // Rendered: a choice may hold Markdown (`code`), shown as the choice itself is.
      let answer = render(item.correctAnswerText).split(separator: "\n").joined(separator: " ")
      text += " The answer: " + styler.apply(answer, .emphasis)
    }
    text = fit(text) + "\n" + render(answered.question.explanation) + "\n"
    if !answered.question.see.isEmpty {
      // `chapter#section` links become the command that shows the chapter.
      let reads = answered.question.see.map { link -> String in
        if let target = linkTarget(link) { return styler.apply(target, .command) }
        let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
        let section = parts.count > 1 ? styler.apply(" (section \(parts[1]))", .dim) : ""
        return styler.apply(command("read \(parts.first ?? link)"), .command) + section
      }
      text += fit(styler.apply("See: ", .dim) + reads.joined(separator: "; ")) + "\n"
    }
    write(text)
  }
}

extension String {
  /// The string with its first character upper-cased.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
