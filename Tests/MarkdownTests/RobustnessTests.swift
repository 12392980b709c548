import Foundation
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

/// Deep nesting must fit a small thread stack: parsing, rendering and freeing the tree.
struct SmallStackTests {
  final class Box: @unchecked Sendable {
    var html = ""
  }

  @Test func deepNestingOnHalfMegabyteStack() {
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      let quotes: String = String(repeating: ">", count: 100_000) + " x"
      let lists: String = String(repeating: "- ", count: 100_000) + "x"
      let opening: String = String(repeating: "*a **a ", count: 20_000)
      let closing: String = String(repeating: " a** a*", count: 20_000)
      let emphasis: String = opening + "b" + closing
      let imagesOpen: String = String(repeating: "![", count: 20_000)
      let imagesClose: String = String(repeating: "](u)", count: 20_000)
      let images: String = imagesOpen + "x" + imagesClose
      let inputs: [String] = [quotes, lists, emphasis, images]
      for input in inputs {
        box.html += HTMLRenderer.render(Document(parsing: input))
      }
      done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
    let html = box.html
    let quotes = html.components(separatedBy: "<blockquote>").count - 1
    let items = html.components(separatedBy: "<li>").count - 1
    #expect(quotes == 100)
    #expect(items == 50)
    #expect(html.contains("<img src=\"u\" alt=\"x"))
  }
}
