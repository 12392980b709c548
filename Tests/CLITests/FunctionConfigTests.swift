import Foundation
import Testing

/// The learner-editable `function.json`: copied with the starter, read from the workspace,
/// and reported with file:line when it is wrong.
@Suite(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
struct FunctionConfigTests {
  let course = BinaryRunner.shippedCourse

  func folder(_ runner: BinaryRunner) -> String {
    runner.directory + "/lambdalings-workspace/exercises/handler-config"
  }

  @Test func learnersConfigurationIsWhatTheGraderRuns() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let setup = try runner.run(["init", "--course", course])
    #expect(setup.status == 0, "\(setup.stderr)")
    let config = folder(runner) + "/function.json"
    #expect(FileManager.default.fileExists(atPath: config))
    let starter = try runner.run(["check", "handler-config", "--course", course])
    #expect(starter.status == 1)
    #expect(starter.stdout.contains("the handler 'lambda_function.lambda_handler' is not found"))
    #expect(starter.stdout.contains("(and function.json next to it)"))
    let solution = course + "/exercises/handler-config/solution/python/lambda_function.py"
    try FileManager.default.removeItem(atPath: folder(runner) + "/lambda_function.py")
    try FileManager.default.copyItem(
      atPath: solution, toPath: folder(runner) + "/lambda_function.py")
    let codeOnly = try runner.run(["check", "handler-config", "--course", course])
    #expect(codeOnly.status == 1, "the code alone does not pass: the configuration is wrong")
    try #"{"handler": "lambda_function.handle_order"}"#.write(
      toFile: config, atomically: true, encoding: .utf8)
    let fixed = try runner.run(["check", "handler-config", "--course", course])
    #expect(fixed.status == 0, "\(fixed.stdout)")
  }

  @Test func brokenConfigurationIsASetupErrorWithItsLine() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["init", "--course", course])
    try "{\n  \"handler\": \"lambda_function.handle_order\",\n  \"timout\": 5\n}\n".write(
      toFile: folder(runner) + "/function.json", atomically: true, encoding: .utf8)
    let output = try runner.run(["check", "handler-config", "--course", course])
    #expect(output.status == 2, "\(output.stdout)")
    #expect(output.stdout.contains("function.json:3: error: unknown function setting \"timout\""))
    #expect(output.stdout.contains("did you mean \"timeout\"?"))
  }

  @Test func aMissingConfigurationIsCopiedBackFromTheStarter() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    _ = try runner.run(["init", "--course", course])
    try FileManager.default.removeItem(atPath: folder(runner) + "/function.json")
    let output = try runner.run(["check", "handler-config", "--course", course])
    #expect(FileManager.default.fileExists(atPath: folder(runner) + "/function.json"))
    #expect(output.stderr.contains("Copied 1 missing starter file"), "\(output.stderr)")
  }
}
