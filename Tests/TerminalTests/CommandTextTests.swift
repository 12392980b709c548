import Testing

@testable import Terminal

/// Suggested commands kept whole by the wrapper (`CommandText`), and written with plain spaces.
@Suite struct CommandTextTests {
  @Test func onlyInteriorSingleSpacesAreGlued() {
    let glued = CommandText.glued("  lambdalings check hello-api  ")
    #expect(glued.hasPrefix("  lambdalings\u{E000}check\u{E000}hello-api"))
    #expect(glued.hasSuffix("hello-api  "))
    #expect(CommandText.glued("a  b") == "a  b")
    #expect(CommandText.unglued(glued) == "  lambdalings check hello-api  ")
    #expect(CommandText.unglued("no marker here") == "no marker here")
    #expect(DisplayWidth.of(glued) == DisplayWidth.of("  lambdalings check hello-api  "))
  }

  @Test func aGluedCommandMovesToTheNextLineWhole() {
    let line = "Stuck? " + CommandText.glued("lambdalings hint hello-api") + " shows the next hint."
    let lines = HangingIndent.wrap(line, width: 30).map(CommandText.unglued)
    #expect(lines.contains("lambdalings hint hello-api"), "\(lines)")
    #expect(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
    // Without the glue the same line splits the command.
    let loose = HangingIndent.wrap(CommandText.unglued(line), width: 30)
    #expect(!loose.contains("lambdalings hint hello-api"), "\(loose)")
  }

  @Test func aCommandWiderThanTheLineBreaksAtItsSpaces() {
    let command = CommandText.glued("lambdalings check hello-api --course /a/long/path/to/course")
    let lines = HangingIndent.wrap("    " + command, width: 30).map(CommandText.unglued)
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
    #expect(
      lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        == "lambdalings check hello-api --course /a/long/path/to/course")
  }

  @Test func aLongShellCommandIsContinuedWithBackslashes() {
    let command = "aws configure set cli_binary_format raw-in-base64-out"
    #expect(CommandText.continued(command, width: 80) == ["  " + command])
    let lines = CommandText.continued(command, width: 40)
    #expect(
      lines == [
        "  aws configure set cli_binary_format \\", "    raw-in-base64-out",
      ])
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(lines)")
    // A word wider than the line stays whole, on a line of its own.
    let url = "http://127.0.0.1:45678/a/very/long/path"
    #expect(
      CommandText.continued("curl -s " + url, width: 20) == ["  curl -s \\", "    " + url])
    #expect(CommandText.continued("one", width: 2) == ["  one"])
  }
}
