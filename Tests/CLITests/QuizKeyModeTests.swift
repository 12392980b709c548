import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Drives `lambdalings quiz` through a pseudo-terminal, so it answers with single keys.
@Suite struct QuizKeyModeTests {
  /// A child process whose standard input, output and error are the slave side of a pty.
  final class PseudoTerminal {
    let master: Int32
    let process = Process()
    private(set) var transcript = ""

    init(arguments: [String], directory: String) throws {
      var master: Int32 = -1
      var slave: Int32 = -1
      guard openpty(&master, &slave, nil, nil, nil) == 0 else {
        throw POSIXError(.init(rawValue: errno) ?? .EIO)
      }
      self.master = master
      let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
      process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
      process.arguments = arguments
      process.currentDirectoryURL = URL(fileURLWithPath: directory)
      process.environment = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": directory, "LANG": "C.UTF-8", "TERM": "xterm-256color", "NO_COLOR": "1",
      ]
      process.standardInput = handle
      process.standardOutput = handle
      process.standardError = handle
      try process.run()
      try handle.close()
    }

    /// Reads output until it contains `text` (a generous bound keeps a broken run from hanging).
    func waitFor(_ text: String, seconds: Double = 60) -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while !transcript.contains(text), Date() < deadline {
        var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 200) > 0 else { continue }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count <= 0 { break }
        transcript += String(decoding: buffer[0..<count], as: UTF8.self)
      }
      return transcript.contains(text)
    }

    /// Types `keys` into the terminal.
    func type(_ keys: String) {
      let bytes = Array(keys.utf8)
      _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, bytes.count) }
    }

    /// Waits for the child to exit (ending it if a broken run still waits for keys), then closes
    /// the master side.
    func finish() -> Int32 {
      let deadline = Date().addingTimeInterval(30)
      while process.isRunning, Date() < deadline {
        _ = waitFor("\u{0}", seconds: 0.2)
      }
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
      close(master)
      return process.terminationStatus
    }
  }

  @Test func singleKeyAnswersThroughAPseudoTerminal() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      arguments: ["quiz", "mini", "--seed", "1"] + options, directory: runner.directory)
    #expect(terminal.waitFor("(press a letter; Esc quits)"))
    terminal.type("b")
    #expect(terminal.waitFor("✔ Correct."))
    #expect(!terminal.transcript.contains("bb"), "the key was echoed before raw mode")
    #expect(terminal.waitFor("Enter submits)"))
    terminal.type("a")
    terminal.type("\r")  // only one picked: asks for two
    #expect(terminal.waitFor("choose 2"))
    terminal.type(" ")  // the cursor is on a: untoggles it
    terminal.type("\u{1B}[B")  // down to b
    terminal.type("\u{1B}[B")  // down to c
    terminal.type(" ")
    terminal.type("a")
    terminal.type("\r")
    #expect(terminal.waitFor("(press t or f; Esc quits)"))
    terminal.type("t")
    #expect(terminal.waitFor("(type it and press Enter; an empty line quits)"))
    terminal.type("15 min\n")
    #expect(terminal.waitFor("Name the OS-only runtime."))
    #expect(terminal.waitFor("(type it and press Enter; an empty line quits)\r\n> "))
    terminal.type("provided.al2023\n")
    #expect(terminal.waitFor("Score: 5 of 5 (100%) · passed"))
    #expect(terminal.finish() == 0)
    let answers = try #require(
      (((try QuizTestCourse.progress(runner)["quizzes"] as? [String: Any])?["mini"]
        as? [String: Any])?["attempts"] as? [[String: Any]])?.first?["answers"] as? [[String: Any]])
    #expect(
      answers.map { $0["answer"] as? String } == ["b", "a,c", "t", "15 min", "provided.al2023"])
  }

  @Test func escapeStopsTheQuizAndKeepsAnswers() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      arguments: ["quiz", "mini"] + options, directory: runner.directory)
    #expect(terminal.waitFor("(press a letter; Esc quits)"))
    terminal.type("a")
    #expect(terminal.waitFor("✘ Not quite."))
    #expect(terminal.waitFor("Enter submits)"))
    terminal.type("\u{3}")  // Ctrl-C arrives as a key in raw mode
    #expect(terminal.waitFor("Quiz stopped; your answers so far are saved."))
    #expect(terminal.finish() == 1)
    let cards = try QuizTestCourse.progress(runner)["reviewCards"] as? [String: Any]
    #expect(cards?.keys.sorted() == ["q1-single"])
  }

  @Test func examAnswerAfterTheDeadlineDoesNotCount() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      arguments: ["quiz", "exam", "--time", "1s", "--topic", "errors"] + options,
      directory: runner.directory)
    #expect(terminal.waitFor("Enter submits)"))
    Thread.sleep(forTimeInterval: 1.5)  // well past the one-second limit
    terminal.type("a")
    terminal.type("c")
    terminal.type("\r")
    #expect(terminal.waitFor("Time is up: that answer came too late to count."))
    #expect(terminal.waitFor("Score: 0 of 1 (0%)"))
    #expect(terminal.finish() == 1)
    let quizzes = try QuizTestCourse.progress(runner)["quizzes"] as? [String: Any]
    #expect(quizzes?["exam"] == nil)
  }
}
