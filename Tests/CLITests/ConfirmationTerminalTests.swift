import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The confirmation of `progress reset` and `reset` on a real pseudo-terminal, each step bounded
/// in time so a hang fails instead of stalling the run.
@Suite struct ConfirmationTerminalTests {
  /// The binary with a pty as standard input, output and error.
  final class Terminal {
    let master: Int32
    let process = Process()
    private(set) var transcript = ""

    init(_ arguments: [String], directory: String) throws {
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

    /// Reads until the output holds `text`, for at most `seconds`.
    func waitFor(_ text: String, seconds: Double = 20) -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while !transcript.contains(text), Date() < deadline {
        var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 100) > 0 else { continue }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count <= 0 { break }
        transcript += String(decoding: buffer[0..<count], as: UTF8.self)
      }
      return transcript.contains(text)
    }

    func type(_ text: String) {
      let bytes = Array(text.utf8)
      _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, bytes.count) }
    }

    /// The exit status; a run still going after the bound is ended and fails the test.
    func finish() -> Int32 {
      let deadline = Date().addingTimeInterval(20)
      while process.isRunning, Date() < deadline { _ = waitFor("\u{0}", seconds: 0.1) }
      let hung = process.isRunning
      if hung { process.terminate() }
      process.waitUntilExit()
      close(master)
      return hung ? -1 : process.terminationStatus
    }
  }

  let course = BinaryRunner.fixtureCourse

  @Test func progressResetAsksAndOnlyYesForgets() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["read", "basics", "--no-pager", "--course", course])
    let declined = try Terminal(
      ["progress", "reset", "--course", course], directory: runner.directory)
    #expect(declined.waitFor("Forget all your progress? A backup of progress.json is kept. [y/N] "))
    declined.type("n\n")
    #expect(declined.waitFor("Nothing changed."))
    #expect(declined.finish() == 0)
    #expect(try runner.run(["list", "--course", course]).stdout.contains("1 of 4 steps done."))
    let accepted = try Terminal(
      ["progress", "reset", "basics", "--course", course], directory: runner.directory)
    #expect(accepted.waitFor("Forget your progress on the chapter basics?"))
    accepted.type("y\n")
    #expect(accepted.waitFor("Forgot your progress on the chapter basics."))
    #expect(accepted.finish() == 0)
    #expect(try runner.run(["list", "--course", course]).stdout.contains("0 of 4 steps done."))
  }

  @Test func resetOfTheCurrentExerciseAsksFirst() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["init", "--course", course])
    try Data("# mine\n".utf8).write(
      to: URL(fileURLWithPath: ExerciseCommandsTests.learnerFile(runner)))
    let terminal = try Terminal(["reset", "--course", course], directory: runner.directory)
    #expect(terminal.waitFor("kept as a backup. [y/N] "))
    terminal.type("y\n")
    #expect(terminal.waitFor("Next: edit "))
    #expect(terminal.finish() == 0)
  }
}
