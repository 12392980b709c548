import Markdown
import Testing

@testable import Terminal

/// Deeply nested or huge inputs render without crashing, and in time proportional to the output.
@Suite struct HostileInputTests {
  func renderAll(_ markdown: String, width: Int = 40) -> [String] {
    let document = Document(parsing: markdown)
    return TerminalRenderer.Format.allCases.map { format in
      let settings = TerminalSettings(useColor: true, width: width, supportsHyperlinks: true)
      return TerminalRenderer(settings: settings, format: format).render(document)
    }
  }

  @Test func deeplyNestedQuotesAndLists() {
    for markdown in [
      String(repeating: ">", count: 100_000) + " deep\n",
      String(repeating: "- ", count: 20_000) + "deep\n",
      (0..<600).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n"),
      String(repeating: "1. ", count: 20_000) + "deep\n",
      String(repeating: "> [!NOTE]\n", count: 1) + String(repeating: "> ", count: 5_000) + "x\n",
    ] {
      for output in renderAll(markdown) {
        #expect(!output.isEmpty)
        // Indentation stops at a minimum content width, so output stays proportional to input.
        #expect(output.utf8.count < 40 * markdown.utf8.count + 100_000)
        let widest = output.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max()
        #expect((widest ?? 0) <= 40)
      }
    }
  }

  @Test func deeplyNestedInlinesAndLongWords() {
    let emphasis = String(repeating: "*a ", count: 50_000) + String(repeating: "a*", count: 50_000)
    let links =
      String(repeating: "[", count: 50_000) + "x" + String(repeating: "](u)", count: 50_000)
    let word = String(repeating: "w", count: 200_000)
    let cjk = String(repeating: "語", count: 100_000)
    for markdown in [emphasis, links, word, cjk, String(repeating: "`", count: 50_000)] {
      for output in renderAll(markdown, width: 30) {
        #expect(!output.isEmpty)
      }
    }
    let wrapped = renderAll(cjk, width: 30)[1].split(separator: "\n")
    #expect(wrapped.count == 100_000 * 2 / 30 + 1)
  }

  @Test func wideTableWithManyColumns() {
    let columns = 300
    let header = "|" + (0..<columns).map { "h\($0)" }.joined(separator: "|") + "|"
    let rule = "|" + Array(repeating: "---", count: columns).joined(separator: "|") + "|"
    let row = "|" + (0..<columns).map { "v\($0)" }.joined(separator: "|") + "|"
    let markdown = ([header, rule] + Array(repeating: row, count: 50)).joined(separator: "\n")
    for output in renderAll(markdown, width: 200) {
      #expect(output.contains("h299"))
    }
  }
}
