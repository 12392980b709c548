import Foundation
import Testing

/// `lambdalings edit` on a pseudo-terminal with a fake editor that needs the terminal: it
/// reads a line from it, which stops a process outside the foreground group (SIGTTIN) and would
/// make the test time out.
@Suite(.timeLimit(.minutes(6))) struct EditTerminalTests {
  /// Writes an executable fake editor into `directory` and returns its path.
  static func fakeEditor(in directory: String) throws -> String {
    let path = directory + "/fake-editor"
    let script = """
      #!/bin/sh
      printf 'EDITING %s\\n' "${1##*/}"
      IFS= read -r line
      printf '%s\\n' "$line" >> "$1"
      """
    try script.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
  }

  @Test func opensTheCurrentExerciseInTheEditorOnTheTerminal() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try LongChapterCourse.setUp(runner)
    let editor = try Self.fakeEditor(in: runner.directory)
    let terminal = try PseudoTerminal(
      ["edit"] + options, directory: runner.directory, environment: ["EDITOR": editor])
    defer { terminal.close() }
    try terminal.waitFor("EDITING lambda_function.py")
    terminal.send("# typed in the editor\r")
    try terminal.waitFor("Check it: lambdalings check echo")
    #expect(try terminal.waitForExit() == 0)
    let file = runner.directory + "/ws/exercises/echo/lambda_function.py"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.hasSuffix("# typed in the editor\n"))
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
  }

  @Test func visualWinsOverEditorAndANamedExerciseIsOpened() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try LongChapterCourse.setUp(runner)
    let editor = try Self.fakeEditor(in: runner.directory)
    let terminal = try PseudoTerminal(
      ["edit", "echo"] + options, directory: runner.directory,
      environment: ["VISUAL": editor, "EDITOR": "/nonexistent/editor"])
    defer { terminal.close() }
    try terminal.waitFor("EDITING lambda_function.py")
    terminal.send("x = 1\r")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test func aMissingEditorIsReportedWithWhatToDo() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try LongChapterCourse.setUp(runner)
    let output = try runner.run(
      ["edit", "echo"] + options, environment: ["EDITOR": "no-such-editor-lambdalings"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("the editor 'no-such-editor-lambdalings' was not found"))
    #expect(output.stderr.contains("export EDITOR=nano"))
  }

  @Test func withoutVisualOrEditorItSaysWhichEditorItOpens() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try LongChapterCourse.setUp(runner)
    // A PATH whose only editor is a fake "nano".
    let bin = runner.directory + "/bin"
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    let fake = try Self.fakeEditor(in: runner.directory)
    try FileManager.default.copyItem(atPath: fake, toPath: bin + "/nano")
    let output = try runner.run(
      ["edit", "echo"] + options, stdin: "from nano\n", environment: ["PATH": bin])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stderr.contains("Neither VISUAL nor EDITOR is set, so this opens nano"))
    let text = try String(
      contentsOfFile: runner.directory + "/ws/exercises/echo/lambda_function.py", encoding: .utf8)
    #expect(text.hasSuffix("from nano\n"))
  }

  @Test func unknownExerciseSuggestsTheClosest() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try LongChapterCourse.setUp(runner)
    let output = try runner.run(["edit", "ecoh"] + options, environment: ["EDITOR": "true"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("Did you mean 'echo'?"))
  }
}
