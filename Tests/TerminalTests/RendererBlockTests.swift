import Markdown
import Testing

@testable import Terminal

@Suite struct RendererBlockTests {
  @Test func bulletListsNestWithHangingIndents() {
    let markdown = "- one two three four\n  - nested item\n- five"
    #expect(
      render(markdown, width: 12) == "• one two\n  three four\n  ◦ nested\n    item\n• five\n")
    #expect(
      render(markdown, width: 80, unicode: false)
        == "* one two three four\n  - nested item\n* five\n")
  }

  @Test func orderedListsAlignNumbersAndKeepTheStart() {
    let markdown = "8. eight\n9. nine\n10. ten words that wrap"
    #expect(render(markdown, width: 14) == " 8. eight\n 9. nine\n10. ten words\n    that wrap\n")
    #expect(render("3) three") == "3) three\n")
  }

  @Test func looseListsKeepBlankLines() {
    #expect(render("- a\n\n- b") == "• a\n\n• b\n")
  }

  @Test func taskListsUseCheckboxes() {
    let markdown = "- [ ] todo\n- [x] done"
    #expect(render(markdown) == "☐ todo\n☑ done\n")
    #expect(render(markdown, unicode: false) == "[ ] todo\n[x] done\n")
    #expect(render("1. [x] done") == "1. ☑ done\n")
    let ansi = render(markdown, format: .ansi)
    #expect(ansi.contains(styled("☑", [.green], enabled: true)))
  }

  @Test func blockQuotesHaveABar() {
    #expect(render("> quoted text here", width: 10) == "│ quoted\n│ text\n│ here\n")
    #expect(render("> a\n>\n> b", unicode: false) == "| a\n|\n| b\n")
    #expect(render("> > nested") == "│ │ nested\n")
  }

  @Test(arguments: Callout.allCases)
  func calloutsAreLabelledBoxes(callout: Callout) {
    let markdown = "> [!\(callout.rawValue.uppercased())]\n> Body text."
    let output = render(markdown, width: 30)
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("╭─ \(callout.label) ─"))
    #expect(DisplayWidth.of(lines[0]) == 30)
    #expect(lines[1] == "│ Body text.")
    #expect(lines[2].hasPrefix("╰─"))
    let ansi = render(markdown, format: .ansi)
    #expect(ansi.contains(ANSIStyle.sequence(for: [.bold, callout.color]) + " \(callout.label) "))
  }

  @Test func calloutMarkersAreRecognisedStrictly() {
    #expect(render("> [!tip]\n> lower case works").contains("Tip"))
    #expect(render("> [!TIP]").hasPrefix("╭─ Tip"))
    #expect(render("> [!UNKNOWN]\n> text") == "│ [!UNKNOWN] text\n")
    #expect(render("> [!NOTE] same line") == "│ [!NOTE] same line\n")
    #expect(render("> [!NOTE]\n> text", unicode: false).hasPrefix("+- Note -"))
  }

  @Test func codeIsNeverWrappedIndentedOrPadded() {
    let code = "let x = 1    // a very long line that goes well past the width\n\n\tindented"
    let output = render("```swift\n\(code)\n```", width: 30)
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "── swift " + String(repeating: "─", count: 21))
    #expect(
      Array(lines[1...3])
        == code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    #expect(lines[4] == String(repeating: "─", count: 30))
    let ansi = render("```swift\n\(code)\n```", format: .ansi)
    let stripped = ANSIStyle.stripped(ansi).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(stripped[1...3].joined(separator: "\n") == code)
  }

  @Test func codeInsideContainersGetsNoTrailingSpaces() {
    let output = render("- item\n\n  ```\n  a\n\n  b\n  ```")
    for line in output.split(separator: "\n") { #expect(line.last != " ") }
    #expect(output.contains("\n  a\n\n  b\n"))
  }

  @Test func unknownLanguagesAreLeftPlain() {
    let ansi = render("```cobol\nMOVE 1 TO X\n```", format: .ansi)
    #expect(ansi.contains("\nMOVE 1 TO X\n"))
  }
}
