import Foundation
import Testing

/// Next steps after each command, defaults to the current exercise, list numbers and
/// suggestions (issue #8 items 15 and 16, `hint --all`).
@Suite struct NextStepsTests {
  let course = BinaryRunner.fixtureCourse

  @Test func readAcceptsTheNumbersListShows() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let list = try runner.run(["list", "--course", course])
    #expect(list.stdout.contains("2. More Lambda"))
    let second = try runner.run(["read", "2", "--no-pager", "--course", course])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains("Nothing to do here but read."))
    let tooFar = try runner.run(["read", "9", "--no-pager", "--course", course])
    #expect(tooFar.status == 2)
    #expect(tooFar.stderr.contains("there is no chapter 9: the course has 2"))
  }

  @Test func nextShowsAnExerciseTitleOnceWhenTheStatementHasItsOwn() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let shipped = BinaryRunner.shippedCourse
    #expect(try runner.run(["init", "--course", shipped]).status == 0)
    var shown: BinaryRunner.Output?
    for _ in 0..<12 {
      let output = try runner.run(["next"])
      if output.stdout.contains("Exercise hello-api") {
        shown = output
        break
      }
      _ = try runner.run(["next", "--skip"])
    }
    let output = try #require(shown, "next never reached hello-api")
    #expect(output.stdout.components(separatedBy: "Hello from API Gateway").count == 2)
    #expect(output.stdout.contains("Check it: lambdalings check hello-api"))
  }

  @Test func progressEndsWithTheNextStepOrSaysTheWorkspaceIsNotThereYet() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let before = try runner.run(["progress", "--course", course])
    #expect(before.status == 0, "\(before.stderr)")
    #expect(before.stdout.contains("(not created yet: lambdalings --course \(course) creates it"))
    #expect(try runner.run(["init", "--course", course]).status == 0)
    _ = try runner.run(["read", "basics", "--no-pager"])
    let after = try runner.run(["progress"])
    #expect(
      after.stdout.hasSuffix(
        "Next: solve the exercise \"Echo the event\"\n    lambdalings check echo\n"),
      "\(after.stdout)")
  }

  @Test func eventsSuggestAnAbbreviatedTemplate() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["events", "generate", "apigw"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("Did you mean `apigateway-rest`?"))
  }

  @Test func aMistypedQuizGetsASuggestion() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let output = try runner.run(["quiz", "mnii"] + options)
    #expect(output.status == 2)
    #expect(output.stderr.contains("Did you mean 'mini'?"))
  }

  @Test func resetAndSolutionDefaultToTheCurrentExerciseAndSayWhatNext() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--course", course]).status == 0)
    try Data("# mine\n".utf8).write(
      to: URL(fileURLWithPath: ExerciseCommandsTests.learnerFile(runner)))
    let reset = try runner.run(["reset", "--yes", "--course", course])
    #expect(reset.status == 0, "\(reset.stderr)")
    #expect(reset.stdout.contains("Restored the starter of echo"))
    #expect(reset.stdout.contains("Next: edit "))
    #expect(reset.stdout.contains("lambdalings check echo"))
    let solution = try runner.run(["solution", "--force", "--course", course])
    #expect(solution.status == 0, "\(solution.stderr)")
    #expect(solution.stdout.contains("Reference solution of echo"))
    #expect(solution.stdout.contains("then check it: lambdalings check echo"))
    let refused = try runner.run(["solution", "--course", course])
    #expect(refused.status == 2)
    #expect(refused.stderr.components(separatedBy: "error:").count == 2, "\(refused.stderr)")
  }

  @Test func hintAllRepeatsTheHintsSeenAndTheLastHintSaysWhatNext() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let none = try runner.run(["hint", "--all", "--course", course])
    #expect(none.stdout.contains("You have not seen any hint of echo yet."))
    _ = try runner.run(["hint", "--course", course])
    let one = try runner.run(["hint", "--all", "--course", course])
    #expect(one.stdout.contains("Hint 1 of 2 for echo"))
    #expect(!one.stdout.contains("Hint 2 of 2"))
    #expect(one.stdout.contains("1 more hint with lambdalings hint echo"))
    let last = try runner.run(["hint", "--course", course])
    #expect(last.stdout.contains("That was the last hint."))
    #expect(last.stdout.contains("lambdalings check echo"))
    #expect(last.stdout.contains("lambdalings solution echo --force"))
    let all = try runner.run(["hint", "--all", "--course", course])
    #expect(all.stdout.contains("Hint 1 of 2") && all.stdout.contains("Hint 2 of 2"))
    #expect(all.stdout.contains("That is every hint of echo."))
  }

  @Test func dashboardNamesTheFileToEdit() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["read", "basics", "--no-pager", "--course", course])
    let dashboard = try runner.run(["--course", course])
    #expect(dashboard.stdout.contains("Next: solve the exercise"))
    #expect(
      dashboard.stdout.contains("edit lambdalings-workspace/exercises/echo/lambda_function.py"))
  }
}
