import Course
import Foundation
import Testing

@testable import CLI

/// `lambdalings validate` on good and broken courses.
@Suite struct ValidateCommandTests {
  static let bothInterpreters = CLIInterpreters.hasPython && CLIInterpreters.hasNode

  @Test(.enabled(if: bothInterpreters, "python3 and node are needed to run every solution"))
  func fixtureCourseIsValid() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["validate", "--course", BinaryRunner.fixtureCourse])
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout.contains("✓ echo (python) solution passes its 1 check"))
    #expect(output.stdout.contains("✓ echo (node) starter fails 1 of 1 check"))
    #expect(output.stdout.contains("basics-quiz.md:5: warning: quiz has no questions"))
    #expect(output.stdout.contains("The course is valid."))
  }

  /// A stem whose "(Choose three.)" disagrees with its key, and a question without its quiz's
  /// topic tag, are warnings with file and line; the course stays valid.
  @Test(.enabled(if: bothInterpreters, "python3 and node are needed to run every solution"))
  func choiceCountAndTopicWarnings() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let root = runner.directory + "/course"
    try FileManager.default.copyItem(atPath: BinaryRunner.fixtureCourse, toPath: root)
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/quiz-warnings/more-quiz.md")
    try FileManager.default.copyItem(
      atPath: fixture.path, toPath: root + "/lessons/quizzes/more-quiz.md")
    let output = try runner.run(["validate", "--course", root])
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(
      output.stdout.contains(
        "more-quiz.md:10: warning: question 'more-dlq' says (Choose three.) but its key marks "
          + "2 correct choices with [x]; fix the stem or the key"))
    #expect(
      output.stdout.contains(
        "more-quiz.md:26: warning: question 'more-untagged' lacks the quiz's topic tag 'more'"))
    #expect(output.stdout.contains("The course is valid."))
  }

  @Test(.enabled(if: bothInterpreters, "python3 and node are needed to run every solution"))
  func shippedCourseIsValid() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["validate", "--course", BinaryRunner.shippedCourse])
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout.contains("hello-api (python) solution passes"))
    #expect(output.stdout.contains("hello-api (node) starter fails"))
  }

  @Test(.enabled(if: bothInterpreters, "python3 and node are needed to run every solution"))
  func brokenCourseReportsFileAndLine() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let root = runner.directory + "/course"
    try FileManager.default.copyItem(atPath: BinaryRunner.fixtureCourse, toPath: root)
    let echo = root + "/exercises/echo"
    // The Python solution now fails, the Node starter now passes, a chapter names a missing
    // exercise.
    try Data("def lambda_handler(event, context):\n    return {}\n".utf8)
      .write(to: URL(fileURLWithPath: echo + "/solution/python/lambda_function.py"))
    try Data("export const handler = async (event) => event;\n".utf8)
      .write(to: URL(fileURLWithPath: echo + "/starter/node/index.mjs"))
    let chapter = root + "/lessons/02-more.md"
    let text = try String(contentsOfFile: chapter, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "order: 2\n", with: "order: 2\nexercises: nope\n").utf8)
      .write(to: URL(fileURLWithPath: chapter))
    let output = try runner.run(["validate", "--course", root])
    #expect(output.status == 2, "\(output.stdout)\(output.stderr)")
    #expect(
      output.stdout.contains(
        "exercises/echo/spec.json:1: error: the python solution fails 'echoes': "
          + "result: expected {\"a\":1}, got {}"))
    #expect(
      output.stdout.contains("starter/node/index.mjs: error: the node starter passes every case"))
    #expect(output.stdout.contains("lessons/02-more.md:5: error:"))
    #expect(output.stdout.contains("'nope'"))
    #expect(output.stdout.contains("The course has errors"))
  }
}
