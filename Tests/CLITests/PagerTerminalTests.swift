import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A copy of the fixture course with a chapter far taller than any test terminal, so reading it
/// goes through the real pager.
enum LongChapterCourse {
  /// The last line of the long chapter: visible only after scrolling to its end.
  static let lastLine = "This is the last paragraph of the long chapter."

  /// Copies the fixture course into `<runner>/course`, adds chapter `long` (first in order) and
  /// returns the options every command needs (with workspace `ws`).
  static func setUp(_ runner: BinaryRunner) throws -> [String] {
    let root = URL(fileURLWithPath: runner.directory).appendingPathComponent("course")
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: BinaryRunner.fixtureCourse), to: root)
    var body = "---\nid: long\ntitle: A long chapter\norder: 0\n---\n# A long chapter\n\n"
    for index in 1...120 {
      body += "Paragraph \(index) says something worth reading about Lambda.\n\n"
    }
    body += lastLine + "\n"
    try body.write(
      to: root.appendingPathComponent("lessons/00-long.md"), atomically: true, encoding: .utf8)
    return ["--course", root.path, "--workspace", "ws"]
  }
}

/// `read` and `next` on a real pseudo-terminal through the real pager, `less`: the bug where
/// the pager ran outside the terminal's foreground process group and hung shows here.
@Suite(.timeLimit(.minutes(6))) struct PagerTerminalTests {
  static let less = ["/usr/bin/less", "/bin/less"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test func readPagesALongChapterThroughLessAndQuitsWithQ() throws {
    guard Self.less != nil else {
      print("skipped: less is not installed")
      return
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try LongChapterCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["read", "long"] + options, directory: runner.directory, columns: 80, rows: 24)
    defer { terminal.close() }
    try terminal.waitFor("Paragraph 5 says")
    Thread.sleep(forTimeInterval: 0.3)
    #expect(!terminal.text.contains(LongChapterCourse.lastLine), "the pager showed it all")
    terminal.send(">")  // less: go to the end
    try terminal.waitFor(LongChapterCourse.lastLine)
    terminal.send("q")
    #expect(try terminal.waitForExit() == 0)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
    let progress = try String(
      contentsOfFile: runner.directory + "/ws/progress.json", encoding: .utf8)
    #expect(progress.contains("\"long\""), "reading did not mark the chapter read")
  }

  @Test func ctrlCInThePagerBelongsToThePager() throws {
    guard Self.less != nil else {
      print("skipped: less is not installed")
      return
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try LongChapterCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["read", "long"] + options, directory: runner.directory, columns: 60, rows: 20)
    defer { terminal.close() }
    try terminal.waitFor("Paragraph 3 says")
    terminal.send("\u{3}")  // less ignores Ctrl-C at its prompt; we must not die of it
    Thread.sleep(forTimeInterval: 0.3)
    terminal.send("q")
    #expect(try terminal.waitForExit() == 0)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
  }

  @Test func sigtermWhileThePagerRunsEndsBothAndRestoresTheTerminal() throws {
    guard Self.less != nil else {
      print("skipped: less is not installed")
      return
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try LongChapterCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["read", "long"] + options, directory: runner.directory, columns: 80, rows: 24)
    defer { terminal.close() }
    try terminal.waitFor("Paragraph 5 says")
    Thread.sleep(forTimeInterval: 0.2)
    kill(terminal.pid, SIGTERM)
    // The signal's status, not the 0 of a `read` that carried on once the pager was gone: the
    // command must not race the signal handler to `exit`.
    #expect(try terminal.waitForExit() == 128 + SIGTERM)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
    // Nor did it carry on far enough to mark the interrupted chapter read.
    let progress =
      (try? String(contentsOfFile: runner.directory + "/ws/progress.json", encoding: .utf8)) ?? ""
    #expect(!progress.contains("\"long\""), "\(progress)")
  }

  @Test func nextOnAChapterStepPagesIt() throws {
    guard Self.less != nil else {
      print("skipped: less is not installed")
      return
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try LongChapterCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["next"] + options, directory: runner.directory, columns: 40, rows: 15)
    defer { terminal.close() }
    try terminal.waitFor("A long chapter")
    try terminal.waitFor("Paragraph 2 says")
    terminal.send("q")
    #expect(try terminal.waitForExit() == 0)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
  }

  @Test func shortChapterIsPrintedWithoutAPager() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try LongChapterCourse.setUp(runner)
    // A pager that would leave a mark if it ran.
    let terminal = try PseudoTerminal(
      ["read", "more"] + options, directory: runner.directory, columns: 80, rows: 40,
      environment: ["PAGER": "echo PAGER-RAN"])
    defer { terminal.close() }
    #expect(try terminal.waitForExit() == 0)
    #expect(terminal.text.contains("Nothing to do here but read."))
    #expect(!terminal.text.contains("PAGER-RAN"))
  }
}
