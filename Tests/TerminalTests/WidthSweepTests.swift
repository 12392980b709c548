import Markdown
import Testing

@testable import Terminal

/// Renders the fixture at every width from 30 to 200 and checks the layout invariants.
@Suite struct WidthSweepTests {
  /// The lines of every code block in the document, which are allowed to exceed the width.
  static func codeLines(_ blocks: [Block]) -> Set<String> {
    var lines: Set<String> = []
    for block in blocks {
      switch block.kind {
      case .codeBlock(_, let literal, _):
        for line in literal.split(separator: "\n") { lines.insert(String(line)) }
      case .blockQuote(let children): lines.formUnion(codeLines(children))
      case .list(_, let items): for item in items { lines.formUnion(codeLines(item.blocks)) }
      default: break
      }
    }
    return lines
  }

  @Test(arguments: TerminalRenderer.Format.allCases, [true, false])
  func everyWidthKeepsTheLayout(format: TerminalRenderer.Format, unicode: Bool) throws {
    let document = try Fixture.document()
    let code = Self.codeLines(document.blocks)
    #expect(code.contains { DisplayWidth.of($0) > 30 }, "the fixture must have long code lines")
    for width in 30...200 {
      let settings = TerminalSettings(
        useColor: true, width: width, supportsUnicode: unicode, supportsHyperlinks: true)
      let output = TerminalRenderer(settings: settings, format: format).render(document)
      if format == .plain { #expect(!output.contains("\u{1B}"), "escape in plain at \(width)") }
      #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"))
      for line in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        let visible = ANSIStyle.stripped(String(line))
        #expect(visible.last != " ", "trailing space at width \(width): \(visible)")
        if DisplayWidth.of(visible) > width {
          let isCode = code.contains { !$0.isEmpty && visible.hasSuffix($0) }
          // A single word wider than the line (a URL) overflows rather than being cut.
          let isOneWord = !visible.trimmingCharacters(in: .whitespaces).contains(" ")
          #expect(isCode || isOneWord, "line wider than \(width): \(visible)")
        }
      }
    }
  }
}
