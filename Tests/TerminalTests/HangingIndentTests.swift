import Testing

@testable import Terminal

/// Wrapping command output: hanging indents under list markers, words never cut.
@Suite struct HangingIndentTests {
  @Test func continuationColumnFollowsTheMarker() {
    #expect(HangingIndent.column(of: "  d) a choice") == 5)
    #expect(HangingIndent.column(of: "- an item") == 2)
    #expect(HangingIndent.column(of: "12. twelfth") == 4)
    #expect(HangingIndent.column(of: "  ✓ passed case") == 4)
    #expect(HangingIndent.column(of: "Next: read it") == 6)
    #expect(HangingIndent.column(of: "plain words here") == 0)
    #expect(HangingIndent.column(of: "    lambdalings check echo") == 4)
    #expect(HangingIndent.column(of: "error: lower-case labels are not markers") == 0)
    #expect(HangingIndent.column(of: "  exercises: 0 of 31, 0 checks") == 13)
    #expect(HangingIndent.column(of: "  two words: are not a label") == 2)
    // A glyph and then a number or a label: under the text after both.
    #expect(HangingIndent.column(of: "✓ 1. What Lambda is") == 5)
    #expect(HangingIndent.column(of: "▶ Next: take the quiz") == 8)
  }

  @Test func wrapsUnderTheTextNotTheMarker() {
    #expect(
      HangingIndent.wrap("  a) one two three four", width: 12)
        == ["  a) one two", "     three", "     four"])
    #expect(HangingIndent.wrap("fits as it is", width: 13) == ["fits as it is"])
  }

  @Test func stylesDoNotCountAndStayBalanced() {
    let styled =
      "  " + ANSIStyle.magenta.sequence + "b)" + ANSIStyle.reset.sequence
      + " Amazon Simple Queue Service"
    let lines = HangingIndent.wrap(styled, width: 20)
    #expect(lines.map(ANSIStyle.stripped) == ["  b) Amazon Simple", "     Queue Service"])
  }

  @Test func longPathsBreakBetweenFoldersNeverInsideAName() {
    let line = "Edit lambdalings-workspace/exercises/hello-api/lambda_function.py and check again:"
    let lines = HangingIndent.wrap(line, width: 40)
    #expect(
      lines == [
        "Edit lambdalings-workspace/exercises/", "hello-api/lambda_function.py and check",
        "again:",
      ])
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
  }

  @Test func pathsPreferFolderBoundariesOverHyphens() {
    #expect(
      HangingIndent.wrap("Workspace: /tmp/term/walk40/lambdalings-workspace", width: 40)
        == ["Workspace: /tmp/term/walk40/", "           lambdalings-workspace"])
    // A piece wider than a line falls back to the other break points.
    #expect(
      HangingIndent.wrap("      headers.Access-Control-Allow-Origin: expected", width: 40)
        == ["      headers.Access-Control-Allow-", "      Origin: expected"])
  }

  @Test func aWordWithNoBreakingPointOverflowsWhole() {
    let word = String(repeating: "x", count: 30)
    #expect(HangingIndent.wrap("see " + word + " here", width: 20) == ["see", word, "here"])
  }
}
