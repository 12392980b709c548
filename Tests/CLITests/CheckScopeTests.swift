import Foundation
import Testing

/// `check ID` loads the course outline and that one exercise: a problem in another exercise
/// does not stop it, and a problem in the exercise itself is reported exactly as a command
/// that loads the whole course reports it.
@Suite struct CheckScopeTests {
  /// The fixture course plus an exercise `other` (listed by the first chapter) whose spec
  /// does not parse.
  static func courseWithABrokenOther(_ runner: BinaryRunner) throws -> String {
    let root = runner.directory + "/course"
    try FileManager.default.copyItem(atPath: BinaryRunner.fixtureCourse, toPath: root)
    try FileManager.default.copyItem(
      atPath: root + "/exercises/echo", toPath: root + "/exercises/other")
    let header = root + "/exercises/other/exercise.md"
    let text = try String(contentsOfFile: header, encoding: .utf8)
    try text.replacingOccurrences(of: "id: echo\n", with: "id: other\n")
      .write(toFile: header, atomically: true, encoding: .utf8)
    try "{ \"cases\": [ { \"name\": \"broken\", \"event\": {} }\n"
      .write(toFile: root + "/exercises/other/spec.json", atomically: true, encoding: .utf8)
    let chapter = root + "/lessons/01-basics.md"
    let lesson = try String(contentsOfFile: chapter, encoding: .utf8)
    try lesson.replacingOccurrences(of: "exercises: echo\n", with: "exercises: echo, other\n")
      .write(toFile: chapter, atomically: true, encoding: .utf8)
    return root
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func anotherExercisesProblemDoesNotStopTheCheck() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let course = try Self.courseWithABrokenOther(runner)
    let output = try runner.run(["check", "echo", "--course", course])
    #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout.contains("✗ echoes (spec.json:1)"))
    #expect(output.stdout.contains("lambdalings hint echo"))
    #expect(!output.stderr.contains("other"))
  }

  @Test func theCheckedExercisesProblemIsReportedAsTheWholeLoadReportsIt() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let course = try Self.courseWithABrokenOther(runner)
    // `hint` loads the whole course; `other` is its only problem.
    let whole = try runner.run(["hint", "other", "--course", course])
    let checked = try runner.run(["check", "other", "--course", course])
    #expect(whole.status != 0)
    #expect(whole.stderr.contains("exercises/other/spec.json:"), "\(whole.stderr)")
    #expect(checked.status == whole.status)
    #expect(checked.stderr == whole.stderr)
    #expect(checked.stdout == whole.stdout)
  }
}
