import Foundation
import Testing

/// `check --json` in the exercism test-runner shape (version 2) for a passing, a failing and a
/// broken handler.
@Suite(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
struct CheckJSONTests {
  let course = BinaryRunner.fixtureCourse

  /// Checks the exercism v2 shape and returns the document.
  static func validated(_ output: BinaryRunner.Output) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    let document = try #require(object as? [String: Any], "\(output.stdout)")
    #expect(document["version"] as? Int == 2)
    let status = try #require(document["status"] as? String)
    #expect(["pass", "fail", "error"].contains(status))
    #expect(document.keys.contains("message"), "message is present, null or a string")
    #expect(document["message"] is NSNull || document["message"] is String)
    let tests = try #require(document["tests"] as? [[String: Any]])
    for test in tests {
      #expect(test["name"] is String)
      let testStatus = try #require(test["status"] as? String)
      #expect(["pass", "fail", "error"].contains(testStatus))
      #expect(test["test_code"] is String)
      if testStatus != "pass" { #expect(test["message"] is String) }
      #expect(test["line"] is Int)
      #expect(test["specFile"] as? String == "spec.json")
      #expect(test["durationMs"] is NSNumber)
    }
    return document
  }

  @Test func passingHandler() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["init", "--course", course])
    try ExerciseCommandsTests.solve(runner)
    let output = try runner.run(["check", "echo", "--json", "--course", course])
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    let document = try Self.validated(output)
    #expect(document["status"] as? String == "pass")
    #expect(document["message"] is NSNull)
    let tests = try #require(document["tests"] as? [[String: Any]])
    #expect(tests.map { $0["status"] as? String } == ["pass"])
    #expect((tests.first?["test_code"] as? String)?.contains("\"echoes\"") == true)
  }

  @Test func failingHandler() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["check", "echo", "--json", "--course", course])
    #expect(output.status == 1)
    let document = try Self.validated(output)
    #expect(document["status"] as? String == "fail")
    let test = try #require((document["tests"] as? [[String: Any]])?.first)
    #expect(test["status"] as? String == "fail")
    // Each failure as structure: its kind, path, the expected and actual JSON values (not
    // their text), where the spec declares it, and the sentence the terminal shows.
    let failures = try #require(test["failures"] as? [[String: Any]])
    #expect(failures.count == 1)
    let failure = try #require(failures.first)
    #expect(failure["kind"] as? String == "result")
    #expect(failure["path"] as? String == "result")
    #expect((failure["expected"] as? [String: Any])?["a"] as? Int == 1, "\(failure)")
    #expect(failure["actual"] is NSNull, "the handler returned null: \(failure)")
    #expect(failure["specFile"] as? String == "spec.json")
    #expect(failure["line"] as? Int == 1)
    #expect(failure["message"] as? String == #"result: expected {"a":1}, got null"#)
    #expect(test["message"] as? String == #"result: expected {"a":1}, got null"#)
    #expect(test["mismatches"] == nil)
  }

  @Test func passingHandlerNamesTheNextStep() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["init", "--course", course])
    try ExerciseCommandsTests.solve(runner)
    let output = try runner.run(["check", "echo", "--json", "--course", course])
    let document = try Self.validated(output)
    // The fixture course goes on after `echo` (its chapter, its quiz).
    let next = try #require(document["nextStep"] as? [String: Any], "\(output.stdout)")
    #expect(["chapter", "quiz"].contains(next["kind"] as? String ?? ""), "\(next)")
    #expect(next["id"] is String)
    #expect((next["description"] as? String)?.isEmpty == false)
    #expect(document["next"] as? String == next["command"] as? String)
  }

  @Test func brokenHandler() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["init", "--course", course])
    try "def lambda_handler(event, context)\n    return 1\n".write(
      toFile: ExerciseCommandsTests.learnerFile(runner), atomically: true, encoding: .utf8)
    let output = try runner.run(["check", "echo", "--json", "--course", course])
    #expect(output.status == 1, "a file that does not load is the learner's to fix")
    let document = try Self.validated(output)
    #expect(document["status"] as? String == "error")
    let message = try #require(document["message"] as? String)
    #expect(message.contains("Runtime.UserCodeSyntaxError"))
    let failure = try #require(document["loadFailure"] as? [String: Any])
    #expect(failure["line"] as? Int == 1)
    let human = try runner.run(["check", "echo", "--course", course])
    #expect(human.stdout.components(separatedBy: "your file does not load").count == 2)
    #expect(human.stdout.contains("lambda_function.py:1"))
  }
}

/// `new` scaffolds content that `validate` accepts, and never overwrites.
@Suite struct NewCommandTests {
  @Test(
    .enabled(if: CLIInterpreters.hasPython && CLIInterpreters.hasNode, "python3 or node missing"))
  func newThenValidateHasNoErrors() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let root = runner.directory + "/my-course"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let chapter = try runner.run(["new", "chapter", "queues", "--course", root])
    #expect(chapter.status == 0, "\(chapter.stderr)")
    #expect(FileManager.default.fileExists(atPath: root + "/lessons/course.md"))
    #expect(FileManager.default.fileExists(atPath: root + "/lessons/01-queues.md"))
    let exercise = try runner.run(
      ["new", "exercise", "sqs-batches", "--chapter", "queues", "--course", root])
    #expect(exercise.status == 0, "\(exercise.stderr)")
    let quiz = try runner.run([
      "new", "quiz", "queues-quiz", "--chapter", "queues", "--course", root,
    ])
    #expect(quiz.status == 0, "\(quiz.stderr)")
    let chapterText = try String(contentsOfFile: root + "/lessons/01-queues.md", encoding: .utf8)
    #expect(chapterText.contains("\nexercises: sqs-batches\n"))
    #expect(chapterText.contains("\nquiz: queues-quiz\n"))
    let second = try runner.run(["new", "chapter", "streams", "--course", root])
    #expect(second.status == 0)
    #expect(FileManager.default.fileExists(atPath: root + "/lessons/02-streams.md"))
    let validate = try runner.run(["validate", "--course", root])
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    #expect(validate.stdout.contains("0 errors, 0 warnings"), "\(validate.stdout)")
    #expect(validate.stdout.contains("sqs-batches (python) starter fails 1 of 1"))
    #expect(validate.stdout.contains("sqs-batches (node) solution passes its 1 check"))
  }

  @Test func newInsideTheCourseNamesFilesAsSeenFromThereAndSuggestsPlainValidate() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try FileManager.default.createDirectory(
      atPath: runner.directory + "/c", withIntermediateDirectories: true)
    let elsewhere = try runner.run(["new", "chapter", "intro", "--course", "c"])
    #expect(elsewhere.stdout.contains("Created chapter 'intro' in c:\n  c/lessons/course.md\n"))
    #expect(elsewhere.stdout.contains("    lambdalings validate --course c\n"))
    let inside = try runner.run(["new", "exercise", "hello"], in: "c")
    #expect(inside.status == 0, "\(inside.stderr)")
    #expect(inside.stdout.contains("Created exercise 'hello' in this folder:\n"))
    #expect(inside.stdout.contains("\n  exercises/hello/spec.json\n"), "\(inside.stdout)")
    #expect(inside.stdout.hasSuffix("\n    lambdalings validate\n"), "\(inside.stdout)")
    let check = try runner.run(["validate"], in: "c/exercises")
    #expect(check.stdout.contains("Validating My Lambda course at"), "\(check.stdout)")
    let broken = runner.directory + "/c/exercises/hello/spec.json"
    try "{\"cases\": 1}".write(toFile: broken, atomically: true, encoding: .utf8)
    let problems = try runner.run(["validate"], in: "c")
    #expect(problems.stdout.contains("Validating My Lambda course in this folder"))
    #expect(problems.stdout.contains("\nexercises/hello/spec.json:1: error:"), "\(problems.stdout)")
  }

  @Test func newNeverOverwritesAndExplains() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let root = runner.directory + "/c"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    _ = try runner.run(["new", "chapter", "intro", "--course", root])
    _ = try runner.run(["new", "exercise", "hello", "--course", root])
    let statement = root + "/exercises/hello/exercise.md"
    try "mine\n".write(toFile: statement, atomically: true, encoding: .utf8)
    let again = try runner.run(["new", "exercise", "hello", "--course", root])
    #expect(again.status == 2)
    #expect(again.stderr.contains("already exists"), "\(again.stderr)")
    #expect(try String(contentsOfFile: statement, encoding: .utf8) == "mine\n")
    let badID = try runner.run(["new", "exercise", "Hello World", "--course", root])
    #expect(badID.status == 2)
    #expect(badID.stderr.contains("not a valid id"))
    let badKind = try runner.run(["new", "exercize", "x", "--course", root])
    #expect(badKind.status == 2)
    #expect(badKind.stderr.contains("Did you mean 'exercise'?"))
    let badChapter = try runner.run(["new", "quiz", "q", "--chapter", "nope", "--course", root])
    #expect(badChapter.status == 2)
    #expect(badChapter.stderr.contains("there is no chapter 'nope' (known: intro)"))
  }
}
