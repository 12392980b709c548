import Markdown
import Testing

/// The GitHub extensions, each switched on and off, and renderer options.
struct ExtensionTests {
  static func html(_ markdown: String, _ extensions: MarkdownExtensions = .gfm) -> String {
    HTMLRenderer.render(Document(parsing: markdown, extensions: extensions))
  }

  @Test func tablesNeedTheExtension() {
    let source = "| a | b |\n|:-:|--:|\n| 1 | 2 |\n"
    #expect(Self.html(source).hasPrefix("<table>\n<thead>\n<tr>\n<th align=\"center\">a</th>"))
    #expect(Self.html(source, []) == "<p>| a | b |\n|:-:|--:|\n| 1 | 2 |</p>\n")
  }

  @Test func tableShapeInTheTree() {
    let document = Document(parsing: "x | y\n--|:-\n1 | 2 | 3\n4\n")
    guard case .table(let alignments, let header, let rows)? = document.blocks.first?.kind else {
      Issue.record("expected a table")
      return
    }
    #expect(alignments == [.none, .left])
    #expect(header.count == 2)
    #expect(rows.count == 2)
    #expect(rows.allSatisfy { $0.count == 2 })
    #expect(rows[1][1].isEmpty)
  }

  @Test func strikethroughRuns() {
    #expect(Self.html("~~a~~ ~b~") == "<p><del>a</del> <del>b</del></p>\n")
    #expect(Self.html("x ~~~a~~~") == "<p>x ~~~a~~~</p>\n")
    #expect(Self.html("~~a~") == "<p>~~a~</p>\n")
    #expect(Self.html("~~a~~", []) == "<p>~~a~~</p>\n")
  }

  @Test func taskListItems() {
    let document = Document(parsing: "- [x] done\n- [ ] open\n- [y] plain\n")
    guard case .list(_, let items)? = document.blocks.first?.kind else {
      Issue.record("expected a list")
      return
    }
    #expect(items.map(\.task) == [.checked, .unchecked, nil])
    guard case .paragraph(let inlines)? = items.first?.blocks.first?.kind else {
      Issue.record("expected a paragraph")
      return
    }
    #expect(inlines.first?.kind == .text("done"))
    #expect(inlines.first?.position == SourcePosition(line: 1, column: 7))
    let plain = Self.html("- [x] done\n", [])
    #expect(plain == "<ul>\n<li>[x] done</li>\n</ul>\n")
  }

  @Test func extendedAutolinks() {
    #expect(
      Self.html("see https://example.com/a_(b)).")
        == "<p>see <a href=\"https://example.com/a_(b)\">https://example.com/a_(b)</a>).</p>\n")
    #expect(
      Self.html("mail me@example.org!") == "<p>mail <a href=\"mailto:me@example.org\">"
        + "me@example.org</a>!</p>\n")
    #expect(Self.html("www.example.com", []) == "<p>www.example.com</p>\n")
    #expect(Self.html("[www.example.com](/x)") == "<p><a href=\"/x\">www.example.com</a></p>\n")
  }

  @Test func tagFilterIsAnOption() {
    let source = "<script>alert(1)</script>\n\nok <xmp> <b>\n"
    #expect(Self.html(source).hasPrefix("<script>alert(1)</script>"))
    let filtered = HTMLRenderer.render(
      Document(parsing: source), options: HTMLRenderer.Options(tagFilter: true))
    #expect(filtered == "&lt;script>alert(1)&lt;/script>\n<p>ok &lt;xmp> <b></p>\n")
  }

  @Test func entitiesAndCaseFoldedLabels() {
    #expect(
      Self.html("&copy; &#35; &#x22; &bogus; &#0;") == "<p>© # &quot; &amp;bogus; \u{FFFD}</p>\n")
    #expect(Self.html("[ẞ]\n\n[SS]: /u") == "<p><a href=\"/u\">ẞ</a></p>\n")
  }

  @Test func bytesAndStringAgree() {
    let source = "# T\n\n*a* `b` [c](d)\n"
    #expect(Document(parsing: Array(source.utf8)) == Document(parsing: source))
  }
}
