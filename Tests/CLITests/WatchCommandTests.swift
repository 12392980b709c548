import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `lambdalings watch` without a terminal: it re-grades on save and exits after a pass.
@Suite struct WatchCommandTests {
  let course = BinaryRunner.fixtureCourse

  /// A running `lambdalings watch` whose output is collected as it comes.
  final class WatchProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var collected = Data()

    /// Runs `lambdalings arguments` with standard input from /dev/null (see
    /// `WatchTerminalTests` for watch on a terminal).
    init(arguments: [String], directory: String) throws {
      process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
      process.arguments = arguments
      process.currentDirectoryURL = URL(fileURLWithPath: directory)
      process.environment = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": directory, "LANG": "C.UTF-8", "TERM": "xterm-256color",
      ]
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = pipe
      process.standardInput = FileHandle.nullDevice
      pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
        let data = handle.availableData
        guard let self else { return }
        self.lock.withLock { self.collected.append(data) }
      }
      try process.run()
    }

    var output: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// Waits up to `seconds` for `condition`; true when it became true.
    func wait(seconds: Double, until condition: () -> Bool) -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
      }
      return condition()
    }

    /// Kills the process if it still runs (only when a test failed).
    func stop() {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func watchRegradesAfterASaveAndStopsAfterThePass() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let watch = try WatchProcess(
      arguments: ["watch", "echo", "--course", course], directory: runner.directory)
    defer { watch.stop() }
    let watching = watch.wait(seconds: 60) { watch.output.contains("save it to check again") }
    #expect(watching, "\(watch.output)")
    #expect(watch.output.contains("result: expected {\"a\":1}, got null"))
    #expect(watch.process.isRunning)
    let solution = try #require(
      FileManager.default.contents(
        atPath: course + "/exercises/echo/solution/python/lambda_function.py"))
    try solution.write(
      to: URL(
        fileURLWithPath: runner.directory
          + "/lambdalings-workspace/exercises/echo/lambda_function.py"))
    let exited = watch.wait(seconds: 60) { !watch.process.isRunning }
    #expect(exited, "\(watch.output)")
    watch.process.waitUntilExit()
    #expect(watch.process.terminationStatus == 0)
    let output = watch.output
    #expect(output.contains("✓ echoes"))
    #expect(output.contains("Exercise echo passed!"))
    #expect(output.contains("lambdalings read basics"))
    let progress = try String(
      contentsOfFile: runner.directory + "/lambdalings-workspace/progress.json", encoding: .utf8)
    #expect(progress.contains("\"attempts\" : 2"))
  }

  /// An API exercise is fixed in its template: saving serverless.yml re-grades too.
  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func watchRegradesWhenTheAPITemplateIsSaved() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let shipped = BinaryRunner.shippedCourse
    let watch = try WatchProcess(
      arguments: ["watch", "http-api-hello", "--course", shipped], directory: runner.directory)
    defer { watch.stop() }
    let watching = watch.wait(seconds: 60) { watch.output.contains("save it to check again") }
    #expect(watching, "\(watch.output)")
    #expect(watch.output.contains("lambda_function.py and serverless.yml for changes"))
    let solution = try #require(
      FileManager.default.contents(
        atPath: shipped + "/exercises/http-api-hello/solution/python/serverless.yml"))
    try solution.write(
      to: URL(
        fileURLWithPath: runner.directory
          + "/lambdalings-workspace/exercises/http-api-hello/serverless.yml"))
    let exited = watch.wait(seconds: 60) { !watch.process.isRunning }
    #expect(exited, "\(watch.output)")
    watch.process.waitUntilExit()
    #expect(watch.process.terminationStatus == 0)
    #expect(watch.output.contains("Exercise http-api-hello passed!"), "\(watch.output)")
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func ctrlCWhileGradingLeavesNoRuntimeProcess() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--course", course]).status == 0)
    let pidFile = runner.directory + "/handler.pid"
    let slow = """
      import os, time
      def lambda_handler(event, context):
          with open(\(String(reflecting: pidFile)), "w") as f:
              f.write(str(os.getpid()))
          time.sleep(30)
          return event
      """
    try Data(slow.utf8).write(
      to: URL(
        fileURLWithPath: runner.directory
          + "/lambdalings-workspace/exercises/echo/lambda_function.py"))
    let watch = try WatchProcess(
      arguments: ["watch", "echo", "--course", course], directory: runner.directory)
    defer { watch.stop() }
    let started = watch.wait(seconds: 60) { FileManager.default.fileExists(atPath: pidFile) }
    #expect(started, "\(watch.output)")
    Thread.sleep(forTimeInterval: 0.2)
    let text = try String(contentsOfFile: pidFile, encoding: .utf8)
    let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    kill(watch.process.processIdentifier, SIGINT)
    let exited = watch.wait(seconds: 10) { !watch.process.isRunning }
    #expect(exited, "watch did not stop on SIGINT")
    watch.stop()
    #expect(exited && watch.process.terminationStatus == 130)
    // The handler's process must be gone (allowing init a moment to reap it).
    let gone = watch.wait(seconds: 10) { kill(pid, 0) != 0 && errno == ESRCH }
    #expect(gone, "runtime process \(pid) outlived watch")
    if !gone { kill(pid, SIGKILL) }
  }
}

/// Whether the interpreters the graded tests need are on PATH.
enum CLIInterpreters {
  static func onPath(_ program: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { folder in
      FileManager.default.isExecutableFile(atPath: "\(folder)/\(program)")
    }
  }

  static let hasPython = onPath("python3")
  static let hasNode = onPath("node")
}
