import Foundation
import Testing

/// `--workspace` and `--course` are resolved once, where they are read, so relative paths work
/// from any folder; `check` reads `workspace.json` and `progress.json` once each; a broken
/// progress file is reported once, with its line (issue #15 points 3, 6 and 7).
@Suite struct PathsAndStateReadsTests {
  /// A copy of the fixture course at `course/` in the runner's folder, and an empty `sub/`.
  static func layout(_ runner: BinaryRunner) throws {
    try FileManager.default.copyItem(
      atPath: BinaryRunner.fixtureCourse, toPath: "\(runner.directory)/course")
    try FileManager.default.createDirectory(
      atPath: "\(runner.directory)/sub", withIntermediateDirectories: true)
  }

  /// Writes the reference solution into the learner's file of `echo` in `workspace`.
  static func solve(_ runner: BinaryRunner, workspace: String) throws {
    let solution = try #require(
      FileManager.default.contents(
        atPath: "\(runner.directory)/course/exercises/echo/solution/python/lambda_function.py"))
    try solution.write(
      to: URL(
        fileURLWithPath: "\(runner.directory)/\(workspace)/exercises/echo/lambda_function.py"))
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func relativeWorkspaceAndCourseFromASubfolder() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try Self.layout(runner)
    let created = try runner.run(
      ["init", "--workspace", "../ws", "--course", "../course"], in: "sub")
    #expect(created.status == 0, "\(created.stderr)")
    // The workspace is where `../ws` points from `sub`, not inside `sub`.
    let settingsFile = "\(runner.directory)/ws/workspace.json"
    let settings = try #require(FileManager.default.contents(atPath: settingsFile))
    #expect(!FileManager.default.fileExists(atPath: "\(runner.directory)/sub/ws"))
    // It remembers its course as an absolute path without `..`.
    let object = try #require(try JSONSerialization.jsonObject(with: settings) as? [String: Any])
    #expect(object["coursePath"] as? String == "\(runner.directory)/course")

    // The starter fails (exit 1); the commands it suggests keep the workspace, whole.
    let failed = try runner.run(["check", "echo", "--workspace", "../ws"], in: "sub")
    #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
    #expect(
      failed.stdout.contains("lambdalings check echo --workspace \(runner.directory)/ws"),
      "\(failed.stdout)")
    try Self.solve(runner, workspace: "ws")
    let passed = try runner.run(["check", "echo", "--workspace", "../ws"], in: "sub")
    #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    #expect(passed.stdout.contains("Exercise echo passed!"))
    let progress = try #require(
      FileManager.default.contents(atPath: "\(runner.directory)/ws/progress.json"))
    #expect(String(decoding: progress, as: UTF8.self).contains("\"echo\""))

    // `--course` relative to a subfolder of the course itself.
    let listed = try runner.run(
      ["list", "--course", "..", "--workspace", "../../ws"], in: "course/lessons")
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stdout.contains("✓ exercise  echo"), "\(listed.stdout)")
    // A course that does not exist is named as the learner typed it from there.
    let missing = try runner.run(["list", "--course", "../nope"], in: "sub")
    #expect(missing.status == 2)
    #expect(
      missing.stderr.contains("the course folder '\(runner.directory)/nope' (from --course)"),
      "\(missing.stderr)")
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func aBrokenProgressFileIsOneErrorWithItsLine() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try Self.layout(runner)
    #expect(try runner.run(["init", "--course", "course"]).status == 0)
    let file = "\(runner.directory)/lambdalings-workspace/progress.json"
    try Data("{\n  \"version\": 1,\n  \"exercises\": {,\n}\n".utf8)
      .write(to: URL(fileURLWithPath: file))
    for command in [["progress"], ["check"], ["check", "echo"], ["list"]] {
      let output = try runner.run(command)
      #expect(output.status == 2, "\(command): \(output.stdout)\(output.stderr)")
      let errors = output.stderr.components(separatedBy: "error:").count - 1
      #expect(errors == 1, "\(command): \(output.stderr)")
      #expect(output.stderr.hasPrefix("error: "), "\(command): \(output.stderr)")
      #expect(output.stderr.contains("progress.json:3: "), "\(command): \(output.stderr)")
      // A corrupt file is not a permissions problem.
      #expect(!output.stderr.contains("writable"), "\(command): \(output.stderr)")
    }
    // The file is left as it was.
    let after = try #require(FileManager.default.contents(atPath: file))
    #expect(
      String(decoding: after, as: UTF8.self) == "{\n  \"version\": 1,\n  \"exercises\": {,\n}\n")
  }

  @Test func aBrokenWorkspaceFileIsReportedInsteadOfFallingBackToAnotherCourse() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try Self.layout(runner)
    #expect(try runner.run(["init", "--course", "course"]).status == 0)
    let file = "\(runner.directory)/lambdalings-workspace/workspace.json"
    try Data("{ broken".utf8).write(to: URL(fileURLWithPath: file))
    let output = try runner.run(["check", "echo"])
    #expect(output.status == 2, "\(output.stdout)\(output.stderr)")
    #expect(output.stderr.hasPrefix("error: \(file) is not a valid workspace settings file"))
    #expect(output.stderr.components(separatedBy: "error:").count == 2, "\(output.stderr)")
    // A command that names its course does not need the workspace's memory of it.
    let named = try runner.run(["validate", "--course", "course"])
    #expect(!named.stderr.contains("workspace settings"), "\(named.stderr)")
  }

  /// strace, when installed (`.ci/run` installs it): the files a command opens.
  static let strace = ClientTools.locate(["strace"], for: "the state-file read counts")

  /// How often `lambdalings arguments` (run in the runner's folder) opens each file whose
  /// path ends in one of `names`, as strace sees it.
  static func opens(
    _ arguments: [String], runner: BinaryRunner, names: [String]
  ) throws -> (status: Int32, counts: [String: Int], output: String) {
    let strace = try #require(Self.strace, ClientTools.missing("strace"))
    let trace = "\(runner.directory)/trace-\(UUID().uuidString).txt"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: strace)
    process.arguments =
      ["-f", "-qq", "-e", "trace=open,openat", "-o", trace, BinaryRunner.binary] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: runner.directory)
    process.environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": runner.directory, "LANG": "C.UTF-8",
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let watchdog = Watchdog(process, seconds: 300)
    defer { watchdog.cancel() }
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
    var counts: [String: Int] = [:]
    for name in names {
      // `openat(AT_FDCWD, "/.../progress.json", O_RDONLY...)`: the file itself, not its
      // `.lock`, `.bak` or temporary siblings.
      counts[name] = lines.filter { $0.contains("/\(name)\", ") && !$0.contains("ENOENT") }.count
    }
    return (process.terminationStatus, counts, String(decoding: printed, as: UTF8.self))
  }

  @Test(
    .enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"),
    .enabled(if: strace != nil || ClientTools.required, "strace is not installed"))
  func checkReadsEachStateFileOnce() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try Self.layout(runner)
    #expect(try runner.run(["init", "--course", "course"]).status == 0)
    let names = ["workspace.json", "progress.json"]
    // A failing check, then a passing one (which also works out the next step).
    let failed = try Self.opens(["check", "echo"], runner: runner, names: names)
    #expect(failed.status == 1, "\(failed.output)")
    #expect(failed.counts == ["workspace.json": 1, "progress.json": 1], "\(failed.output)")
    // Without an id, the progress is read once to choose the exercise, then once more inside
    // the update's lock (which must re-read it: another process may have written meanwhile).
    let current = try Self.opens(["check"], runner: runner, names: names)
    #expect(current.status == 1, "\(current.output)")
    #expect(current.counts == ["workspace.json": 1, "progress.json": 2], "\(current.output)")
    try Self.solve(runner, workspace: "lambdalings-workspace")
    let passed = try Self.opens(["check", "echo"], runner: runner, names: names)
    #expect(passed.status == 0, "\(passed.output)")
    #expect(passed.output.contains("Exercise echo passed!"), "\(passed.output)")
    #expect(passed.counts == ["workspace.json": 1, "progress.json": 1], "\(passed.output)")
  }
}
