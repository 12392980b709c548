import Foundation
import Testing

/// `lambdalings read` through the built binary.
@Suite struct ReadCommandTests {
  let course = BinaryRunner.fixtureCourse

  @Test func readsTheCurrentChapterAndMarksItRead() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["read", "--course", course])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("Lambda basics"))
    #expect(output.stdout.contains("A handler receives an event and a context."))
    #expect(output.stdout.contains("quiz: lambdalings quiz basics-quiz"))
    #expect(output.stdout.contains("next chapter: lambdalings read more"))
    #expect(!output.stdout.contains("\u{1B}["))
    #expect(output.stderr.contains("Created your workspace"))
    let list = try runner.run(["list", "--course", course])
    #expect(list.stdout.contains("✓ 1. Lambda basics"))
    #expect(list.stdout.contains("▶ exercise  echo"))
    let progress = try runner.run(["progress", "--json", "--course", course])
    let object = try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8))
    let steps = try #require((object as? [String: Any])?["steps"] as? [[String: Any]])
    let basics = try #require(steps.first { $0["id"] as? String == "basics" })
    #expect(basics["status"] as? String == "done")
    #expect(basics["firstRead"] is String)
  }

  @Test func readsANamedChapter() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["read", "more", "--no-pager", "--course", course])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("Nothing to do here but read."))
    #expect(!output.stdout.contains("next chapter"))
  }

  @Test func aLinkToAChapterShowsTheCommandThatOpensIt() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    // The workspace remembers its course, so the commands need no --course.
    #expect(try runner.run(["init", "--course", course]).status == 0)
    let output = try runner.run(["read", "more", "--no-pager"])
    #expect(output.status == 0, "\(output.stderr)")
    let text = output.stdout.replacingOccurrences(of: "\n", with: " ")
    #expect(
      text.contains("the timeouts (lambdalings read basics, section \"Timeouts\")"), "\(text)")
    #expect(text.contains("the whole chapter (lambdalings read basics)"))
    #expect(text.contains("the docs (https://docs.aws.amazon.com/lambda/)"))
    #expect(!text.contains("basics#timeouts") && !text.contains("01-basics.md"))
  }

  @Test func anExerciseIdShowsItsTask() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["init", "--course", course])
    let output = try runner.run(["read", "echo", "--no-pager", "--course", course])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(!output.stderr.contains("error:"), "\(output.stderr)")
    #expect(output.stdout.contains("Exercise echo: Echo the event"))
    #expect(output.stdout.contains("Return the event unchanged."))
    #expect(output.stdout.contains("edit: lambdalings-workspace/exercises/echo/lambda_function.py"))
    #expect(output.stdout.contains("check it: lambdalings check echo"))
    #expect(output.stdout.contains("its chapter: lambdalings read basics"))
    // Reading a task is not reading a chapter: nothing is marked.
    let list = try runner.run(["list", "--course", course])
    #expect(!list.stdout.contains("✓ 1. Lambda basics"), "\(list.stdout)")
    // A near miss suggests exercises too.
    let near = try runner.run(["read", "ecko", "--course", course])
    #expect(near.status == 2)
    #expect(near.stderr.contains("Did you mean 'echo'?"), "\(near.stderr)")
  }

  @Test func anExerciseWhoseStatementHasATitleShowsItOnce() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run([
      "read", "hello-api", "--no-pager", "--course", BinaryRunner.shippedCourse,
    ])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.components(separatedBy: "Hello from API Gateway").count == 2)
    #expect(output.stdout.contains("check it: lambdalings check hello-api"))
  }

  @Test func unknownChapterSuggestsOne() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["read", "basic", "--course", course])
    #expect(output.status == 2)
    #expect(output.stderr.contains("there is no chapter or exercise 'basic'"))
    #expect(output.stderr.contains("Did you mean 'basics'?"))
  }

  /// A mistyped option points at `read --help`, not at the general help, and still suggests.
  @Test func optionErrorsPointAtTheCommandsOwnHelp() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let unknown = try runner.run(["read", "--wdth", "40", "--course", course])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown option '--wdth' for 'read'"))
    #expect(
      unknown.stderr.contains("Run 'lambdalings read --help' for usage."), "\(unknown.stderr)")
    let typo = try runner.run(["--course", course, "read", "--no-pagr"])
    #expect(typo.stderr.contains("Did you mean '--no-pager'?"), "\(typo.stderr)")
    #expect(typo.stderr.contains("Run 'lambdalings read --help' for usage."))
    let extra = try runner.run(["read", "basics", "more", "--course", course])
    #expect(extra.stderr.contains("Run 'lambdalings read --help' for usage."), "\(extra.stderr)")
    let color = try runner.run(["read", "--color", "purple"])
    #expect(color.stderr.contains("Run 'lambdalings read --help' for usage."), "\(color.stderr)")
    // An unknown command still points at the general help.
    let command = try runner.run(["raed"])
    #expect(command.stderr.contains("Did you mean 'read'?"))
    #expect(command.stderr.contains("Run 'lambdalings help' for usage."))
  }
}
