import Markdown
import Testing

/// Random documents assembled from Markdown fragments: every one must parse and render.
struct FuzzTests {
  static let fragments: [String] = [
    "> ", "- ", "* ", "+ ", "1. ", "2) ", "```", "~~~", "    ", "\t", "|", "| --- |", ":-:",
    "---", "===", "[", "]", "(", ")", "<", ">", "![", "*", "**", "_", "~", "~~", "`", "``",
    "\\", "&amp;", "&#", "&#x", ";", "\n", "\n\n", "\r", "\r\n", "www.", "http://", "@", ":",
    "[ ] ", "[x] ", "<div>", "</div>", "<!--", "-->", "<?", "?>", "<![CDATA[", "]]>",
    "<a href='", "\"", "'", " ", "a", "word", "é", "日本", "\u{0}", "# ", "###### ",
    "[foo]: /url", "[foo]", "[foo][]", "(/u \"t\")", "<http://a.b>", "<a@b.c>", "x@y.z",
    "<script>", "</script>", "  \n", "\\\n", "<!X", "<pre>",
  ]

  @Test func randomFragmentDocuments() {
    var state: UInt64 = 0x0BAD_CAFE_1234_9876
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    var rendered = 0
    for _ in 0..<Self.iterations {
      var document = ""
      for _ in 0..<(next() % 400) { document += Self.fragments[next() % Self.fragments.count] }
      let html = HTMLRenderer.render(Document(parsing: document))
      let plain = HTMLRenderer.render(Document(parsing: document, extensions: []))
      rendered += html.isEmpty && plain.isEmpty ? 0 : 1
    }
    #expect(rendered > Self.iterations / 2)
  }

  @Test func randomByteDocuments() {
    var state: UInt64 = 0xFEED_FACE_0000_0001
    var total = 0
    for _ in 0..<Self.iterations {
      var bytes: [UInt8] = []
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      for _ in 0..<Int(state >> 56) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(UInt8(truncatingIfNeeded: state >> 40))
      }
      total += HTMLRenderer.render(Document(parsing: bytes)).utf8.count
    }
    #expect(total > 0)
  }

  static let iterations = 2_000
}
