import Foundation
import Testing

/// The shipped API exercise graded through HTTP by `lambdalings check`: failures point into
/// api.json, and the learner is told the template is theirs to edit too.
@Suite struct APIExerciseCheckTests {
  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func httpAPIHelloFailsOnTheStarterTemplateThenPasses() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let course = BinaryRunner.shippedCourse
    let failed = try runner.run(["check", "http-api-hello", "--course", course])
    #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
    #expect(
      failed.stdout.contains("✗ GET /hello reaches the function through an HTTP API (api.json:5)"),
      "\(failed.stdout)")
    #expect(
      failed.stdout.contains(
        "Edit lambdalings-workspace/exercises/http-api-hello/lambda_function.py"
          + " (and serverless.yml next to it) and check again:"), "\(failed.stdout)")
    // The reference template makes it pass; the handler was right all along.
    let solution = course + "/exercises/http-api-hello/solution/python/serverless.yml"
    let learner =
      runner.directory + "/lambdalings-workspace/exercises/http-api-hello/serverless.yml"
    try FileManager.default.removeItem(atPath: learner)
    try FileManager.default.copyItem(atPath: solution, toPath: learner)
    let passed = try runner.run(["check", "http-api-hello", "--course", course])
    #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    #expect(passed.stdout.contains("Exercise http-api-hello passed!"))
  }
}
