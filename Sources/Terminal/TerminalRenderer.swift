import Markdown

/// Renders a Markdown document for the terminal, as styled (`ansi`) or escape-free (`plain`) text.
///
/// Prose is re-wrapped to the terminal width, capped at `readingWidth` columns; code blocks are
/// never wrapped; tables may use the full terminal width. Output ends with one newline.
public struct TerminalRenderer: Sendable {
  /// The kinds of terminal output.
  public enum Format: String, Sendable, CaseIterable {
    /// Colours, styles and (when supported) OSC 8 hyperlinks.
    case ansi
    /// No escape codes at all.
    case plain
  }

  /// The widest prose line, for comfortable reading on wide terminals.
  public static let readingWidth = 100

  public let settings: TerminalSettings
  public let format: Format
  let color: Bool
  let hyperlinks: Bool
  let glyphs: RenderGlyphs

  public init(settings: TerminalSettings, format: Format) {
    self.settings = settings
    self.format = format
    color = format == .ansi
    hyperlinks = format == .ansi && settings.supportsHyperlinks
    glyphs = settings.supportsUnicode ? .unicode : .ascii
  }

  /// The rendered document; empty for an empty document.
  public func render(_ document: Document) -> String {
    let width = max(1, settings.width)
    let context = RenderContext(
      width: min(width, Self.readingWidth), tableWidth: width, listDepth: 0)
    let lines = renderBlocks(document.blocks, context)
    var text = ""
    text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
    for line in lines {
      text += line
      text += "\n"
    }
    return text
  }

  /// Renders blocks one after another, separated by a blank line unless `tight`.
  func renderBlocks(_ blocks: [Block], _ context: RenderContext, tight: Bool = false) -> [String] {
    var lines: [String] = []
    for block in blocks {
      let rendered = renderBlock(block, context)
      if rendered.isEmpty { continue }
      if !lines.isEmpty && !tight { lines.append("") }
      lines += rendered
    }
    return lines
  }

  func renderBlock(_ block: Block, _ context: RenderContext) -> [String] {
    switch block.kind {
    case .paragraph(let inlines):
      return paragraph(inlines, context)
    case .heading(let level, let content):
      return heading(level: level, content: content, context)
    case .thematicBreak:
      return [style(glyphs.line(context.width), [.dim])]
    case .blockQuote(let blocks):
      return blockQuote(blocks, context)
    case .list(let info, let items):
      return list(info, items: items, context)
    case .codeBlock(let info, let literal, _):
      return codeBlock(info: info, literal: literal, context)
    case .htmlBlock(let html):
      let text = HTMLText.visibleText(html)
      if text.isEmpty { return [] }
      return WordWrapper.wrap(text, width: context.width).map { style($0, [.dim]) }
    case .table(let alignments, let header, let rows):
      return table(alignments: alignments, header: header, rows: rows, context)
    }
  }

  func paragraph(_ inlines: [Inline], _ context: RenderContext, base: [ANSIStyle] = [])
    -> [String]
  {
    WordWrapper.wrap(inlineText(inlines, base: base), width: context.width)
  }

  func heading(level: Int, content: [Inline], _ context: RenderContext) -> [String] {
    let styles: [ANSIStyle] =
      switch level {
      case 1: [.bold, .brightMagenta]
      case 2: [.bold, .brightCyan]
      case 3: [.bold, .yellow]
      case 4: [.bold, .green]
      default: [.bold]
      }
    let text = inlineText(content, base: styles)
    if level <= 2 {
      let lines = WordWrapper.wrap(text, width: context.width)
      let longest = lines.map(DisplayWidth.of).max() ?? 0
      let underline = glyphs.line(min(max(longest, 1), context.width), heavy: level == 1)
      return lines + [style(underline, [styles[1]])]
    }
    let marker = String(repeating: "#", count: min(max(level, 1), 6)) + " "
    let inner = context.narrowed(by: marker.count)
    let lines = WordWrapper.wrap(text, width: inner.width)
    return Self.prefixed(lines, first: style(marker, [.dim]), rest: Self.spaces(marker.count))
  }

  /// Inline nodes as one styled string (styles only in ansi format).
  func inlineText(_ inlines: [Inline], base: [ANSIStyle] = []) -> String {
    InlineRenderer.render(inlines, base: base, color: color, hyperlinks: hyperlinks)
  }

  /// `text` in `styles` for ansi output, unchanged for plain.
  func style(_ text: String, _ styles: [ANSIStyle]) -> String {
    styled(text, styles, enabled: color)
  }

  /// Prefixes the first line with `first` and the others with `rest`; empty lines get the
  /// prefix without its trailing spaces, so no line ends in padding.
  static func prefixed(_ lines: [String], first: String, rest: String) -> [String] {
    var result: [String] = []
    result.reserveCapacity(lines.count)
    for (index, line) in lines.enumerated() {
      let prefix = index == 0 ? first : rest
      if line.isEmpty {
        var trimmed = prefix
        while trimmed.last == " " { trimmed.removeLast() }
        result.append(trimmed)
      } else {
        result.append(prefix + line)
      }
    }
    return result
  }

  static func spaces(_ count: Int) -> String { RenderGlyphs.repeated(" ", count: count) }
}

/// The room a block has: the prose width, the table width and how deep in lists it sits.
struct RenderContext: Sendable {
  var width: Int
  var tableWidth: Int
  var listDepth: Int

  /// The narrowest content that nesting may leave (20 columns, or half a narrower screen);
  /// deeper containers stop indenting, so hostile nesting cannot push text into a one-column
  /// sliver (or the output to gigabytes).
  var minimumWidth: Int

  init(width: Int, tableWidth: Int, listDepth: Int, minimumWidth: Int? = nil) {
    self.width = width
    self.tableWidth = tableWidth
    self.listDepth = listDepth
    self.minimumWidth = minimumWidth ?? min(20, max(1, width / 2))
  }

  /// Whether a prefix `columns` wide still leaves `minimumWidth` for the content.
  func canIndent(by columns: Int) -> Bool { width - columns >= minimumWidth }

  /// The context inside a prefix `columns` wide; never narrower than one column.
  func narrowed(by columns: Int) -> RenderContext {
    RenderContext(
      width: max(1, width - columns), tableWidth: max(1, tableWidth - columns),
      listDepth: listDepth, minimumWidth: minimumWidth)
  }
}
