import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `lambdalings watch` on a pseudo-terminal: rustlings' keys, re-grading on every save (also
/// after a pass), and leaving with q, Ctrl-C or a signal with the terminal restored.
@Suite(.timeLimit(.minutes(6))) struct WatchTerminalTests {
  static let course = BinaryRunner.fixtureCourse
  static var solution: Data? {
    FileManager.default.contents(
      atPath: course + "/exercises/echo/solution/python/lambda_function.py")
  }

  /// A workspace made by `init`; returns the learner's file of `echo`.
  static func prepare(_ runner: BinaryRunner) throws -> URL {
    #expect(try runner.run(["init", "--course", course]).status == 0)
    return URL(
      fileURLWithPath: runner.directory
        + "/lambdalings-workspace/exercises/echo/lambda_function.py")
  }

  /// Saves `data` as the learner's file with a modification time that surely differs.
  static func save(_ data: Data, to file: URL, secondsAhead: Double) throws {
    try data.write(to: file)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(secondsAhead)], ofItemAtPath: file.path)
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func keysHintListRerunNextAndRegradingAfterAPass() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let file = try Self.prepare(runner)
    let starter = try Data(contentsOf: file)
    let terminal = try PseudoTerminal(
      ["watch", "--course", Self.course], directory: runner.directory, columns: 120,
      environment: ["NO_COLOR": "1"])
    defer { terminal.close() }
    var at = try terminal.waitFor("save it to check again.", seconds: 60)
    at = try terminal.waitFor("h\u{A0}hint · l\u{A0}list · r\u{A0}re-run · q\u{A0}quit", after: at)
    terminal.send("n")
    at = try terminal.waitFor("n moves on once echo passes", after: at)
    terminal.send("h")
    at = try terminal.waitFor("Hint 1 of 2 for echo", after: at)
    at = try terminal.waitFor("Return event.", after: at)
    // Inside watch a hint speaks of keys and saves, not of commands to type.
    at = try terminal.waitFor("Need more? Press h for hint 2.", after: at)
    terminal.send("h")
    at = try terminal.waitFor("Hint 2 of 2 for echo", after: at)
    at = try terminal.waitFor("Try it in your file: saving it checks it again.", after: at)
    terminal.send("l")
    at = try terminal.waitFor("Lambda basics", after: at)
    at = try terminal.waitFor("q\u{A0}quit", after: at)
    // A save re-grades it.
    try Self.save(try #require(Self.solution), to: file, secondsAhead: 2)
    at = try terminal.waitFor("Exercise echo passed!", after: at, seconds: 60)
    at = try terminal.waitFor("saving it checks it again", after: at)
    at = try terminal.waitFor(
      "h\u{A0}hint · l\u{A0}list · r\u{A0}re-run · n\u{A0}next · q\u{A0}quit", after: at)
    // It never moves on by itself, and keeps re-grading saves after the pass.
    try Self.save(starter, to: file, secondsAhead: 4)
    at = try terminal.waitFor("save it to check again.", after: at, seconds: 60)
    try Self.save(try #require(Self.solution), to: file, secondsAhead: 6)
    at = try terminal.waitFor("Exercise echo passed!", after: at, seconds: 60)
    at = try terminal.waitFor("n\u{A0}next", after: at)
    terminal.send("r")
    at = try terminal.waitFor("Exercise echo passed!", after: at, seconds: 60)
    at = try terminal.waitFor("n\u{A0}next", after: at)
    terminal.send("n")
    // The fixture's next step after echo is the chapter basics: n shows it and ends watching.
    try terminal.waitFor("A handler receives an event and a context.", after: at)
    #expect(try terminal.waitForExit() == 0)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
    let progress = try String(
      contentsOfFile: runner.directory + "/lambdalings-workspace/progress.json", encoding: .utf8)
    #expect(progress.contains("\"attempts\" : 5"), "\(progress)")
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func qAndCtrlCQuitAndRestoreTheTerminal() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try Self.prepare(runner)
    for key in ["q", "\u{3}"] {
      let terminal = try PseudoTerminal(
        ["watch", "echo", "--course", Self.course], directory: runner.directory)
      defer { terminal.close() }
      try terminal.waitFor("q\u{A0}quit", seconds: 60)
      terminal.send(key)
      try terminal.waitFor("Stopped watching.")
      #expect(try terminal.waitForExit() == 0)
      #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
    }
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func sigtermWhileWatchingRestoresTheTerminal() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try Self.prepare(runner)
    let terminal = try PseudoTerminal(
      ["watch", "echo", "--course", Self.course], directory: runner.directory)
    defer { terminal.close() }
    try terminal.waitFor("q\u{A0}quit", seconds: 60)
    kill(terminal.pid, SIGTERM)
    #expect(try terminal.waitForExit() == 128 + SIGTERM)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
  }
}
