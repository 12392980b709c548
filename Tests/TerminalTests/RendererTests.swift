import Markdown
import Testing

@testable import Terminal

/// Renders Markdown source; plain unless `format` says otherwise.
func render(
  _ markdown: String, width: Int = 80, format: TerminalRenderer.Format = .plain,
  unicode: Bool = true, hyperlinks: Bool = false
) -> String {
  let settings = TerminalSettings(
    useColor: format == .ansi, width: width, supportsUnicode: unicode,
    supportsHyperlinks: hyperlinks)
  return TerminalRenderer(settings: settings, format: format).render(Document(parsing: markdown))
}

@Suite struct RendererTests {
  @Test func emptyDocumentRendersNothing() {
    #expect(render("") == "")
    #expect(TerminalRenderer(settings: .plain, format: .ansi).render(Document(blocks: [])) == "")
  }

  @Test func paragraphsAreRewrappedAndSeparated() {
    let output = render("one two\nthree four five six\n\nsecond paragraph", width: 14)
    #expect(output == "one two three\nfour five six\n\nsecond\nparagraph\n")
  }

  @Test func proseIsCappedForReadingButRulesAreNot() {
    let long = Array(repeating: "word", count: 60).joined(separator: " ")
    let lines = render(long, width: 200).split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= TerminalRenderer.readingWidth })
    #expect(lines.contains { $0.count > 90 })
  }

  @Test func headingsAreDistinctByLevel() {
    for format in TerminalRenderer.Format.allCases {
      let outputs = (1...6).map { level in
        render(String(repeating: "#", count: level) + " Title", format: format)
      }
      #expect(Set(outputs).count == 6, "\(format)")
      #expect(outputs.allSatisfy { ANSIStyle.stripped($0).contains("Title") })
    }
    #expect(render("# Title") == "Title\n═════\n")
    #expect(render("## Title", unicode: false) == "Title\n-----\n")
    #expect(render("### Title") == "### Title\n")
  }

  @Test func inlineMarkupInPlainAndAnsi() {
    #expect(render("*a* **b** ~~c~~ `d`") == "a b c d\n")
    let ansi = render("*a* **b** `d`", format: .ansi)
    #expect(ansi.contains(ANSIStyle.italic.sequence + "a"))
    #expect(ansi.contains(ANSIStyle.bold.sequence + "b"))
    #expect(ansi.contains(ANSIStyle.yellow.sequence + "d"))
    #expect(ANSIStyle.stripped(ansi) == "a b d\n")
  }

  @Test func nestedStylesRestoreTheOuterStyle() throws {
    let ansi = render("# Big *em* after", format: .ansi)
    let afterEmphasis = try #require(ansi.range(of: "em"))
    let rest = ansi[afterEmphasis.upperBound...]
    #expect(
      rest.hasPrefix(ANSIStyle.reset.sequence + ANSIStyle.sequence(for: [.bold, .brightMagenta])))
  }

  @Test func linksAsHyperlinksOrTextWithURL() {
    let markdown = "See [the docs](https://aws.amazon.com/lambda/) and <https://a.test>."
    #expect(
      render(markdown) == "See the docs (https://aws.amazon.com/lambda/) and https://a.test.\n")
    let linked = render(markdown, format: .ansi, hyperlinks: true)
    #expect(linked.contains(ANSIStyle.hyperlinkStart("https://aws.amazon.com/lambda/")))
    #expect(linked.contains(ANSIStyle.hyperlinkEnd))
    #expect(!ANSIStyle.stripped(linked).contains("(https://aws.amazon.com/lambda/)"))
    let noLinks = render(markdown, format: .ansi, hyperlinks: false)
    #expect(!noLinks.contains("\u{1B}]8"))
    #expect(ANSIStyle.stripped(noLinks).contains("the docs (https://aws.amazon.com/lambda/)"))
    #expect(render("<me@example.com>") == "me@example.com\n")
  }

  @Test func aRelativeLinkIsShownEvenWhereHyperlinksWork() {
    // A terminal cannot open `limits#payloads`: the reader needs to see it.
    let linked = render("Read [payloads](limits#payloads).", format: .ansi, hyperlinks: true)
    #expect(!linked.contains("\u{1B}]8"))
    #expect(ANSIStyle.stripped(linked) == "Read payloads (limits#payloads).\n")
    #expect(InlineRenderer.hasScheme("mailto:me@example.com"))
    #expect(!InlineRenderer.hasScheme("lambdalings read limits, section \"Payloads: sizes\""))
  }

  @Test func imagesShowAltAndURL() {
    #expect(
      render("![A *diagram*](https://x.test/d.png)")
        == "[image: A diagram] (https://x.test/d.png)\n")
  }

  @Test func rawHTMLIsReducedToText() {
    #expect(render("<div>\n<b>Bold</b> &amp; text\n</div>") == "Bold & text\n")
    #expect(render("<!-- hidden -->\n\nafter") == "after\n")
    #expect(render("a <kbd>Ctrl</kbd> b<br>c") == "a Ctrl b\nc\n")
    let ansi = render("<p>dim me</p>", format: .ansi)
    #expect(ansi == styled("dim me", [.dim], enabled: true) + "\n")
  }

  @Test func controlCharactersFromTheDocumentAreRemoved() {
    let output = render("red \u{1B}[31mtext\u{07} and `\u{1B}]8;;x` \u{9B}2J", format: .ansi)
    #expect(!ANSIStyle.stripped(output).contains("\u{1B}"))
    #expect(!output.contains("\u{1B}[31m"))
    #expect(!output.contains("\u{9B}"))
    #expect(!render("a\u{1B}[2Jb").contains("\u{1B}"))
  }

  @Test func thematicBreakSpansTheWidth() {
    #expect(render("---\n", width: 30) == String(repeating: "─", count: 30) + "\n")
    #expect(render("***\n", width: 300) == String(repeating: "─", count: 100) + "\n")
  }

  @Test func everyWidthBelowThirtyStillRenders() throws {
    let document = try Fixture.document()
    for width in 1..<30 {
      for format in TerminalRenderer.Format.allCases {
        let settings = TerminalSettings(useColor: true, width: width, supportsHyperlinks: true)
        let output = TerminalRenderer(settings: settings, format: format).render(document)
        let joined = ANSIStyle.stripped(output).filter { $0 != "\n" }
        #expect(joined.hasPrefix("Lambdalings:"), "width \(width)")
      }
    }
  }
}
