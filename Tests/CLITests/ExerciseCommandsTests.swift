import Foundation
import Testing

/// `check`, `hint`, `solution`, `reset`, `next` and the dashboard through the built binary.
@Suite struct ExerciseCommandsTests {
  let course = BinaryRunner.fixtureCourse
  static let solutionPython =
    BinaryRunner.fixtureCourse
    + "/exercises/echo/solution/python/lambda_function.py"

  /// The learner's copy of `echo` in the runner's workspace.
  static func learnerFile(_ runner: BinaryRunner, _ name: String = "lambda_function.py") -> String {
    runner.directory + "/lambdalings-workspace/exercises/echo/" + name
  }

  /// The `echo` record of the runner's progress file.
  static func echoProgress(_ runner: BinaryRunner) throws -> [String: Any] {
    let path = runner.directory + "/lambdalings-workspace/progress.json"
    let data = try #require(FileManager.default.contents(atPath: path))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let exercises = try #require(object?["exercises"] as? [String: Any])
    return try #require(exercises["echo"] as? [String: Any])
  }

  /// Writes the reference solution over the learner's file.
  static func solve(_ runner: BinaryRunner) throws {
    let solution = try #require(FileManager.default.contents(atPath: solutionPython))
    try solution.write(to: URL(fileURLWithPath: learnerFile(runner)))
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func checkFailsOnTheStarterThenPasses() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let failed = try runner.run(["check", "--course", course])
    #expect(failed.status == 1, "\(failed.stderr)")
    #expect(failed.stdout.contains("✗ echoes (spec.json:1)"))
    #expect(failed.stdout.contains("result: expected {\"a\":1}, got null"))
    #expect(failed.stdout.contains("lambdalings hint echo"))
    #expect(!failed.stdout.contains("\u{1B}["))
    try Self.solve(runner)
    let passed = try runner.run(["check", "echo", "--course", course])
    #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    #expect(passed.stdout.contains("✓ echoes"))
    #expect(passed.stdout.contains("Exercise echo passed!"))
    #expect(passed.stdout.contains("Next: read the chapter \"Lambda basics\""))
    #expect(passed.stdout.contains("lambdalings read basics"))
    let progress = try Self.echoProgress(runner)
    #expect(progress["attempts"] as? Int == 2)
    #expect(progress["passes"] as? Int == 1)
    #expect(progress["firstPassed"] is String)
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func checkJSONIsMachineReadable() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["check", "echo", "--json", "--course", course])
    #expect(output.status == 1)
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    let document = try #require(object as? [String: Any])
    #expect(document["exercise"] as? String == "echo")
    #expect(document["passed"] as? Bool == false)
    #expect(document["total"] as? Int == 1)
    #expect(document["version"] as? Int == 2)
    #expect(document["status"] as? String == "fail")
    let tests = try #require(document["tests"] as? [[String: Any]])
    #expect(tests.first?["status"] as? String == "fail")
    #expect(tests.first?["message"] as? String == "result: expected {\"a\":1}, got null")
  }

  @Test(.enabled(if: CLIInterpreters.hasNode, "node is not on PATH"))
  func checkGradesANodeWorkspace() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let setup = try runner.run(["init", "--language", "node", "--course", course])
    #expect(setup.status == 0, "\(setup.stderr)")
    let failed = try runner.run(["check", "echo", "--course", course])
    #expect(failed.status == 1)
    #expect(failed.stdout.contains("Checking echo (node)"))
    let solution = try #require(
      FileManager.default.contents(atPath: course + "/exercises/echo/solution/node/index.mjs"))
    try solution.write(to: URL(fileURLWithPath: Self.learnerFile(runner, "index.mjs")))
    let passed = try runner.run(["check", "echo", "--course", course])
    #expect(passed.status == 0, "\(passed.stdout)")
  }

  @Test func checkWithoutTheInterpreterSaysWhatToInstall() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let empty = runner.directory + "/empty-path"
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let output = try runner.run(
      ["check", "echo", "--course", course], environment: ["PATH": empty])
    #expect(output.status == 2)
    #expect(output.stdout.contains("could not run the handler: python3 was not found on PATH"))
    #expect(output.stdout.contains("Fix the problem above"))
    // Not the learner's fault: no attempt is recorded.
    let progress = try String(
      contentsOfFile: runner.directory + "/lambdalings-workspace/progress.json", encoding: .utf8)
    #expect(!progress.contains("\"attempts\""))
  }

  @Test func checkRejectsAnUnknownExercise() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["check", "ecoh", "--course", course])
    #expect(output.status == 2)
    #expect(output.stderr.contains("there is no exercise 'ecoh'"))
    #expect(output.stderr.contains("Did you mean 'echo'?"))
  }

  @Test func hintsComeOneAtATime() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let first = try runner.run(["hint", "--course", course])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Hint 1 of 2 for echo"))
    #expect(first.stdout.contains("Return event."))
    #expect(!first.stdout.contains("return event"))
    let second = try runner.run(["hint", "echo", "--course", course])
    #expect(second.stdout.contains("Hint 2 of 2 for echo"))
    #expect(second.stdout.contains("That was the last hint."))
    let third = try runner.run(["hint", "echo", "--course", course])
    #expect(third.status == 0)
    #expect(third.stdout.contains("No more hints for echo: you have seen all 2."))
    #expect(try Self.echoProgress(runner)["hintsUsed"] as? Int == 2)
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func solutionIsRefusedUntilPassedOrForced() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let refused = try runner.run(["solution", "echo", "--course", course])
    // Exit 2: 1 is for a failed check or quiz, and nothing was graded here.
    #expect(refused.status == 2)
    #expect(refused.stdout.isEmpty)
    #expect(refused.stderr.contains("has not passed yet"))
    #expect(refused.stderr.contains("Pass the exercise first: 'lambdalings check echo"))
    #expect(refused.stderr.contains("--force"))
    // The command line was right: no "for usage" line after the message.
    #expect(!refused.stderr.contains("for usage"), "\(refused.stderr)")
    #expect(!refused.stderr.contains("--help"), "\(refused.stderr)")
    let forced = try runner.run(["solution", "echo", "--force", "--course", course])
    #expect(forced.status == 0)
    #expect(forced.stdout.contains("Reference solution of echo (python, lambda_function.py):"))
    #expect(forced.stdout.contains("    return event"))
    _ = try runner.run(["init", "--course", course])
    try Self.solve(runner)
    #expect(try runner.run(["check", "echo", "--course", course]).status == 0)
    let plain = try runner.run(["solution", "echo", "--plain", "--course", course])
    #expect(plain.status == 0)
    let file = try #require(FileManager.default.contents(atPath: Self.solutionPython))
    #expect(plain.stdout == String(decoding: file, as: UTF8.self))
    let missing = try runner.run(["solution", "--course", course])
    #expect(missing.status == 2)
  }

  @Test func resetNeedsConfirmationAndKeepsABackup() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["init", "--course", course])
    let mine = "def lambda_handler(event, context):\n    return 'my work'\n"
    try Data(mine.utf8).write(to: URL(fileURLWithPath: Self.learnerFile(runner)))
    let unconfirmed = try runner.run(["reset", "echo", "--course", course])
    #expect(unconfirmed.status == 2)
    #expect(unconfirmed.stderr.contains("pass --yes"))
    #expect(try String(contentsOfFile: Self.learnerFile(runner), encoding: .utf8) == mine)
    let reset = try runner.run(
      ["reset", "echo", "--yes", "--course", course],
      environment: ["LAMBDALINGS_NOW": "2026-03-04T05:06:07Z"])
    #expect(reset.status == 0, "\(reset.stderr)")
    let backup = Self.learnerFile(runner, "lambda_function.py.bak-20260304-050607")
    #expect(try String(contentsOfFile: backup, encoding: .utf8) == mine)
    let starter = try String(
      contentsOfFile: course + "/exercises/echo/starter/python/lambda_function.py", encoding: .utf8)
    #expect(try String(contentsOfFile: Self.learnerFile(runner), encoding: .utf8) == starter)
    #expect(reset.stdout.contains("kept as "))
    let again = try runner.run(["reset", "echo", "--yes", "--course", course])
    #expect(
      again.stdout.contains(
        "already holds the starter; nothing to reset.\nNext: edit it, then check it:\n"
          + "    lambdalings check echo"), "\(again.stdout)")
  }

  @Test func nextShowsTheChapterThenTheExercise() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let chapter = try runner.run(["next", "--no-pager", "--course", course])
    #expect(chapter.status == 0, "\(chapter.stderr)")
    #expect(chapter.stdout.contains("A handler receives an event and a context."))
    #expect(chapter.stdout.contains("exercise echo: lambdalings check echo"))
    let dashboard = try runner.run(["--course", course])
    #expect(dashboard.stdout.contains("lambdalings check echo"), "\(dashboard.stdout)")
    let exercise = try runner.run(["next", "--course", course])
    #expect(exercise.status == 0)
    #expect(exercise.stdout.contains("Exercise echo: Echo the event"))
    #expect(exercise.stdout.contains("Return the event unchanged."))
    #expect(
      exercise.stdout.contains(
        "Edit: lambdalings-workspace/exercises/echo/lambda_function.py (lambdalings edit echo"),
      "\(exercise.stdout)")
    #expect(exercise.stdout.contains("Check it: lambdalings check echo"))
  }
}
