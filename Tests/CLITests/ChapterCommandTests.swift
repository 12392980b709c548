import Foundation
import Testing

/// Every `lambdalings ...` command in the shipped chapters' code blocks works for a learner
/// who copies it into their own workspace, made outside the course folder.
@Suite(
  .enabled(
    if: InvokeSetup.hasPython && InvokeSetup.hasNode,
    "python3 or node is not on PATH: the chapters' commands run both"))
struct ChapterCommandTests {
  /// The `lambdalings` lines of every fenced code block of `lessons/*.md` in `course`.
  static func commands(course: String) throws -> [CodeBlockCommand] {
    let lessons = course + "/lessons"
    let names = try FileManager.default.contentsOfDirectory(atPath: lessons)
      .filter { $0.hasSuffix(".md") }.sorted()
    return try names.flatMap { name in
      let text = try String(contentsOfFile: lessons + "/" + name, encoding: .utf8)
      return CodeBlockCommand.commands(in: text, file: "lessons/" + name)
    }
  }

  @Test func theExtractorJoinsLinesAndReadsTheAnnouncedStatus() {
    let (words, comment) = CodeBlockCommand.split(
      #"lambdalings invoke 'a b.py' --set x="1 2"  # exit status 1"#)
    #expect(words == ["lambdalings", "invoke", "a b.py", "--set", "x=1 2"])
    #expect(CodeBlockCommand.status(in: comment) == 1)
    #expect(CodeBlockCommand.status(in: " see the event") == 0)
    let runner = try? BinaryRunner()
    defer { runner?.cleanUp() }
    guard let folder = runner?.directory else { return }
    let chapter = """
      Text with lambdalings invoke outside.py

      ```bash
      # fails on purpose: exit status 1
      lambdalings invoke a.py \\
        --times 2
      lambdalings events list   # all of them
      lambdalings               # the dashboard
      ```
      """
    #expect(throws: Never.self) {
      try FileManager.default.createDirectory(
        atPath: folder + "/lessons", withIntermediateDirectories: true)
      try Data(chapter.utf8).write(to: URL(fileURLWithPath: folder + "/lessons/01-x.md"))
      let found = try Self.commands(course: folder)
      #expect(
        found.map(\.words) == [["invoke", "a.py", "--times", "2"], ["events", "list"], []])
      #expect(found.map(\.expectedStatus) == [1, 0, 0])
      #expect(found.first?.line == 5)
      #expect(found.first?.file == "lessons/01-x.md")
    }
  }

  @Test func everyChapterCommandWorksFromAFreshWorkspace() throws {
    let course = BinaryRunner.shippedCourse
    let commands = try Self.commands(course: course)
    #expect(commands.count >= 15, "found only \(commands.count) commands in the chapters")
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    // The learner's own folder, outside the course; the workspace remembers the course.
    let learner = runner.directory + "/learner"
    try FileManager.default.createDirectory(atPath: learner, withIntermediateDirectories: true)
    let made = try runner.run(["init", "--course", course], in: learner)
    try #require(made.status == 0, "\(made.stderr)")
    // `reset` asks before it replaces a file the learner changed: not run here either.
    try CodeBlockCommand.runEach(
      commands, runner: runner, in: learner + "/lambdalings-workspace",
      skipping: CodeBlockCommand.interactive.union(["reset"]))
  }
}
