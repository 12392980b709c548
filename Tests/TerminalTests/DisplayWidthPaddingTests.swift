import Markdown
import Testing

@testable import Terminal

/// `DisplayWidth.padded`: the one padding function, measuring what the terminal shows.
@Suite struct DisplayWidthPaddingTests {
  @Test func wideCharactersCountTwoColumns() {
    // Three CJK characters are six columns: four spaces make ten, not seven.
    #expect(DisplayWidth.padded("日本語", to: 10) == "日本語    ")
    // An emoji with a skin tone is one cluster of two columns.
    #expect(DisplayWidth.padded("👍🏽", to: 5) == "👍🏽   ")
    #expect(DisplayWidth.padded("é", to: 3) == "é  ")
  }

  @Test func alignments() {
    #expect(DisplayWidth.padded("漢", to: 6, alignment: .right) == "    漢")
    #expect(DisplayWidth.padded("漢", to: 7, alignment: .center) == "  漢   ")
    #expect(DisplayWidth.padded("ab", to: 4, alignment: .left) == "ab  ")
  }

  @Test func escapeSequencesTakeNoRoom() {
    let red = styled("日本", [.red], enabled: true)
    #expect(DisplayWidth.padded(red, to: 6) == red + "  ")
  }

  @Test func textAsWideAsTheColumnOrWiderIsNeverCut() {
    #expect(DisplayWidth.padded("日本語", to: 6) == "日本語")
    #expect(DisplayWidth.padded("日本語", to: 2) == "日本語")
    #expect(DisplayWidth.padded("", to: 0) == "")
  }

  /// A Markdown table with CJK and emoji cells: every row of the box is as wide as the border.
  @Test func tableRowsWithWideTextLineUp() {
    let markdown = """
      | topic | score |
      |---|---:|
      | 日本語のトピック | 3/4 |
      | limits 👍🏽 | 10/10 |
      | cold starts | 1/2 |
      """
    let text = TerminalRenderer(settings: TerminalSettings(width: 60), format: .plain)
      .render(Document(parsing: markdown))
    let lines = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    #expect(lines.count == 7, "\(text)")
    let widths = Set(lines.map { DisplayWidth.of($0) })
    #expect(widths.count == 1, "\(lines.map { ($0, DisplayWidth.of($0)) })")
    // The right-aligned column ends at the same column on every row.
    let rows = lines.filter { $0.contains("/") }
    let ends = Set(
      rows.compactMap { row in
        row.range(of: " │", options: .backwards).map {
          DisplayWidth.of(String(row[..<$0.lowerBound]))
        }
      })
    #expect(ends.count == 1, "\(rows)")
  }
}
