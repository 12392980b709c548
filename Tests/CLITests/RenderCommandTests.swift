import Foundation
import Testing

/// `lambdalings render` through the built binary.
@Suite struct RenderCommandTests {
  let markdown = "# Title\n\nSome *text* and `code`.\n\n- [x] done\n- [ ] todo\n"

  @Test func htmlFormatIsCommonMarkHTML() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let file = "\(runner.directory)/doc.md"
    try markdown.write(toFile: file, atomically: true, encoding: .utf8)
    let output = try runner.run(["render", file, "--format", "html"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(
      output.stdout.hasPrefix("<h1>Title</h1>\n<p>Some <em>text</em> and <code>code</code>.</p>"))
    #expect(
      output.stdout.contains(#"<li><input type="checkbox" checked="" disabled="" /> done</li>"#))
  }

  @Test func plainFormatHasNoEscapesAndReadsStdin() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(
      ["render", "-", "--format", "plain", "--width", "40"], stdin: markdown)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("Title"))
    #expect(output.stdout.contains("☑ done"))
    #expect(output.stdout.contains("☐ todo"))
    #expect(!output.stdout.contains("\u{1B}"))
    let ansi = try runner.run(["render", "-", "--format", "ansi"], stdin: markdown)
    #expect(ansi.stdout.contains("\u{1B}["))
  }

  @Test func badInputIsReported() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let missing = try runner.run(["render", "nope.md"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("cannot read 'nope.md': there is no such file; check the path"))
    let folder = try runner.run(["render", "."])
    #expect(folder.status == 2)
    #expect(folder.stderr.contains("cannot read '.': it is a folder; name a Markdown file in it"))
    let format = try runner.run(["render", "-", "--format", "pdf"], stdin: "x")
    #expect(format.status == 2)
    #expect(format.stderr.contains("--format must be ansi, plain or html, got 'pdf'"))
    let width = try runner.run(["render", "-", "--width", "five"], stdin: "x")
    #expect(width.status == 2)
    #expect(width.stderr.contains("--width expects a whole number, got 'five'"))
    let noFile = try runner.run(["render"])
    #expect(noFile.status == 2)
    #expect(noFile.stderr.contains("'render' needs FILE"))
  }

  @Test func binaryInputNeverCrashes() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let file = "\(runner.directory)/junk.md"
    let bytes: [UInt8] = [0xFF, 0x00, 0x0D, 0x0A, 0x3E, 0x5B, 0x2A, 0x60, 0x09, 0xC3]
    try Data(bytes + Array(repeating: 0x5B, count: 5000)).write(to: URL(fileURLWithPath: file))
    for format in ["html", "plain", "ansi"] {
      let output = try runner.run(["render", file, "--format", format])
      #expect(output.status == 0, "\(format): \(output.stderr)")
    }
  }
}
