import Foundation
import Testing

/// Every `lambdalings ...` command in README.md's code blocks works, in order, for someone who
/// has just cloned the repository and runs them from its root, as the README says.
@Suite(
  .enabled(
    if: InvokeSetup.hasPython && InvokeSetup.hasNode,
    "python3 or node is not on PATH: the README's commands run both"))
struct ReadmeCommandTests {
  static let readme = BinaryRunner.shippedCourse + "/README.md"

  @Test func everyReadmeCommandWorksFromAFreshClone() throws {
    let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
    let commands = CodeBlockCommand.commands(in: text, file: "README.md")
    #expect(commands.count >= 15, "found only \(commands.count) commands in README.md")
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    // A fresh clone, as far as the course goes: the README, the chapters and the exercises,
    // with no workspace yet (the first command makes it). Copied, so that the workspace and
    // what the instructors' commands scaffold stay out of the repository.
    let clone = runner.directory + "/clone"
    try FileManager.default.createDirectory(atPath: clone, withIntermediateDirectories: true)
    for item in ["README.md", "lessons", "exercises"] {
      try FileManager.default.copyItem(
        atPath: BinaryRunner.shippedCourse + "/" + item, toPath: clone + "/" + item)
    }
    // read, watch, edit, quiz, review and serve wait for the reader: skipped, as in the
    // chapters' test; the pseudo-terminal tests cover them.
    try CodeBlockCommand.runEach(commands, runner: runner, in: clone)
    #expect(
      FileManager.default.fileExists(atPath: clone + "/lambdalings-workspace/progress.json"),
      "the README's first command did not make the workspace in the clone")
  }

  @Test func theReadmeNamesNoMissingFileForItsNonLambdalingsCommands() throws {
    // `zip -j function.zip PATH` and `cd PATH` point at files that ship.
    let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
    for case (let number, let line?) in CodeBlockCommand.codeLines(in: text) {
      let (words, _) = CodeBlockCommand.split(line)
      let path: String?
      switch words.first {
      case "zip": path = words.last
      case "cd": path = words.count == 2 ? words[1] : nil
      default: path = nil
      }
      guard let path, !path.hasPrefix("lambdalings-workspace") else { continue }
      #expect(
        FileManager.default.fileExists(atPath: BinaryRunner.shippedCourse + "/" + path),
        "README.md:\(number): '\(line)' names \(path), which the repository does not have")
    }
  }
}

/// The course authors' guide shows its `lambdalings new` commands for an empty folder, which
/// they turn into a course that validates.
@Suite(
  .enabled(
    if: InvokeSetup.hasPython && InvokeSetup.hasNode,
    "python3 or node is not on PATH: validate runs both"))
struct AuthoringGuideCommandTests {
  @Test func everyAuthoringGuideCommandWorksInAnEmptyFolder() throws {
    let guide = BinaryRunner.shippedCourse + "/docs/authoring.md"
    let text = try String(contentsOfFile: guide, encoding: .utf8)
    let commands = CodeBlockCommand.commands(in: text, file: "docs/authoring.md")
    #expect(commands.count >= 3, "found only \(commands.count) commands in docs/authoring.md")
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let course = runner.directory + "/my-course"
    try FileManager.default.createDirectory(atPath: course, withIntermediateDirectories: true)
    try CodeBlockCommand.runEach(commands, runner: runner, in: course)
    let validated = try runner.run(["validate"], in: course, seconds: 120)
    #expect(validated.status == 0, "the scaffolded course does not validate:\n\(validated.stdout)")
  }
}
