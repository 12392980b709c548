import Foundation
import Markdown
import Terminal

extension CommandSpec {
  /// `lambdalings render FILE [--format ansi|plain|html] [--width N]`.
  static let render = CommandSpec(
    name: "render", abstract: "Render any Markdown file as the lesson engine would.",
    usage: "render FILE [--format ansi|plain|html] [--width N]",
    discussion: """
      Renders CommonMark with GitHub tables, strikethrough, task lists, autolinks and callouts.
      FILE '-' reads standard input. The default format is ansi on a colour terminal and plain
      otherwise; html prints the HTML that the conformance tests check.
      """,
    arguments: [
      ArgumentSpec("FILE", help: "The Markdown file, or - for standard input.", optional: false)
    ],
    options: [
      OptionSpec(long: "format", short: "f", value: "FORMAT", help: "ansi, plain or html."),
      OptionSpec(
        long: "width", short: "w", value: "N", help: "Wrap at N columns (default: the terminal's)."),
    ]
  ) { invocation in
    let path = invocation.args.positional(0) ?? "-"
    let bytes = try MarkdownInput.read(path)
    let document = Document(parsing: bytes)
    let settings = try MarkdownInput.settings(invocation)
    switch invocation.args.value("format") {
    case "html":
      invocation.out.write(HTMLRenderer.render(document))
    case "plain":
      invocation.out.write(
        TerminalRenderer(settings: settings.plain, format: .plain).render(document))
    case "ansi":
      invocation.out.write(
        TerminalRenderer(settings: settings.forcedColor, format: .ansi).render(document))
    case nil:
      let format: TerminalRenderer.Format = settings.useColor ? .ansi : .plain
      invocation.out.write(TerminalRenderer(settings: settings, format: format).render(document))
    case let other?:
      throw CLIError.usage("--format must be ansi, plain or html, got '\(other)'")
    }
    return ExitCode.success
  }
}

/// Reading Markdown input (a file, or standard input for `-`) and choosing render settings for
/// `render` (`read` loads chapters through the course instead).
enum MarkdownInput {
  static func read(_ path: String) throws -> [UInt8] {
    if path == "-" {
      return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      let why =
        !exists
        ? "there is no such file; check the path (or pass - to read standard input)"
        : isFolder.boolValue
          ? "it is a folder; name a Markdown file in it"
          : "it is not readable; check its permissions (ls -l)"
      throw CLIError.content("cannot read '\(path)': \(why)")
    }
    return [UInt8](data)
  }

  static func settings(_ invocation: Invocation) throws -> TerminalSettings {
    var settings = invocation.out.settings
    if invocation.args.value("width") != nil {
      settings.width = try invocation.args.int("width", default: 80, range: 20...1000)
    }
    return settings
  }
}

extension TerminalSettings {
  /// The same settings without any escape codes.
  var plain: TerminalSettings {
    TerminalSettings(
      useColor: false, width: width, supportsUnicode: supportsUnicode, supportsHyperlinks: false,
      isTTY: isTTY)
  }

  /// The same settings with colour on (for an explicit `--format ansi`).
  var forcedColor: TerminalSettings {
    TerminalSettings(
      useColor: true, width: width, supportsUnicode: supportsUnicode,
      supportsHyperlinks: supportsHyperlinks, isTTY: isTTY)
  }
}
