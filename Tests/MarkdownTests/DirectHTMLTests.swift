import Markdown
import Testing

/// `HTMLRenderer.renderBytes(parsing:)` writes HTML straight from the parser's trees; it must
/// give the same bytes as rendering the `Document`, on every input.
struct DirectHTMLTests {
  static func viaDocument(
    _ bytes: [UInt8], _ extensions: MarkdownExtensions, tagFilter: Bool = false
  ) -> [UInt8] {
    HTMLRenderer.renderBytes(
      Document(parsing: bytes, extensions: extensions), options: .init(tagFilter: tagFilter))
  }

  static func direct(
    _ bytes: [UInt8], _ extensions: MarkdownExtensions, tagFilter: Bool = false
  ) -> [UInt8] {
    HTMLRenderer.renderBytes(
      parsing: bytes, extensions: extensions, options: .init(tagFilter: tagFilter))
  }

  /// The examples whose direct HTML differs from the Document's, under both extension sets.
  static func mismatches(_ sources: [(name: String, text: [UInt8], tagFilter: Bool)]) -> [String] {
    var failed: [String] = []
    for source in sources {
      for extensions in [MarkdownExtensions.gfm, []] {
        let expected = viaDocument(source.text, extensions, tagFilter: source.tagFilter)
        let actual = direct(source.text, extensions, tagFilter: source.tagFilter)
        if actual != expected {
          failed.append(source.name)
          print("direct HTML differs for \(source.name) (\(extensions.rawValue)):")
          print("  document: \(String(decoding: expected, as: UTF8.self).debugDescription)")
          print("  direct:   \(String(decoding: actual, as: UTF8.self).debugDescription)")
        }
      }
    }
    return failed
  }

  @Test(arguments: ["spec.json", "gfm-extensions.json", "gfm-extra-tests.json"])
  func everySpecExample(file: String) throws {
    let examples = try SpecExample.load(file)
    #expect(examples.count >= 24)
    let sources = examples.map { example in
      (
        name: "\(file) example \(example.example)", text: Array(example.markdown.utf8),
        tagFilter: example.extensions?.contains("tagfilter") ?? false
      )
    }
    #expect(Self.mismatches(sources) == [])
  }

  @Test func randomFragmentDocuments() {
    var state: UInt64 = 0x5EED_0F00_D00D_0042
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    var sources: [(name: String, text: [UInt8], tagFilter: Bool)] = []
    for number in 0..<600 {
      var document = ""
      for _ in 0..<(next() % 300) {
        document += FuzzTests.fragments[next() % FuzzTests.fragments.count]
      }
      sources.append(("fragments \(number)", Array(document.utf8), number % 3 == 0))
    }
    #expect(Self.mismatches(sources) == [])
  }

  @Test func deepAndHostileNesting() {
    let inputs = [
      String(repeating: "*a ", count: 150) + "b" + String(repeating: " a*", count: 150),
      String(repeating: "_", count: 300) + "x" + String(repeating: "_", count: 300),
      String(repeating: "[", count: 150) + "x" + String(repeating: "](/u)", count: 150),
      String(repeating: "![", count: 120) + "x@y.com"
        + String(repeating: "](/i \"t\")", count: 120),
      "![a *b* `c` <span>d</span> [e](/f) ![g](/h)\\\nmail x@y.com www.z.com](/img)",
      "a x@y.com *b x@y.com* [c x@y.com](/d) `e@f.com` www.g.com/h?i=j&k",
      "| a | b |\n|:-|-:|\n| *c* | d x@y.com |\n| e |\n",
      "| a |\n|---|\n",
      "- [x] done\n- [ ] open\n\n1. one\n\n   two\n3) three\n",
      "```py  x\ncode & <b>\n```\n\n    indented\n\n<div>\n<script>x</script>\n</div>\n",
      "# h1\n###### h6 #\nSetext\n===\n\n> quote\n> > nested\n\n---\n",
    ]
    let sources = inputs.enumerated().map {
      (name: "hostile \($0)", text: Array($1.utf8), tagFilter: true)
    }
    #expect(Self.mismatches(sources) == [])
  }

  @Test func invalidBytes() {
    var state: UInt64 = 0xC0FF_EE00_0000_0007
    var sources: [(name: String, text: [UInt8], tagFilter: Bool)] = []
    for number in 0..<300 {
      var bytes: [UInt8] = []
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      for _ in 0..<Int(state >> 56) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(UInt8(truncatingIfNeeded: state >> 40))
      }
      sources.append(("bytes \(number)", bytes, false))
    }
    #expect(Self.mismatches(sources) == [])
  }
}

/// The direct writer parses every paragraph with one reused inline parser; what one paragraph
/// leaves behind (scan caches, delimiters, brackets, link targets) must not change the next.
struct InlineParserReuseTests {
  @Test func paragraphsAfterUnfinishedConstructsRenderAsAlone() {
    let paragraphs = [
      "unclosed `` backticks here", "a `code` span and ``more``",
      "an open <!-- comment", "a <!-- real --> comment", "open <? processing",
      "done <?php x ?> here", "a <![CDATA[ open", "closed <![CDATA[x]]> data",
      "a <!DECL open", "a <!DECL x> closed", "*open emphasis and [open bracket",
      "**strong** and [a link](/u \"t\") and ![img](/i)", "&amp; &copy; &#35; x@y.com",
      "~~strike~~ www.example.com/path", "[ref]", "_a_ *b* __c__",
    ]
    for first in paragraphs {
      for second in paragraphs {
        let together = Array("[ref]: /r\n\n\(first)\n\n\(second)\n".utf8)
        let alone = Array("[ref]: /r\n\n\(second)\n".utf8)
        let html = DirectHTMLTests.direct(together, .gfm)
        let secondHTML = DirectHTMLTests.direct(alone, .gfm)
        #expect(html.suffix(secondHTML.count).elementsEqual(secondHTML), "\(first) | \(second)")
        #expect(html == DirectHTMLTests.viaDocument(together, .gfm))
      }
    }
  }
}
