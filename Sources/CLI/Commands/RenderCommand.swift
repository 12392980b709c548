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
    var bytes = try MarkdownInput.read(path, in: invocation.context.currentDirectory)
    // Removed in place: the array is not copied.
    bytes.removeSubrange(0..<MarkdownInput.frontMatterLength(bytes))
    let settings = try MarkdownInput.settings(invocation)
    if invocation.args.value("format") == "html" {
      // Straight from the parser's trees: the same HTML without building a `Document`.
      var tree: HTMLRenderer.ParsedTree?
      let html = HTMLRenderer.renderBytes(
        parsing: bytes, extensions: choice.extensions,
        options: HTMLRenderer.Options(tagFilter: choice.tagFilter), tree: &tree)
      // Kept to the exit, as the `Document` below is: freeing it node by node is wasted work.
      MarkdownInput.treeKeptUntilExit.withLock { $0 = tree }
      invocation.out.write(bytes: html)
      return ExitCode.success
    }
    let document = Document(parsing: bytes, extensions: choice.extensions)
    // The process ends right after rendering: keeping the tree saves tearing it down node by
    // node (a tenth of the time on large documents), as compilers skip freeing at exit.
    MarkdownInput.keptUntilExit.withLock { $0 = document }
    let chosen: (settings: TerminalSettings, format: TerminalRenderer.Format)
    switch invocation.args.value("format") {
    case "plain": chosen = (settings.plain, .plain)
    case "ansi": chosen = (settings.forcedColor, .ansi)
    case nil: chosen = (settings, MarkdownText.format(for: settings))
    case let other?:
      throw CLIError.usage("--format must be ansi, plain or html, got '\(other)'")
    }
    // Bytes straight to the output in pieces of 64 KB as they are rendered: no `String` of
    // the whole text (which `write(_:)` would want), and one small buffer reused.
    TerminalRenderer(settings: chosen.settings, format: chosen.format).render(document) {
      invocation.out.write(bytes: CommandText.unglued(bytes: Array($0)))
    }
    return ExitCode.success
  }
}

/// Reading Markdown input (a file, or standard input for `-`) and choosing render settings for
/// `render` (`read` loads chapters through the course instead).
enum MarkdownInput {
  /// The last rendered tree, kept alive until the process exits (see `render`).
  static let keptUntilExit = Locked<Document?>(nil)
  /// The last tree `render --format html` parsed, kept in the same way.
  static let treeKeptUntilExit = Locked<HTMLRenderer.ParsedTree?>(nil)

  /// The bytes of `path` as typed (`-`: standard input), resolved against `folder`; errors
  /// name it as typed. read(2) into one array: no `Data` and no copy of a large document.
  static func read(_ path: String, in folder: AbsolutePath) throws -> [UInt8] {
    if path == "-" {
      do {
        return try WholeFile.read(descriptor: Platform.standardInput)
      } catch let error as FileSystemError {
        throw CLIError.content(
          "cannot read standard input: \(error.reason); pass a file name instead of -")
      }
    }
    let file = AbsolutePath(path, relativeTo: folder)
    guard let bytes = WholeFile.read(path: file) else {
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
    return bytes
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

  /// How many bytes a leading front matter block takes (with a byte order mark before it):
  /// a first line `---`, then `key: value` lines (the first non-blank one must look like
  /// `key:`), then a line `---` or `...`. Anything else (a thematic break, an unclosed block)
  /// is not front matter: 0.
  static func frontMatterLength(_ bytes: [UInt8]) -> Int {
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
    guard first.text.elementsEqual("---".utf8), first.next < bytes.count else { return 0 }
    var index = first.next
    var sawKey = false
    while index < bytes.count {
      let current = line(at: index)
      if current.text.elementsEqual("---".utf8) || current.text.elementsEqual("...".utf8) {
        return sawKey ? current.next : 0
      }
      if !sawKey, !current.text.isEmpty {
        let key = current.text.prefix { byte in
          byte != 58
            && (byte == 45 || byte == 95 || (48...57).contains(byte)
              || (65...90).contains(byte) || (97...122).contains(byte))
        }
        guard !key.isEmpty, current.text.dropFirst(key.count).first == 58 else { return 0 }
        sawKey = true
      }
      index = current.next
    }
    return 0
  }

  static func settings(_ invocation: CommandRun) throws -> TerminalSettings {
    var settings = invocation.out.settings
    if invocation.args.value("width") != nil {
      settings.width = try invocation.args.int("width", default: 80, range: 20...1000)
    }
    return settings
  }
}
