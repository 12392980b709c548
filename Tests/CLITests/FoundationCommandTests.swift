import Foundation
import Testing

/// End-to-end tests of the foundation commands through the built binary.
@Suite struct FoundationCommandTests {
  let course = BinaryRunner.fixtureCourse

  @Test func helpListsCommandsAndExitCodes() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["help"])
    #expect(output.status == 0)
    for name in ["init", "list", "progress"] {
      #expect(output.stdout.contains("\n  \(name) "), "help should list \(name)")
    }
    #expect(output.stdout.contains("Exit codes: 0 success, 1 a check or quiz failed"))
    let dashed = try runner.run(["--help"])
    #expect(dashed.stdout == output.stdout)
  }

  @Test func commandHelpShowsOptions() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["init", "--help"])
    #expect(output.status == 0)
    #expect(output.stdout.contains("USAGE: lambdalings init [DIR] [--language python|node]"))
    #expect(output.stdout.contains("-l, --language LANG"))
    #expect(output.stdout.contains("--workspace DIR"))
  }

  @Test func versionPrintsTheVersion() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["--version"])
    #expect(output.status == 0)
    #expect(output.stdout.hasPrefix("lambdalings "))
  }

  @Test func unknownCommandSuggestsTheClosest() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["lsit"])
    #expect(output.status == 2)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.contains("error: unknown command 'lsit'"))
    #expect(output.stderr.contains("Did you mean 'list'?"))
  }

  @Test func unknownOptionSuggestsTheClosest() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["init", "--langauge", "node", "--course", course])
    #expect(output.status == 2)
    #expect(output.stderr.contains("unknown option '--langauge' for 'init'"))
    #expect(output.stderr.contains("Did you mean '--language'?"))
    let color = try runner.run(["list", "--color", "sometimes"])
    #expect(color.status == 2)
    #expect(color.stderr.contains("--color must be auto, always or never"))
  }

  @Test func initCreatesWorkspaceAndKeepsLearnerFiles() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let first = try runner.run(["init", "--course", course])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Created your workspace at lambdalings-workspace"))
    #expect(first.stdout.contains("starter file"))
    #expect(!first.stdout.contains("of yours"), "nothing of the learner's exists yet")
    let file = "\(runner.directory)/lambdalings-workspace/exercises/echo/lambda_function.py"
    let starter = try String(contentsOfFile: file, encoding: .utf8)
    #expect(starter.contains("return None"))
    #expect(
      FileManager.default.fileExists(
        atPath: "\(runner.directory)/lambdalings-workspace/progress.json"))
    try "def lambda_handler(event, context):\n    return event  # mine\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    let second = try runner.run(["init", "--course", course])
    #expect(second.status == 0)
    #expect(second.stdout.contains("Updated your workspace"))
    #expect(second.stdout.contains("language: python; 1 file of yours kept as it was."))
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("# mine"))
  }

  @Test func initInNodeCopiesNodeStarters() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["init", "ws", "--language", "node", "--course", course])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(
      FileManager.default.fileExists(atPath: "\(runner.directory)/ws/exercises/echo/index.mjs"))
    let bad = try runner.run(["init", "--language", "ruby", "--course", course])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--language must be python or node, got 'ruby'"))
  }

  @Test func listShowsEveryStepWithStatus() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["list", "--course", course])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("Fixture course"))
    #expect(output.stdout.contains("▶ 1. Lambda basics"))
    #expect(output.stdout.contains("○ exercise  echo"))
    #expect(output.stdout.contains("○ quiz      basics-quiz"))
    #expect(output.stdout.contains("○ 2. More Lambda"))
    #expect(output.stdout.contains("0 of 4 steps done."))
    #expect(!output.stdout.contains("\u{1B}["), "no escape codes when not a terminal")
    let ascii = try runner.run(["list", "--course", course], environment: ["TERM": "dumb"])
    #expect(ascii.stdout.contains("> 1. Lambda basics"))
    #expect(ascii.stdout.contains("[ ] exercise  echo"))
  }

  @Test func colorAlwaysEmitsEscapes() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["list", "--course", course, "--color", "always"])
    #expect(output.stdout.contains("\u{1B}["))
    let noColor = try runner.run(
      ["list", "--course", course, "--color", "always"], environment: ["NO_COLOR": "1"])
    #expect(noColor.stdout.contains("\u{1B}["), "--color always wins over NO_COLOR")
    let forced = try runner.run(["list", "--course", course], environment: ["CLICOLOR_FORCE": "1"])
    #expect(forced.stdout.contains("\u{1B}["))
  }

  @Test func dashboardCreatesWorkspaceOnFirstRun() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let first = try runner.run(["--course", course])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Welcome to Lambdalings!"))
    #expect(first.stdout.contains("Created your workspace at lambdalings-workspace"))
    #expect(first.stdout.contains("starter file"))
    #expect(!first.stdout.contains("of yours"), "nothing of the learner's exists yet")
    #expect(first.stdout.contains("Fixture course"))
    #expect(first.stdout.contains("0/4 steps"))
    #expect(first.stdout.contains("Next: read the chapter \"Lambda basics\""))
    let second = try runner.run(["--course", course])
    #expect(!second.stdout.contains("Welcome"))
    #expect(second.stdout.contains("Next: read the chapter"))
  }

  @Test func dashboardOnEmptyCourseSaysSo() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let empty = "\(runner.directory)/empty"
    try FileManager.default.createDirectory(
      atPath: "\(empty)/lessons", withIntermediateDirectories: true)
    try "---\nid: empty\ntitle: Empty\n---\n".write(
      toFile: "\(empty)/lessons/course.md", atomically: true, encoding: .utf8)
    let output = try runner.run(["--course", empty])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("This course has no chapters, exercises or quizzes yet."))
  }

  @Test func brokenCourseReportsEveryErrorWithLines() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let broken = "\(runner.directory)/broken"
    try FileManager.default.createDirectory(
      atPath: "\(broken)/lessons", withIntermediateDirectories: true)
    try "---\nid: b\ntitle: B\n---\n".write(
      toFile: "\(broken)/lessons/course.md", atomically: true, encoding: .utf8)
    try "---\nid: one\ntitle: One\nexercises: ghost\n---\n".write(
      toFile: "\(broken)/lessons/01-one.md", atomically: true, encoding: .utf8)
    let output = try runner.run(["list", "--course", broken])
    #expect(output.status == 2)
    #expect(output.stderr.contains("lessons/01-one.md:4: error: chapter lists exercise 'ghost'"))
    #expect(output.stderr.contains("Fix them and run the command again."))
  }

  @Test func missingCourseFolderIsAContentError() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["list", "--course", "/nonexistent/course"])
    #expect(output.status == 2)
    #expect(
      output.stderr.contains(
        "the course folder '/nonexistent/course' (from --course) does not exist"))
  }

  @Test func progressJSONIsValidAndComplete() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["init", "--course", course])
    let output = try runner.run(["progress", "--json", "--course", course])
    #expect(output.status == 0, "\(output.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    let document = try #require(object as? [String: Any])
    let courseInfo = try #require(document["course"] as? [String: Any])
    #expect(courseInfo["id"] as? String == "fixture-course")
    #expect((document["workspace"] as? String)?.hasSuffix("lambdalings-workspace") == true)
    let steps = try #require(document["steps"] as? [[String: Any]])
    #expect(steps.map { $0["id"] as? String } == ["basics", "echo", "basics-quiz", "more"])
    #expect(steps.allSatisfy { $0["status"] as? String == "pending" })
    let text = try runner.run(["progress", "--course", course])
    #expect(text.status == 0)
    #expect(text.stdout.contains("0 of 4 steps done"))
  }
}
