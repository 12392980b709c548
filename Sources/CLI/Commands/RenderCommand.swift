import Foundation
import Markdown
import SystemSupport
import Terminal

extension CommandSpec {
  /// `lambdalings render FILE [--format ansi|plain|html] [--width N]`.
  static let render = CommandSpec(
    name: "render", abstract: "Render any Markdown file as the lesson engine would.",
    usage: "render FILE [--format ansi|plain|html] [--width N] [--extensions none|gfm|LIST]",
    discussion: """
      Renders CommonMark with GitHub tables, strikethrough, task lists, autolinks and callouts.
      FILE '-' reads standard input. The default format is ansi on a colour terminal and plain
      otherwise; html prints the HTML that the conformance tests check. A front matter block
      (a first line '---', 'key: value' lines, a closing '---') is left out, as in `read`.
      --extensions chooses the GitHub extensions, as cmark-gfm's -e does: none (pure
      CommonMark), gfm (what GitHub renders: table, strikethrough, autolink, tasklist and
      tagfilter) or a comma-separated list of those names. Without it: every extension but the
      tag filter.
      """,
    arguments: [
      ArgumentSpec("FILE", help: "The Markdown file, or - for standard input.", optional: false)
    ],
    options: [
      OptionSpec(long: "format", short: "f", value: "FORMAT", help: "ansi, plain or html."),
      OptionSpec(
        long: "width", short: "w", value: "N", help: "Wrap at N columns (default: the terminal's)."),
      OptionSpec(
        long: "extensions", short: "e", value: "LIST",
        help: "none, gfm, or e.g. table,strikethrough,autolink,tasklist,tagfilter."),
    ]
  ) { invocation in
    let path = invocation.args.positional(0) ?? "-"
    let choice = try MarkdownInput.extensions(invocation.args.value("extensions"))
    let bytes = MarkdownInput.withoutFrontMatter(
      try MarkdownInput.read(path, in: invocation.context.currentDirectory))
    let settings = try MarkdownInput.settings(invocation)
    if invocation.args.value("format") == "html" {
      // Straight from the parser's trees: the same HTML without building a `Document`.
      invocation.out.write(
        bytes: HTMLRenderer.renderBytes(
          parsing: bytes, extensions: choice.extensions,
          options: HTMLRenderer.Options(tagFilter: choice.tagFilter)))
      return ExitCode.success
    }
    let document = Document(parsing: bytes, extensions: choice.extensions)
    // The process ends right after rendering: keeping the tree saves tearing it down node by
    // node (a tenth of the time on large documents), as compilers skip freeing at exit.
    MarkdownInput.keptUntilExit.withLock { $0 = document }
    switch invocation.args.value("format") {
    case "plain":
      invocation.out.write(
        MarkdownText.render(document, settings: settings.plain, format: .plain))
    case "ansi":
      invocation.out.write(
        MarkdownText.render(document, settings: settings.forcedColor, format: .ansi))
    case nil:
      invocation.out.write(MarkdownText.render(document, settings: settings))
    case let other?:
      throw CLIError.usage("--format must be ansi, plain or html, got '\(other)'")
    }
    return ExitCode.success
  }
}

/// Reading Markdown input (a file, or standard input for `-`) and choosing render settings for
/// `render` (`read` loads chapters through the course instead).
enum MarkdownInput {
  /// The last rendered tree, kept alive until the process exits (see `render`).
  static let keptUntilExit = Locked<Document?>(nil)

  /// The bytes of `path` as typed (`-`: standard input), resolved against `folder`; errors
  /// name it as typed.
  static func read(_ path: String, in folder: AbsolutePath) throws -> [UInt8] {
    if path == "-" {
      return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
    let file = AbsolutePath(path, relativeTo: folder)
    guard let data = FileManager.default.contents(atPath: file.string) else {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: file.string, isDirectory: &isFolder)
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

  /// The parser extensions and the tag filter chosen by `--extensions` (cmark-gfm's `-e`).
  static func extensions(_ value: String?) throws -> (
    extensions: MarkdownExtensions, tagFilter: Bool
  ) {
    guard let value else { return (.gfm, false) }
    switch value {
    case "none", "": return ([], false)
    case "gfm": return (.gfm, true)
    default: break
    }
    var result: MarkdownExtensions = []
    var tagFilter = false
    for name in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      switch name {
      case "table", "tables": result.insert(.tables)
      case "strikethrough": result.insert(.strikethrough)
      case "autolink", "autolinks": result.insert(.autolinks)
      case "tasklist", "tasklists": result.insert(.taskLists)
      case "tagfilter": tagFilter = true
      default:
        throw CLIError.usage(
          "unknown extension '\(name)' in --extensions",
          hint: "Use none, gfm, or names from: table, strikethrough, autolink, tasklist, tagfilter."
        )
      }
    }
    return (result, tagFilter)
  }

  /// `bytes` without a leading front matter block: a first line `---`, then `key: value`
  /// lines (the first non-blank one must look like `key:`), then a line `---` or `...`.
  /// Anything else (a thematic break, an unclosed block) is returned unchanged.
  static func withoutFrontMatter(_ bytes: [UInt8]) -> [UInt8] {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    func line(at index: Int) -> (text: ArraySlice<UInt8>, next: Int) {
      var end = index
      while end < bytes.count, bytes[end] != 10 { end += 1 }
      var text = bytes[index..<end]
      while let last = text.last, last == 13 || last == 32 || last == 9 { text = text.dropLast() }
      return (text, min(end + 1, bytes.count))
    }
    let first = line(at: start)
    guard first.text.elementsEqual("---".utf8), first.next < bytes.count else { return bytes }
    var index = first.next
    var sawKey = false
    while index < bytes.count {
      let current = line(at: index)
      if current.text.elementsEqual("---".utf8) || current.text.elementsEqual("...".utf8) {
        return sawKey ? Array(bytes[current.next...]) : bytes
      }
      if !sawKey, !current.text.isEmpty {
        let key = current.text.prefix { byte in
          byte != 58
            && (byte == 45 || byte == 95 || (48...57).contains(byte)
              || (65...90).contains(byte) || (97...122).contains(byte))
        }
        guard !key.isEmpty, current.text.dropFirst(key.count).first == 58 else { return bytes }
        sawKey = true
      }
      index = current.next
    }
    return bytes
  }

  static func settings(_ invocation: CommandRun) throws -> TerminalSettings {
    var settings = invocation.out.settings
    if invocation.args.value("width") != nil {
      settings.width = try invocation.args.int("width", default: 80, range: 20...1000)
    }
    return settings
  }
}
