import Foundation
import Testing

/// Finding the workspace from its folders, remembering its course, refusing another course's
/// workspace, and suggestions that keep `--workspace`/`--course` (issue #8 items 3, 5, 6).
@Suite struct WorkspaceDiscoveryTests {
  let course = BinaryRunner.fixtureCourse

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func checkFromInsideTheExerciseFolderGradesTheLearnersFile() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let created = try runner.run(["init", "--course", course])
    #expect(created.status == 0, "\(created.stderr)")
    try ExerciseCommandsTests.solve(runner)
    let folder = "lambdalings-workspace/exercises/echo"
    // No --course: the workspace remembers it; no --workspace: found from the folder.
    let passed = try runner.run(["check"], in: folder)
    #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    #expect(passed.stdout.contains("Exercise echo passed!"))
    // The file is named as seen from where the learner is.
    #expect(passed.stdout.contains("Checking echo (python): lambda_function.py\n"))
    #expect(!FileManager.default.fileExists(atPath: "\(runner.directory)/\(folder)/\(ws)"))
    // Once passed it is no longer the current exercise, but its folder still names it.
    let again = try runner.run(["check"], in: folder)
    #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    #expect(again.stdout.contains("Checking echo (python)"))
    let inside = try runner.run(["list"], in: "lambdalings-workspace")
    #expect(inside.status == 0, "\(inside.stderr)")
    #expect(inside.stdout.contains("✓ exercise  echo"))
    #expect(
      !FileManager.default.fileExists(atPath: "\(runner.directory)/lambdalings-workspace/\(ws)"))
  }

  private var ws: String { "lambdalings-workspace" }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func aPassNamesTheFileOfTheNextExercise() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--course", BinaryRunner.shippedCourse]).status == 0)
    let solution = try #require(
      FileManager.default.contents(
        atPath: BinaryRunner.shippedCourse
          + "/exercises/hello-api/solution/python/lambda_function.py"))
    try solution.write(
      to: URL(
        fileURLWithPath: "\(runner.directory)/\(ws)/exercises/hello-api/lambda_function.py"))
    // Chapter 1 read, its quiz set aside, chapter 2 read: hello-api then context-info are next.
    for step in [["read", "1", "--no-pager"], ["next", "--skip"], ["read", "2", "--no-pager"]] {
      let output = try runner.run(step)
      #expect(output.status == 0, "\(step): \(output.stderr)")
    }
    let passed = try runner.run(["check", "hello-api"])
    #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    #expect(
      passed.stdout.contains(
        "Next: solve the exercise \"Read the context object\"\n"
          + "    edit \(ws)/exercises/context-info/lambda_function.py, then\n"
          + "    lambdalings check context-info\n"), "\(passed.stdout)")
  }

  @Test func anExerciseFolderNamesItsExerciseForEveryExerciseCommand() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--course", BinaryRunner.shippedCourse]).status == 0)
    // hello-api is the current exercise; the learner works in context-info's folder.
    let there = try runner.run(["hint"], in: "\(ws)/exercises/context-info")
    #expect(there.status == 0, "\(there.stderr)")
    #expect(there.stdout.contains("Hint 1 of"))
    #expect(there.stdout.contains("for context-info"), "\(there.stdout)")
    let reset = try runner.run(["reset", "--yes"], in: "\(ws)/exercises/context-info")
    #expect(reset.stdout.contains("context-info"), "\(reset.stdout)\(reset.stderr)")
    // Elsewhere in the workspace the current exercise is the default.
    let root = try runner.run(["hint"], in: ws)
    #expect(root.stdout.contains("for hello-api"), "\(root.stdout)")
    // A folder that is not an exercise of the course falls back to the current one.
    try FileManager.default.createDirectory(
      atPath: "\(runner.directory)/\(ws)/exercises/notes", withIntermediateDirectories: true)
    let notes = try runner.run(["hint"], in: "\(ws)/exercises/notes")
    #expect(notes.stdout.contains("for hello-api"), "\(notes.stdout)")
  }

  @Test func aWorkspaceIsNeverCreatedInsideAnother() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--course", course]).status == 0)
    let nested = try runner.run(["init", "sub"], in: ws)
    #expect(nested.status == 2)
    #expect(nested.stderr.contains("is inside the workspace at"))
    #expect(!FileManager.default.fileExists(atPath: "\(runner.directory)/\(ws)/sub"))
    // The dashboard inside the workspace uses it instead of creating one.
    let dashboard = try runner.run([], in: "\(ws)/exercises")
    #expect(dashboard.status == 0, "\(dashboard.stderr)")
    #expect(!dashboard.stdout.contains("Welcome"))
    #expect(!FileManager.default.fileExists(atPath: "\(runner.directory)/\(ws)/exercises/\(ws)"))
  }

  @Test func initInAFolderSaysHowToUseItAndTheWorkspaceRemembersItsCourse() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let created = try runner.run(["init", "mywork", "--course", course])
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.contains("cd mywork && lambdalings"))
    #expect(created.stdout.contains("lambdalings --workspace mywork"))
    let settings = try String(
      contentsOfFile: "\(runner.directory)/mywork/workspace.json", encoding: .utf8)
    #expect(settings.contains("coursePath"))
    // Both suggested ways work without --course.
    let inside = try runner.run([], in: "mywork")
    #expect(inside.status == 0, "\(inside.stderr)")
    #expect(inside.stdout.contains("Fixture course"))
    let outside = try runner.run(["list", "--workspace", "mywork"])
    #expect(outside.stdout.contains("Fixture course"), "\(outside.stderr)")
  }

  @Test func suggestedCommandsKeepTheFlagsThatWereGiven() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    // The workspace flag is repeated; --course is dropped once the workspace remembers it.
    let dashboard = try runner.run(["--workspace", "my ws", "--course", course])
    #expect(dashboard.status == 0, "\(dashboard.stderr)")
    #expect(dashboard.stdout.contains("lambdalings read basics --workspace 'my ws'\n"))
    // A course the workspace does not remember is repeated too.
    let settings = "\(runner.directory)/my ws/workspace.json"
    let text = try String(contentsOfFile: settings, encoding: .utf8)
    let forgotten = text.replacingOccurrences(
      of: #""coursePath" : ".*",\n"#, with: "", options: .regularExpression)
    try forgotten.write(toFile: settings, atomically: true, encoding: .utf8)
    let next = try runner.run(["next", "--no-pager", "--workspace", "my ws", "--course", course])
    #expect(next.stdout.contains("lambdalings check echo --workspace 'my ws' --course \(course)"))
  }

  @Test func anotherCoursesWorkspaceIsRefusedByEveryCommandAndLeftUntouched() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--course", course]).status == 0)
    let progress = "\(runner.directory)/\(ws)/progress.json"
    let before = try Data(contentsOf: URL(fileURLWithPath: progress))
    let other = BinaryRunner.shippedCourse
    for command in [
      ["list"], ["read", "what-is-lambda", "--no-pager"], [], ["progress"], ["next", "--no-pager"],
      ["check", "hello-api"], ["hint", "hello-api"], ["quiz", "limits"], ["review"],
      ["quiz", "exam", "--count", "2"], ["verify"], ["progress", "reset", "--yes"], ["edit"],
      ["solution", "hello-api", "--force"], ["reset", "hello-api", "--yes"], ["watch"],
    ] {
      let output = try runner.run(command + ["--course", other], stdin: "a\n")
      #expect(output.status == 2, "\(command): \(output.stdout)")
      // Refused before anything of the command is shown.
      #expect(output.stdout.isEmpty, "\(command): \(output.stdout)")
      #expect(
        output.stderr.contains("belongs to course 'fixture-course', not 'aws-lambda'"),
        "\(command): \(output.stderr)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: progress)) == before)
  }

  @Test func aWorkspaceUnderAFileSaysWhyInOneSentence() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try "x".write(toFile: runner.directory + "/plain", atomically: true, encoding: .utf8)
    let output = try runner.run(["init", "plain/ws", "--course", course])
    #expect(output.status == 2)
    #expect(output.stderr.contains("/plain is a file, not a folder.\n"), "\(output.stderr)")
    #expect(!output.stderr.contains(".."))
  }

  @Test func courseFlagNamingAFileSaysSo() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["list", "--course", course + "/lessons/course.md"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("is a file, not a folder"))
  }
}
