import Testing

@testable import Markdown

@Suite struct LinkRewriterTests {
  /// Every link destination of `document`, in order.
  private func destinations(_ document: Document) -> [String] {
    var found: [String] = []
    func inlines(_ list: [Inline]) {
      for inline in list {
        switch inline.kind {
        case .link(let destination, _, let children, _):
          found.append(destination)
          inlines(children)
        case .emphasis(let children), .strong(let children), .strikethrough(let children):
          inlines(children)
        default: continue
        }
      }
    }
    func blocks(_ list: [Block]) {
      for block in list {
        switch block.kind {
        case .paragraph(let content), .heading(_, let content): inlines(content)
        case .blockQuote(let children): blocks(children)
        case .list(_, let items): items.forEach { blocks($0.blocks) }
        case .table(_, let header, let rows):
          header.forEach(inlines)
          rows.forEach { $0.forEach(inlines) }
        default: continue
        }
      }
    }
    blocks(document.blocks)
    return found
  }

  @Test func rewritesLinksInEveryKindOfBlockAndKeepsTheRest() {
    let source = """
      # See [a](a)

      > quoted *[b](b)*

      - item **[c](keep)**

      | x |
      |---|
      | [d](d) |

      <https://auto.test> and ![img](a) and `[code](a)`
      """
    let document = Document(parsing: source)
    let rewritten = document.rewritingLinks { $0 == "keep" ? nil : "to-" + $0 }
    #expect(destinations(document) == ["a", "b", "keep", "d", "https://auto.test"])
    #expect(destinations(rewritten) == ["to-a", "to-b", "keep", "to-d", "https://auto.test"])
    // Images, code and positions are untouched.
    #expect(rewritten.blocks.map(\.position) == document.blocks.map(\.position))
    #expect(
      Document(parsing: "![img](a) `[code](a)`").rewritingLinks { _ in "x" }
        == Document(parsing: "![img](a) `[code](a)`"))
  }
}
