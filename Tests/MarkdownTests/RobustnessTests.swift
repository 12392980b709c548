import Markdown
import Testing

/// Any bytes in, a tree out: invalid UTF-8, NUL, every line ending, tabs and random noise.
struct RobustnessTests {
  @Test func invalidUTF8BecomesReplacementCharacter() {
    let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x28, 0xE2, 0x82, 0x0A]
    let html = HTMLRenderer.render(Document(parsing: bytes))
    #expect(html == "<p>a\u{FFFD}b\u{FFFD}(\u{FFFD}</p>\n")
  }

  @Test func nulBecomesReplacementCharacter() {
    let html = HTMLRenderer.render(Document(parsing: "abc\u{0}de\u{0}"))
    #expect(html == "<p>abc\u{FFFD}de\u{FFFD}</p>\n")
  }

  @Test func lineEndingsAreEquivalent() {
    let lf = HTMLRenderer.render(Document(parsing: "# A\n\n- b\n- c\n\n```\nx\n```\n"))
    let crlf = HTMLRenderer.render(
      Document(parsing: "# A\r\n\r\n- b\r\n- c\r\n\r\n```\r\nx\r\n```\r\n"))
    let cr = HTMLRenderer.render(Document(parsing: "# A\r\r- b\r- c\r\r```\rx\r```\r"))
    #expect(crlf == lf)
    #expect(cr == lf)
  }

  @Test func crlfPositions() {
    let document = Document(parsing: "a\r\nb *c*\r\n")
    guard case .paragraph(let inlines)? = document.blocks.first?.kind else {
      Issue.record("expected a paragraph")
      return
    }
    #expect(inlines.last?.position == SourcePosition(line: 2, column: 3))
  }

  @Test func tabsExpandToFourColumnStops() {
    let html = HTMLRenderer.render(Document(parsing: "- foo\n\n\t\tbar\n"))
    #expect(html == "<ul>\n<li>\n<p>foo</p>\n<pre><code>  bar\n</code></pre>\n</li>\n</ul>\n")
  }

  @Test func emptyAndBlankInput() {
    #expect(Document(parsing: "").blocks.isEmpty)
    #expect(Document(parsing: "  \n\t\n\n").blocks.isEmpty)
    #expect(Document(parsing: [UInt8]()).blocks.isEmpty)
  }

  @Test func randomBytesNeverCrash() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let alphabet = Array("*_~`[]()<>!&#;:\\|-+=. \t\n\rax1".utf8) + [0, 0xC3, 0xFF, 0xE2]
    var total = 0
    for _ in 0..<300 {
      var bytes: [UInt8] = []
      for _ in 0..<400 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(alphabet[Int(state >> 33) % alphabet.count])
      }
      let html = HTMLRenderer.render(Document(parsing: bytes))
      total += html.utf8.count
    }
    #expect(total > 0)
  }
}
