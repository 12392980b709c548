import Foundation
import Testing

/// `verify`, `progress reset` and `completions` through the built binary.
@Suite struct LearnerToolsTests {
  let course = BinaryRunner.fixtureCourse

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func verifyRegradesTouchedExercisesAndUpdatesProgress() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--course", course]).status == 0)
    let untouched = try runner.run(["verify"], in: "lambdalings-workspace")
    #expect(untouched.status == 0, "\(untouched.stderr)")
    #expect(untouched.stdout.contains("You have not worked on any exercise yet."))
    // Edited but never checked: verify grades it and records the pass.
    try ExerciseCommandsTests.solve(runner)
    let passed = try runner.run(["verify"], in: "lambdalings-workspace/exercises")
    #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    #expect(passed.stdout.contains("✓ echo  1/1 checks"))
    #expect(passed.stdout.contains("1 of 1 exercise pass; progress updated."))
    #expect(try ExerciseCommandsTests.echoProgress(runner)["passes"] as? Int == 1)
    // Broken again: verify fails and says how to see why.
    try Data("def lambda_handler(event, context):\n    return 1\n".utf8).write(
      to: URL(fileURLWithPath: ExerciseCommandsTests.learnerFile(runner)))
    let failed = try runner.run(["verify"], in: "lambdalings-workspace")
    #expect(failed.status == 1)
    #expect(failed.stdout.contains("✗ echo  0/1 checks"))
    #expect(failed.stdout.contains("lambdalings check echo"))
    #expect(try ExerciseCommandsTests.echoProgress(runner)["attempts"] as? Int == 2)
  }

  @Test func verifyWithNothingTouchedSuggestsTheFirstExerciseOfThePath() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--course", BinaryRunner.shippedCourse]).status == 0)
    let output = try runner.run(["verify"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(
      output.stdout.contains("Start with lambdalings next or lambdalings check hello-api."),
      "\(output.stdout)")
  }

  @Test func progressResetForgetsAStepOrEverythingAfterABackup() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let now = ["LAMBDALINGS_NOW": "2026-05-06T07:08:09Z"]
    _ = try runner.run(["read", "basics", "--no-pager", "--course", course])
    _ = try runner.run(["read", "more", "--no-pager", "--course", course])
    let unconfirmed = try runner.run(["progress", "reset", "basics", "--course", course])
    #expect(unconfirmed.status == 2)
    #expect(unconfirmed.stderr.contains("pass --yes"))
    let unknown = try runner.run(["progress", "reset", "basic", "--yes", "--course", course])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("Did you mean 'basics'?"))
    let one = try runner.run(
      ["progress", "reset", "basics", "--yes", "--course", course], environment: now)
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout.contains("Forgot your progress on the chapter basics."))
    let backup = runner.directory + "/lambdalings-workspace/progress.json.bak-20260506-070809"
    #expect(try String(contentsOfFile: backup, encoding: .utf8).contains("\"basics\""))
    var list = try runner.run(["list", "--course", course]).stdout
    #expect(list.contains("▶ 1. Lambda basics"))
    #expect(list.contains("✓ 2. More Lambda"))
    let all = try runner.run(["progress", "reset", "--yes", "--course", course])
    #expect(all.stdout.contains("Forgot all your progress."))
    list = try runner.run(["list", "--course", course]).stdout
    #expect(list.contains("0 of 4 steps done."), "\(list)")
  }

  /// The bash script, and what it completes after `words`.
  func bashComplete(_ script: String, _ words: [String], in runner: BinaryRunner) throws -> String {
    let file = runner.directory + "/completion.bash"
    try script.write(toFile: file, atomically: true, encoding: .utf8)
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c",
      "source '\(file)'; COMP_WORDS=(lambdalings \(quoted)); COMP_CWORD=\(words.count);"
        + " _lambdalings; echo \"${COMPREPLY[*]}\"",
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: runner.directory)
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Whether `shell` is on PATH.
  static func has(_ shell: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(shell)")
    }
  }

  @Test(.enabled(if: has("bash"), "bash is not installed"))
  func bashCompletionParsesAndCompletesFromTheCommandTable() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["completions", "bash"])
    #expect(output.status == 0)
    let file = runner.directory + "/check.bash"
    try output.stdout.write(toFile: file, atomically: true, encoding: .utf8)
    let syntax = Process()
    syntax.executableURL = URL(fileURLWithPath: "/bin/bash")
    syntax.arguments = ["-n", file]
    try syntax.run()
    syntax.waitUntilExit()
    #expect(syntax.terminationStatus == 0)
    #expect(try bashComplete(output.stdout, ["ver"], in: runner) == "verify")
    #expect(try bashComplete(output.stdout, ["events", "ge"], in: runner) == "generate")
    #expect(
      try bashComplete(output.stdout, ["--workspace", "ws", "hint", "--a"], in: runner) == "--all")
    #expect(try bashComplete(output.stdout, ["completions", "f"], in: runner) == "fish")
    for command in ["init", "list", "check", "quiz", "verify", "completions"] {
      #expect(output.stdout.contains("    \(command)) words="))
    }
  }

  @Test(arguments: ["zsh", "fish"])
  func otherShellsGetAScriptTheirShellParses(_ shell: String) throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["completions", shell])
    #expect(output.status == 0)
    #expect(output.stdout.contains("lambdalings"))
    #expect(output.stdout.contains("verify"))
    guard Self.has(shell) else {
      print("note: \(shell) is not installed, so its parse check is skipped")
      return
    }
    let file = runner.directory + "/completion.\(shell)"
    try output.stdout.write(toFile: file, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [shell, "-n", file]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    guard shell == "fish" else { return }
    // fish can also say what it would complete.
    let complete = Process()
    complete.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    complete.arguments = [
      "fish", "-c",
      "source '\(file)'; complete -C 'lambdalings events ge'; complete -C 'lambdalings ver'",
    ]
    let pipe = Pipe()
    complete.standardOutput = pipe
    try complete.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    complete.waitUntilExit()
    #expect(text.contains("generate"))
    #expect(text.contains("verify\tRe-grade every exercise"))
  }

  @Test func unknownShellIsAUsageError() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["completions", "bsh"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("Did you mean 'bash'?"))
  }
}
