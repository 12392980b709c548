import Foundation
import Testing

/// `invoke` with paths as lessons write them (from the course folder), run from a learner's
/// own folder outside the course.
@Suite(.enabled(if: InvokeSetup.hasPython, "python3 is not on PATH"))
struct InvokeCourseFilesTests {
  static let handler = "exercises/echo/solution/python/lambda_function.py"

  /// A copy of the fixture course with an event file, and a learner folder (with a workspace
  /// made from that course) beside it.
  private func setUp(_ runner: BinaryRunner) throws -> (course: String, learner: String) {
    let course = runner.directory + "/course"
    let learner = runner.directory + "/learner"
    try FileManager.default.copyItem(atPath: BinaryRunner.fixtureCourse, toPath: course)
    try FileManager.default.createDirectory(
      atPath: course + "/exercises/echo/events", withIntermediateDirectories: true)
    try Data(#"{"ping": 1}"#.utf8).write(
      to: URL(fileURLWithPath: course + "/exercises/echo/events/ping.json"))
    try FileManager.default.createDirectory(atPath: learner, withIntermediateDirectories: true)
    let made = try runner.run(["init", "--course", course], in: learner)
    #expect(made.status == 0, "\(made.stderr)")
    return (course, learner)
  }

  @Test func aLessonPathFallsBackToTheCourseWithANote() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let (course, learner) = try setUp(runner)
    let output = try runner.run(
      ["invoke", Self.handler, "--event", "exercises/echo/events/ping.json"], in: learner)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains(#""ping": 1"#) || output.stdout.contains(#""ping":1"#))
    #expect(!output.stderr.contains("error:"), "\(output.stderr)")
    let notes = output.stderr.split(separator: "\n").filter { $0.hasPrefix("note: ") }
    #expect(notes.count == 2, "\(output.stderr)")
    #expect(notes.contains { $0.contains(course + "/" + Self.handler) }, "\(output.stderr)")
    #expect(
      notes.contains { $0.contains(course + "/exercises/echo/events/ping.json") },
      "\(output.stderr)")
  }

  @Test func aFileInTheCurrentFolderWinsWithoutANote() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let (_, learner) = try setUp(runner)
    try Data("def lambda_handler(event, context):\n    return 'mine'\n".utf8).write(
      to: URL(fileURLWithPath: learner + "/mine.py"))
    let output = try runner.run(["invoke", "mine.py"], in: learner)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout == "\"mine\"\n")
    #expect(!output.stderr.contains("note:"), "\(output.stderr)")
  }

  @Test func aPathThatIsNowhereSaysWhereItLooked() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let (course, learner) = try setUp(runner)
    let missing = try runner.run(["invoke", "exercises/echo/nope.py"], in: learner)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("error: exercises/echo/nope.py: no such file in "))
    #expect(missing.stderr.contains("the course at \(course)"), "\(missing.stderr)")
    let event = try runner.run(
      ["invoke", Self.handler, "--event", "events/none.json"], in: learner)
    #expect(event.status == 2)
    #expect(event.stderr.contains("events/none.json: no such event file in "), "\(event.stderr)")
  }
}
