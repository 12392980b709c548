import Foundation
import Markdown
import Testing

/// Hostile inputs that make naive Markdown parsers quadratic or overflow the stack.
///
/// Each case parses and renders, then checks the shape of the result (node counts or
/// nesting depth). The only timing check is a generous bound that a linear parser meets by
/// two orders of magnitude even in a debug build, while a quadratic one would take minutes.
struct PathologicalTests {
  static let generousSeconds = 60.0

  struct Outcome {
    var document: Document
    var html: String
    var nodes: Int
  }

  static func run(_ input: String) -> Outcome {
    let start = Date()
    let document = Document(parsing: input)
    let html = HTMLRenderer.render(document)
    let elapsed = Date().timeIntervalSince(start)
    #expect(elapsed < generousSeconds, "took \(elapsed) s")
    return Outcome(document: document, html: html, nodes: TreeDump.count(document))
  }

  static func repeated(_ piece: String, _ count: Int) -> String {
    String(repeating: piece, count: count)
  }

  /// Depth of nested block quotes along the first child.
  static func quoteDepth(_ blocks: [Block]) -> Int {
    var depth = 0
    var current = blocks
    while let first = current.first, case .blockQuote(let inner) = first.kind {
      depth += 1
      current = inner
    }
    return depth
  }

  @Test func hundredThousandOpenBrackets() {
    let outcome = Self.run(Self.repeated("[", 100_000))
    #expect(outcome.nodes == 2)
    #expect(outcome.html.utf8.count == 100_000 + "<p></p>\n".utf8.count)
  }

  @Test func nestedBracketsWithClosers() {
    let outcome = Self.run(Self.repeated("[", 50_000) + "a" + Self.repeated("]", 50_000))
    #expect(outcome.nodes == 2)
  }

  @Test func hundredThousandNestedQuotes() {
    let outcome = Self.run(Self.repeated(">", 100_000) + " deep")
    let depth = Self.quoteDepth(outcome.document.blocks)
    #expect(depth == 100)
    #expect(outcome.html.hasSuffix("</blockquote>\n"))
  }

  @Test func hundredThousandNestedListMarkers() {
    let outcome = Self.run(Self.repeated("- ", 100_000) + "x")
    #expect(outcome.nodes > 100 && outcome.nodes < 2_000)
    #expect(outcome.html.contains("- - - -"))
  }

  @Test func manyNestedListsByIndentation() {
    var input = ""
    for level in 0..<1_000 { input += Self.repeated("  ", level) + "* a\n" }
    let outcome = Self.run(input)
    #expect(outcome.nodes > 500)
  }

  @Test func fiftyThousandStars() {
    let outcome = Self.run(Self.repeated("*", 50_000) + "a")
    #expect(outcome.nodes == 2)
  }

  @Test func fiftyThousandBackticks() {
    let outcome = Self.run("a" + Self.repeated("`", 50_000))
    #expect(outcome.nodes == 2)
    let fence = Self.run(Self.repeated("`", 50_000) + "\n" + Self.repeated("`", 50_000))
    #expect(fence.nodes == 1)
  }

  @Test func manyUnmatchedBacktickRuns() {
    var input = ""
    for length in 1..<1_000 { input += "e" + Self.repeated("`", length) }
    let outcome = Self.run(input)
    #expect(outcome.nodes == 2)
  }

  @Test func nestedStrongAndEmphasis() {
    let input = Self.repeated("*a **a ", 30_000) + "b" + Self.repeated(" a** a*", 30_000)
    let outcome = Self.run(input)
    #expect(outcome.html.contains("<strong>"))
    // Formatting nested deeper than the inline limit is flattened to its text.
    #expect(outcome.nodes > 200)
    #expect(outcome.html.utf8.count > input.utf8.count / 2)
  }

  @Test func emphasisOpenersAndClosersWithoutPartners() {
    for piece in ["a_ ", "_a ", "*a_ ", "a]", "[a", "[ a_", "[ (](", "a**b c* "] {
      let outcome = Self.run(Self.repeated(piece, 40_000))
      #expect(outcome.nodes >= 2, "piece \(piece)")
    }
  }

  @Test func unclosedLinkDestinations() {
    for piece in ["[a](<b", "[a](b", "[a](b \"", "<!--", "<a href=\""] {
      let outcome = Self.run("x " + Self.repeated(piece, 30_000))
      #expect(outcome.nodes >= 2, "piece \(piece)")
    }
  }

  @Test func thousandsOfReferenceDefinitions() {
    var input = ""
    for index in 0..<5_000 { input += "[label \(index)]: /url/\(index) \"title \(index)\"\n" }
    input += "\n"
    for index in 0..<5_000 { input += "[Label  \(index)] " }
    let outcome = Self.run(input)
    guard case .paragraph(let inlines)? = outcome.document.blocks.last?.kind else {
      Issue.record("expected a paragraph of references")
      return
    }
    let links = inlines.filter {
      if case .link = $0.kind { return true }
      return false
    }
    #expect(links.count == 5_000)
    #expect(outcome.html.contains("<a href=\"/url/4999\" title=\"title 4999\">Label  4999</a>"))
  }

  @Test func longTable() {
    let input = "| a | b |\n|---|---|\n" + Self.repeated("| x | *y* |\n", 20_000)
    let outcome = Self.run(input)
    guard case .table(_, _, let rows)? = outcome.document.blocks.first?.kind else {
      Issue.record("expected a table")
      return
    }
    #expect(rows.count == 20_000)
  }
}
