import Testing

@testable import Terminal

@Suite struct GlyphAndProgressTests {
  @Test func statusGlyphsHaveASCIIFallbacks() {
    let ascii = TerminalSettings(supportsUnicode: false)
    let unicode = TerminalSettings(supportsUnicode: true)
    #expect(StatusGlyph.allCases.map { $0.rendered(ascii) } == ["[x]", "[!]", "[ ]", ">", "[-]"])
    #expect(StatusGlyph.allCases.map { $0.rendered(unicode) } == ["✓", "✗", "○", "▶", "–"])
    let coloured = StatusGlyph.done.rendered(TerminalSettings(useColor: true))
    #expect(coloured == ANSIStyle.green.sequence + "✓" + ANSIStyle.reset.sequence)
  }

  @Test func styledIsIdentityWhenDisabled() {
    #expect(styled("x", [.bold], enabled: false) == "x")
    #expect(styled("x", [], enabled: true) == "x")
    #expect(styled("x", [.bold, .red], enabled: true) == "\u{1B}[1;31mx\u{1B}[0m")
  }

  @Test func progressBarFillsProportionally() {
    let ascii = TerminalSettings(supportsUnicode: false)
    #expect(
      ProgressBar.render(completed: 2, total: 4, width: 12, settings: ascii)
        == "[#####-----] 2/4")
    let unicode = TerminalSettings()
    #expect(
      ProgressBar.render(completed: 1, total: 4, width: 8, settings: unicode)
        == "██░░░░░░ 1/4")
    #expect(ProgressBar.render(completed: 9, total: 4, width: 4, settings: unicode) == "████ 4/4")
    #expect(ProgressBar.render(completed: 0, total: 0, width: 4, settings: unicode) == "░░░░ 0/0")
  }

  @Test func progressBarWidthIsExact() {
    for width in 1...30 {
      let bar = ProgressBar.bar(fraction: 0.37, width: width, settings: TerminalSettings())
      #expect(DisplayWidth.of(bar) == width)
    }
  }
}
