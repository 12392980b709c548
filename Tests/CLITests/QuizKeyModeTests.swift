import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Drives `lambdalings quiz`, `quiz exam` and `review` through a pseudo-terminal, so they answer
/// with single keys, run the exam clock and meet Ctrl-C, Ctrl-\ and signals as in a terminal.
@Suite(.timeLimit(.minutes(6))) struct QuizKeyModeTests {
  @Test func singleKeyAnswersThroughAPseudoTerminal() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["quiz", "mini", "--seed", "1"] + options, directory: runner.directory,
      environment: ["NO_COLOR": "1"])
    defer { terminal.close() }
    var at = try terminal.waitFor("(press a letter; Esc quits)")
    terminal.send("b")
    at = try terminal.waitFor("✓ Correct.", after: at)
    #expect(!terminal.transcript.contains("bb"), "the key was echoed before raw mode")
    at = try terminal.waitFor("Enter submits)", after: at)
    terminal.send("a")
    terminal.send("\r")  // only one picked: asks for two
    at = try terminal.waitFor("choose 2", after: at)
    terminal.send(" ")  // the cursor is on a: untoggles it
    terminal.send("\u{1B}[B")  // down to b
    terminal.send("\u{1B}[B")  // down to c
    terminal.send(" ")
    terminal.send("a")
    terminal.send("\r")
    at = try terminal.waitFor("(press t or f; Esc quits)", after: at)
    terminal.send("t")
    at = try terminal.waitFor("(type it and press Enter; Esc quits)", after: at)
    terminal.send("15 min\r")
    at = try terminal.waitFor("Name the OS-only runtime.", after: at)
    at = try terminal.waitFor("(type it and press Enter; Esc quits)\n> ", after: at)
    terminal.send("provided.al2023\r")
    try terminal.waitFor("Score: 5 of 5 (100%) · passed", after: at)
    #expect(try terminal.waitForExit() == 0)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
    let answers = try #require(try QuizTestCourse.attempts(runner).first)
    #expect(QuizTestCourse.answers(answers) == ["b", "a,c", "t", "15 min", "provided.al2023"])
  }

  @Test func ctrlCAsAKeyStopsTheQuizAndKeepsAnswers() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(["quiz", "mini"] + options, directory: runner.directory)
    defer { terminal.close() }
    try terminal.waitFor("(press a letter; Esc quits)")
    terminal.send("a")
    try terminal.waitFor("Not quite.")
    try terminal.waitFor("Enter submits)")
    terminal.send("\u{3}")  // Ctrl-C arrives as a key in raw mode
    try terminal.waitFor("Quiz stopped; your answers so far are saved.")
    #expect(try terminal.waitForExit() == 1)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
    let cards = try QuizTestCourse.progress(runner)["reviewCards"] as? [String: Any]
    #expect(cards?.keys.sorted() == ["q1-single"])
  }

  @Test func ctrlBackslashQuitsQuietlyWithoutABacktrace() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["quiz", "mini", "--topic", "limits", "--seed", "1"] + options, directory: runner.directory)
    defer { terminal.close() }
    try terminal.waitFor("(press a letter; Esc quits)")
    terminal.send("\u{1c}")  // Ctrl-\ in raw mode: a key
    try terminal.waitFor("Quiz stopped")
    #expect(try terminal.waitForExit() == 1)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
    // A typed answer is read in raw mode too: Ctrl-\ is a key there as well.
    let second = try PseudoTerminal(
      ["quiz", "mini", "--topic", "limits", "--seed", "1"] + options, directory: runner.directory)
    defer { second.close() }
    try second.waitFor("(press a letter; Esc quits)")
    second.send("b")
    try second.waitFor("(type it and press Enter; Esc quits)")
    second.send("\u{1c}")
    try second.waitFor("Quiz stopped; your answers so far are saved.")
    #expect(try second.waitForExit() == 1)
    #expect(!second.text.contains("Program crashed"))
    #expect(!second.text.contains("Backtrace"))
    #expect(lineDisciplineFlags(second.modes()) == lineDisciplineFlags(second.initialModes))
  }

  /// The limits practice on a terminal, its choice answered, waiting at the typed answer
  /// (`> `); returns the terminal and the position of that prompt in its text.
  static func startAtTypedAnswer(_ runner: BinaryRunner) throws -> (PseudoTerminal, Int) {
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["quiz", "mini", "--topic", "limits", "--seed", "1"] + options, directory: runner.directory,
      environment: ["NO_COLOR": "1"])
    do {
      var at = try terminal.waitFor("(press a letter; Esc quits)")
      terminal.send("b")
      at = try terminal.waitFor("What is the maximum timeout?", after: at)
      return (terminal, try terminal.waitFor("> ", after: at))
    } catch {
      terminal.close()
      throw error
    }
  }

  /// A typed answer is read in raw mode like a choice: Esc, Ctrl-C or Ctrl-D there stop the
  /// quiz as they do at a choice (the summary of what was answered, answers kept, exit 1 under
  /// the pass mark), nothing like `^[` is echoed, and the terminal is as it was afterwards.
  @Test(arguments: ["\u{1b}", "\u{3}", "\u{4}"])
  func quitKeysAtATypedAnswerStopTheQuizWithItsSummary(key: String) throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let (terminal, start) = try Self.startAtTypedAnswer(runner)
    defer { terminal.close() }
    var at = start
    #expect(terminal.text.contains("(type it and press Enter; Esc quits)"))
    #expect(
      lineDisciplineFlags(terminal.modes()) != lineDisciplineFlags(terminal.initialModes),
      "a typed answer should be read in raw mode")
    terminal.send("90")
    try terminal.waitFor("> 90", after: at)
    terminal.send(key)
    at = try terminal.waitFor("Quiz stopped; your answers so far are saved.", after: at)
    try terminal.waitFor("Score: 1 of 1 answered (100%)", after: at)
    #expect(try terminal.waitForExit() == 1)
    #expect(!terminal.text.contains("^["))
    #expect(!terminal.text.contains("^C"))
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
    let answers = try #require(try QuizTestCourse.attempts(runner).first)
    #expect(QuizTestCourse.answers(answers) == ["b"])
  }

  /// Backspace and Ctrl-U edit a typed answer; Enter on an empty line sends nothing (it used
  /// to stop the quiz); Enter sends what is typed.
  @Test func typedAnswersAreEditedAndAnEmptyEnterIsIgnored() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let (terminal, at) = try Self.startAtTypedAnswer(runner)
    defer { terminal.close() }
    terminal.send("\r")
    terminal.send("wrong\u{15}9x")
    try terminal.waitFor("> 9x", after: at)
    terminal.send("\u{7f}00 s")
    try terminal.waitFor("> 900 s", after: at)
    terminal.send("\r")
    try terminal.waitFor("Score: 2 of 2 (100%) · passed", after: at)
    #expect(try terminal.waitForExit() == 0)
    #expect(!terminal.text.contains("Quiz stopped"))
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
    let answers = try #require(try QuizTestCourse.attempts(runner).first)
    #expect(QuizTestCourse.answers(answers) == ["b", "900 s"])
  }

  @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
  func aSignalDuringRawModeRestoresTheTerminal(signal: Int32) throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["quiz", "mini", "--topic", "limits", "--seed", "1"] + options, directory: runner.directory)
    defer { terminal.close() }
    try terminal.waitFor("(press a letter; Esc quits)")
    #expect(
      lineDisciplineFlags(terminal.modes()) != lineDisciplineFlags(terminal.initialModes),
      "the quiz should be in raw mode while it waits for a key")
    kill(terminal.pid, signal)
    #expect(try terminal.waitForExit() == 128 + signal)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
    #expect(!terminal.text.contains("Backtrace"))
  }

  /// A signal at any moment of start-up ends the run: none is lost (the quiz would then wait
  /// for a key for ever) and none leaves the terminal in raw mode.
  @Test func aSignalAtAnyMomentOfStartUpEndsTheRun() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    // Dense where the quiz enters raw mode (its first 50 ms), where a signal once fell
    // between the bridge restoring the modes and the main thread changing them.
    for delay in [0.0, 0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.06, 0.1, 0.2, 0.4] {
      let terminal = try PseudoTerminal(
        ["quiz", "mini", "--seed", "1"] + options, directory: runner.directory)
      defer { terminal.close() }
      Thread.sleep(forTimeInterval: delay)
      kill(terminal.pid, SIGINT)
      #expect(try terminal.waitForExit(seconds: 15) == 128 + SIGINT, "after \(delay) s")
      #expect(
        lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes),
        "after \(delay) s")
    }
  }

  @Test func examClockRunsAndEndsTheExamWithoutAKey() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["quiz", "exam", "--time", "3s", "--topic", "limits", "--seed", "1"] + options,
      directory: runner.directory)
    defer { terminal.close() }
    let started = Date()
    try terminal.waitFor("time left 0:0")
    try terminal.waitFor("Time is up.", seconds: 10)
    // The clock ran while no key was pressed: several readings on the status line.
    let readings = Set(
      ["0:03", "0:02", "0:01", "0:00"].filter { terminal.text.contains("time left " + $0) })
    #expect(readings.count >= 2, "\(terminal.text)")
    try terminal.waitFor("Score: 0 of 1 (0%)")
    #expect(try terminal.waitForExit() == 1)
    #expect(Date().timeIntervalSince(started) < 10, "the exam did not end on time")
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
  }

  @Test func examTimeUpWhileTypingDiscardsTheUnsentLine() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["quiz", "exam", "--time", "2s", "--topic", "runtimes", "--seed", "3"] + options,
      directory: runner.directory)
    defer { terminal.close() }
    let at = try terminal.waitFor("Question 1 of 2")
    try terminal.waitFor("(press t or f; Esc quits)", after: at)
    terminal.send("t")
    try terminal.waitFor("(type it and press Enter; Esc quits)")
    terminal.send("half an ans")
    try terminal.waitFor("Time is up.", seconds: 5)
    #expect(try terminal.waitForExit() == 1)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
  }

  @Test func examAnswersInTimeCount() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["quiz", "exam", "--time", "1m", "--topic", "errors"] + options,
      directory: runner.directory)
    defer { terminal.close() }
    try terminal.waitFor("time left 1:00")
    terminal.send("a")
    terminal.send("c")
    terminal.send("\r")
    try terminal.waitFor("Score: 1 of 1 (100%)")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test func examRefusesAZeroTimeLimit() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    for time in ["0", "0s", "0m"] {
      let output = try runner.run(["quiz", "exam", "--time", time] + options)
      #expect(output.status == 2, "--time \(time)")
      #expect(
        output.stderr.contains("--time must be a duration of at least one second"), "--time \(time)"
      )
    }
  }

  @Test func reviewAsksDueQuestionsWithSingleKeys() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let today = ["LAMBDALINGS_NOW": "2026-11-27T18:00:00Z", "TZ": "UTC"]
    let quiz = try runner.run(
      ["quiz", "mini", "--topic", "limits"] + options, stdin: "a\n900\n", environment: today)
    #expect(quiz.stdout.contains("Score: 1 of 2 (50%)"))
    let tomorrow = ["LAMBDALINGS_NOW": "2026-11-28T09:00:00Z", "TZ": "UTC"]
    let terminal = try PseudoTerminal(
      ["review"] + options, directory: runner.directory, environment: tomorrow)
    defer { terminal.close() }
    try terminal.waitFor("Review: 2 questions due")
    try terminal.waitFor("What is the synchronous payload limit?")
    try terminal.waitFor("(press a letter; Esc quits)")
    terminal.send("b")
    try terminal.waitFor("Correct.")
    try terminal.waitFor("(type it and press Enter; Esc quits)")
    terminal.send("15 min\r")
    try terminal.waitFor("Score: 2 of 2 (100%)")
    #expect(try terminal.waitForExit() == 0)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
  }
}
