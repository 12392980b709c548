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
    String(decoding: renderBytes(document), as: UTF8.self)
  }

  /// The rendered document as UTF-8 bytes (what `render` returns as a string).
  ///
  /// `capacity` is the room reserved for the output up front: for a large document, about
  /// twice its source size spares the buffer's growth (copies, and fresh pages each time).
  public func renderBytes(_ document: Document, capacity: Int = 1 << 16) -> [UInt8] {
    let width = max(1, settings.width)
    let context = RenderContext(
      width: min(width, Self.readingWidth), tableWidth: width, listDepth: 0)
    let out = TerminalWriter(capacity: capacity)
    renderBlocks(document.blocks, context, out)
    return out.bytes
  }

  /// Renders the document in pieces of whole lines, each handed to `write` once about 64 KB
  /// have gathered (and the rest at the end): one small buffer, reused, for any length of
  /// output. The pieces put together are the bytes of `renderBytes`.
  public func render(
    _ document: Document, writingTo write: @escaping (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    let width = max(1, settings.width)
    let context = RenderContext(
      width: min(width, Self.readingWidth), tableWidth: width, listDepth: 0)
    let out = TerminalWriter(capacity: TerminalWriter.pieceSize + 4_096)
    out.flush = write
    renderBlocks(document.blocks, context, out)
    out.flushAll()
  }

  /// Renders blocks one after another, separated by a blank line unless `tight`.
  func renderBlocks(
    _ blocks: [Block], _ context: RenderContext, _ out: TerminalWriter, tight: Bool = false
  ) {
    var wroteAny = false
    for block in blocks {
      let before = out.lineCount
      let separated = wroteAny && !tight
      if separated { out.requestBlank() }
      renderBlock(block, context, out)
      if out.lineCount > before {
        wroteAny = true
      } else if separated {
        // Only the blank line asked for here: one asked for outside waits for what follows.
        out.cancelBlank()
      }
    }
  }

  func renderBlock(_ block: Block, _ context: RenderContext, _ out: TerminalWriter) {
    switch block.kind {
    case .paragraph(let inlines):
      paragraph(inlines, context, out)
    case .heading(let level, let content):
      heading(level: level, content: content, context, out)
    case .thematicBreak:
      rule(width: context.width, out)
    case .blockQuote(let blocks):
      blockQuote(blocks, context, out)
    case .list(let info, let items):
      list(info, items: items, context, out)
    case .codeBlock(let info, let literal, _):
      codeBlock(info: info, literal: literal, context, out)
    case .htmlBlock(let html):
      let text = HTMLText.visibleText(html)
      if text.isEmpty { return }
      if color { ANSIStyle.appendSequence(for: [.dim], to: &out.lineStyle) }
      wrap(Array(text.utf8), width: context.width, out)
      out.lineStyle = []
    case .table(let alignments, let header, let rows):
      for line in table(alignments: alignments, header: header, rows: rows, context) {
        out.line(line)
      }
    }
  }

  func paragraph(_ inlines: [Inline], _ context: RenderContext, _ out: TerminalWriter) {
    renderInlines(inlines, base: [], out)
    wrapInline(width: context.width, out)
  }

  /// Renders inlines into `out.inline.output`.
  func renderInlines(_ inlines: [Inline], base: [ANSIStyle], _ out: TerminalWriter) {
    out.inline.output.removeAll(keepingCapacity: true)
    InlineRenderer.render(
      inlines, base: base, color: color, hyperlinks: hyperlinks, storage: &out.inline)
  }

  /// Wraps the rendered inlines to `width` columns into `out`.
  func wrapInline(width: Int, _ out: TerminalWriter) {
    var text: [UInt8] = []
    swap(&text, &out.inline.output)
    wrap(text, width: width, out)
    swap(&text, &out.inline.output)
  }

  /// Wraps styled bytes to `width` columns into `out`.
  func wrap(_ text: [UInt8], width: Int, _ out: TerminalWriter) {
    var line: [UInt8] = []
    swap(&line, &out.wrapLine)
    text.withUnsafeBufferPointer {
      _ = WordWrapper.wrap(bytes: $0, width: width, into: out, lineBuffer: &line)
    }
    swap(&line, &out.wrapLine)
  }

  func heading(level: Int, content: [Inline], _ context: RenderContext, _ out: TerminalWriter) {
    let styles: [ANSIStyle] =
      switch level {
      case 1: [.bold, .brightMagenta]
      case 2: [.bold, .brightCyan]
      case 3: [.bold, .yellow]
      case 4: [.bold, .green]
      default: [.bold]
      }
    renderInlines(content, base: styles, out)
    if level <= 2 {
      out.measuresLines = true
      wrapInline(width: context.width, out)
      out.measuresLines = false
      let longest = out.takeWidestLine()
      let underline = glyphs.line(min(max(longest, 1), context.width), heavy: level == 1)
      out.line(style(underline, [styles[1]]))
      return
    }
    let marker = String(repeating: "#", count: min(max(level, 1), 6)) + " "
    let inner = context.narrowed(by: marker.count)
    out.push(first: Array(style(marker, [.dim]).utf8), rest: Self.spaceBytes(marker.count))
    wrapInline(width: inner.width, out)
    out.pop()
  }

  /// Inline nodes as one styled string (styles only in ansi format).
  func inlineText(_ inlines: [Inline], base: [ANSIStyle] = []) -> String {
    InlineRenderer.render(inlines, base: base, color: color, hyperlinks: hyperlinks)
  }

  /// `text` in `styles` for ansi output, unchanged for plain.
  func style(_ text: String, _ styles: [ANSIStyle]) -> String {
    styled(text, styles, enabled: color)
  }

  static func spaces(_ count: Int) -> String { RenderGlyphs.repeated(" ", count: count) }

  static func spaceBytes(_ count: Int) -> [UInt8] {
    Array(repeating: UInt8(ascii: " "), count: max(0, count))
  }
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
