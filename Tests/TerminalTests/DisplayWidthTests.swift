import Testing

@testable import Terminal

@Suite struct DisplayWidthTests {
  @Test(arguments: [
    ("", 0), ("hello", 5), ("日本語", 6), ("한국어", 6), ("ｆｕｌｌ", 8), ("😀", 2),
    ("👨‍👩‍👧", 2), ("👍🏽", 2), ("🇯🇵", 2), ("❤️", 2), ("❤", 1), ("1️⃣", 2),
    ("e\u{301}", 1), ("cafe\u{301}!", 5), ("a\u{200B}b", 2), ("a\u{200D}b", 2),
    ("\u{1100}\u{1161}\u{11A8}", 2), ("tab\there", 7), ("Ωμέγα", 5), ("→ ✓", 3),
    ("漢字 and ascii", 14), ("\u{0301}", 0),
  ])
  func measuresGraphemeClusters(text: String, expected: Int) {
    #expect(DisplayWidth.of(text) == expected)
  }

  @Test func characterWidthMatchesStringWidth() throws {
    for text in ["日", "😀", "❤️", "e\u{301}", "a", "👩‍💻"] {
      let character = try #require(text.first)
      #expect(DisplayWidth.of(character) == DisplayWidth.of(text), "\(text)")
    }
  }

  @Test func skipsStyleAndHyperlinkEscapes() {
    let bold = styled("bold", [.bold, .red], enabled: true)
    #expect(bold != "bold")
    #expect(DisplayWidth.of(bold) == 4)
    let link = ANSIStyle.hyperlink("docs 文書", url: "https://example.com/ä")
    #expect(DisplayWidth.of(link) == 9)
    #expect(DisplayWidth.of("a\u{1B}]8;;x\u{07}b") == 2)
  }

  @Test func truncatedEscapeDoesNotCrash() {
    #expect(DisplayWidth.of("ab\u{1B}") == 2)
    #expect(DisplayWidth.of("ab\u{1B}[1") == 2)
    #expect(DisplayWidth.of("ab\u{1B}]8;;http") == 2)
  }
}
