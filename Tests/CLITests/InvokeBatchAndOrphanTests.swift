import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `invoke --event-template --count`, and processes a handler starts never outliving
/// `lambdalings`, even after SIGKILL (Linux).
@Suite struct InvokeBatchAndOrphanTests {
  @Test func countSetsTheBatchSizeOfATemplate() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let file = "\(runner.directory)/app.py"
    try "def handler(event, context):\n    return len(event['Records'])\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    let output = try runner.run(
      ["invoke", file, "--handler", "handler", "--event-template", "sqs", "--count", "3"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
    let alone = try runner.run(["invoke", file, "--count", "3"])
    #expect(alone.status == 2)
    #expect(alone.stderr.contains("--count"))
    let tooMany = try runner.run(["invoke", file, "--event-template", "sqs", "--count", "0"])
    #expect(tooMany.status == 2)
  }

  /// A handler that starts a detached child (its own session, so no group kill reaches it),
  /// writes both process ids, then waits.
  static let spawner = """
    import os, subprocess, time
    def handler(event, context):
        child = subprocess.Popen(["sleep", "120"], start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        path = os.environ["PID_FILE"]
        with open(path + ".tmp", "w") as f:
            f.write("%d %d" % (os.getpid(), child.pid))
        os.rename(path + ".tmp", path)
        time.sleep(float(os.environ.get("STAY", "0")))
        return "started"

    """

  /// Whether `pid` still runs (a zombie waiting for its reaper counts as gone).
  static func isRunning(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return true }
    return !stat[stat.index(after: close)...].hasPrefix(" Z")
  }

  static func pids(in file: String, within seconds: Double) -> [Int32] {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: file, encoding: .utf8) {
        return text.split(separator: " ").compactMap { Int32($0) }
      }
      usleep(20_000)
    }
    return []
  }

  static func launch(_ runner: BinaryRunner, stay: String) throws -> (Process, String) {
    let file = "\(runner.directory)/app.py"
    try spawner.write(toFile: file, atomically: true, encoding: .utf8)
    let pidFile = "\(runner.directory)/pids"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
    process.arguments = [
      "invoke", file, "--handler", "handler", "--timeout", "60", "--env", "PID_FILE=\(pidFile)",
      "--env", "STAY=\(stay)",
    ]
    process.environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": runner.directory,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return (process, pidFile)
  }

  #if os(Linux)
    @Test func nothingOutlivesALambdalingsKilledWithSIGKILL() throws {
      let runner = try BinaryRunner()
      defer { runner.cleanUp() }
      let (process, pidFile) = try Self.launch(runner, stay: "60")
      let pids = Self.pids(in: pidFile, within: 30)
      defer { for pid in pids { kill(pid, SIGKILL) } }
      try #require(pids.count == 2, "the handler never reported its processes")
      #expect(pids.allSatisfy(Self.isRunning))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      usleep(1_000_000)
      #expect(!Self.isRunning(pids[0]), "the runtime outlived lambdalings")
      #expect(!Self.isRunning(pids[1]), "the handler's detached child outlived lambdalings")
    }

    @Test func nothingOutlivesALambdalingsThatEndsNormally() throws {
      let runner = try BinaryRunner()
      defer { runner.cleanUp() }
      let (process, pidFile) = try Self.launch(runner, stay: "0")
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      let pids = Self.pids(in: pidFile, within: 1)
      defer { for pid in pids { kill(pid, SIGKILL) } }
      try #require(pids.count == 2)
      usleep(1_000_000)
      #expect(!pids.contains(where: Self.isRunning))
    }
  #endif
}
