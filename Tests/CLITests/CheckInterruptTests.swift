import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C during `check`: the program ends with 130, kills the handler and leaves no scratch
/// folder behind in the temporary folder.
@Suite(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
struct CheckInterruptTests {
  /// A handler that says it started (in its `/tmp`, the grader's scratch folder), then sleeps.
  static let sleeper = """
    import os, time
    def lambda_handler(event, context):
        open(os.path.join(os.environ["TMPDIR"], "started"), "w").close()
        time.sleep(100)
        return event
    """

  /// The scratch folders the grader made under `temporary`.
  static func scratchFolders(in temporary: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
    return names.filter { $0.hasPrefix("lambdalings-grade-") }
  }

  @Test func interruptRemovesTheScratchFolder() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    // The fixture course with a timeout the signal surely comes before.
    let course = runner.directory + "/course"
    try FileManager.default.copyItem(atPath: BinaryRunner.fixtureCourse, toPath: course)
    let exerciseFile = course + "/exercises/echo/exercise.md"
    let header = try String(contentsOfFile: exerciseFile, encoding: .utf8)
    try header.replacingOccurrences(
      of: "chapter: basics\n", with: "chapter: basics\ntimeout: 120\n"
    )
    .write(toFile: exerciseFile, atomically: true, encoding: .utf8)
    let initialised = try runner.run(["init", "--course", course])
    #expect(initialised.status == 0, "\(initialised.stderr)")
    try Self.sleeper.write(
      toFile: ExerciseCommandsTests.learnerFile(runner), atomically: true, encoding: .utf8)
    let temporary = runner.directory + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
    process.arguments = ["check", "echo", "--course", course]
    process.currentDirectoryURL = URL(fileURLWithPath: runner.directory)
    process.environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": runner.directory, "LANG": "C.UTF-8", "TMPDIR": temporary,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let watchdog = Watchdog(process, seconds: 120)
    defer { watchdog.cancel() }
    // Wait for the handler to be inside its invocation.
    let deadline = Date().addingTimeInterval(60)
    var started = false
    while !started && Date() < deadline && process.isRunning {
      started = Self.scratchFolders(in: temporary).contains { folder in
        FileManager.default.fileExists(atPath: "\(temporary)/\(folder)/function-1/started")
      }
      if !started { usleep(20_000) }
    }
    try #require(started, "the handler never started")
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    #expect(Self.scratchFolders(in: temporary).isEmpty, "left behind in \(temporary)")
  }
}
