import Foundation
import Testing

/// `render` front matter and `--extensions` (cmark-gfm's `-e`), through the built binary.
@Suite struct RenderOptionsTests {
  @Test func frontMatterIsLeftOutAsReadDoes() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let lesson = "---\nid: limits\ntitle: Limits\norder: 9\n---\n# Limits\n\nText.\n"
    let html = try runner.run(["render", "-", "--format", "html"], stdin: lesson)
    #expect(html.status == 0, "\(html.stderr)")
    #expect(html.stdout == "<h1>Limits</h1>\n<p>Text.</p>\n")
    let plain = try runner.run(["render", "-", "--format", "plain"], stdin: lesson)
    #expect(!plain.stdout.contains("order"))
    #expect(plain.stdout.contains("Limits"))
    // A thematic break at the top is not front matter.
    let rule = try runner.run(["render", "-", "--format", "html"], stdin: "---\n\nText.\n\n---\n")
    #expect(rule.stdout == "<hr />\n<p>Text.</p>\n<hr />\n")
  }

  @Test func extensionsCanBeChosenLikeCmarkGFM() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let text = "| a |\n|---|\n| b |\n\n~~gone~~ www.example.com\n\n<script>x</script>\n"
    let none = try runner.run(["render", "-", "--format", "html", "-e", "none"], stdin: text)
    #expect(none.status == 0, "\(none.stderr)")
    #expect(!none.stdout.contains("<table>"))
    #expect(!none.stdout.contains("<del>"))
    #expect(!none.stdout.contains("<a href"))
    #expect(none.stdout.contains("<script>x</script>"))
    let gfm = try runner.run(
      ["render", "-", "--format", "html", "--extensions", "gfm"], stdin: text)
    #expect(gfm.stdout.contains("<table>"))
    #expect(gfm.stdout.contains("<del>gone</del>"))
    #expect(gfm.stdout.contains(#"<a href="http://www.example.com">"#))
    #expect(gfm.stdout.contains("&lt;script>x&lt;/script>"))
    let some = try runner.run(
      ["render", "-", "--format", "html", "--extensions", "table,strikethrough"], stdin: text)
    #expect(some.stdout.contains("<table>"))
    #expect(some.stdout.contains("<del>gone</del>"))
    #expect(!some.stdout.contains("<a href"))
    let defaults = try runner.run(["render", "-", "--format", "html"], stdin: text)
    #expect(defaults.stdout.contains("<table>"))
    #expect(defaults.stdout.contains("<script>x</script>"))
  }

  @Test func anUnknownExtensionIsAUsageError() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["render", "-", "--extensions", "tables,emoji"], stdin: "x\n")
    #expect(output.status == 2)
    #expect(output.stderr.contains("unknown extension 'emoji'"))
    #expect(output.stderr.contains("tagfilter"))
  }
}
