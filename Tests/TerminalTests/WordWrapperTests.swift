import Testing

@testable import Terminal

@Suite struct WordWrapperTests {
  @Test func wrapsAtSpacesWithinWidth() {
    let lines = WordWrapper.wrap("the quick brown fox jumps over the lazy dog", width: 10)
    #expect(lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
  }

  @Test func keepsHardBreaksAndEmptyInput() {
    #expect(WordWrapper.wrap("a\nb c", width: 10) == ["a", "b c"])
    #expect(WordWrapper.wrap("", width: 10) == [""])
    #expect(WordWrapper.wrap("a\n\nb", width: 10) == ["a", "", "b"])
  }

  @Test func breaksWordsLongerThanTheWidth() {
    #expect(WordWrapper.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(WordWrapper.wrap("see abcdefghij", width: 6) == ["see ab", "cdefgh", "ij"])
  }

  @Test func measuresWideCharacters() {
    let lines = WordWrapper.wrap("日本語のテキストです", width: 7)
    #expect(lines == ["日本語", "のテキ", "ストで", "す"])
    for line in lines { #expect(DisplayWidth.of(line) <= 7) }
    #expect(WordWrapper.wrap("😀 😀 😀", width: 5) == ["😀 😀", "😀"])
  }

  @Test func ignoresEscapesWhenMeasuring() {
    let text = "plain " + styled("bold words here", [.bold], enabled: true) + " end"
    let lines = WordWrapper.wrap(text, width: 11)
    #expect(lines.map(DisplayWidth.of) == [10, 10, 3])
  }

  @Test func reopensStylesOnTheNextLine() {
    let bold = ANSIStyle.bold.sequence
    let reset = ANSIStyle.reset.sequence
    let lines = WordWrapper.wrap("\(bold)one two\(reset) three", width: 5)
    #expect(lines == ["\(bold)one\(reset)", "\(bold)two\(reset)", "three"])
  }

  @Test func reopensHyperlinksOnTheNextLine() {
    let link = ANSIStyle.hyperlink("aa bb", url: "https://x.test")
    let lines = WordWrapper.wrap(link, width: 2)
    let start = ANSIStyle.hyperlinkStart("https://x.test")
    #expect(
      lines == [start + "aa" + ANSIStyle.hyperlinkEnd, start + "bb" + ANSIStyle.hyperlinkEnd])
  }

  @Test func everyLineFitsAtEveryWidth() {
    let text = "Lambda runs your code 関数 without servers 🚀 — handlers, events, e\u{301}té."
    for width in 2...40 {
      for line in WordWrapper.wrap(text, width: width) {
        #expect(DisplayWidth.of(line) <= width, "width \(width): \(line)")
      }
    }
  }
}
