/// Renders a `Document` as HTML, byte for byte like `cmark --unsafe` with the GitHub
/// extensions table, strikethrough, autolink and tasklist.
///
/// Recursion is bounded: the parser caps block nesting and flattens deep inline formatting.
public enum HTMLRenderer {
  /// Rendering switches beyond the cmark defaults.
  public struct Options: Sendable {
    /// GitHub's tag filter: escapes `<title>`, `<script>`, `<xmp>` and similar raw HTML.
    public var tagFilter: Bool

    public init(tagFilter: Bool = false) {
      self.tagFilter = tagFilter
    }
  }

  public static func render(_ document: Document) -> String {
    render(document, options: Options())
  }

  public static func render(_ document: Document, options: Options) -> String {
    String(decoding: renderBytes(document, options: options), as: UTF8.self)
  }

  /// The HTML as UTF-8 bytes, for writing straight to a file or stream (no String is built).
  public static func renderBytes(_ document: Document, options: Options = Options()) -> [UInt8] {
    var writer = HTMLWriter(options: options)
    writer.blocks(document.blocks, tight: false)
    return writer.out
  }
}

/// The output buffer and the block-level half of the HTML renderer.
struct HTMLWriter {
  let options: HTMLRenderer.Options
  var out: [UInt8] = []

  init(options: HTMLRenderer.Options, capacity: Int = 4096) {
    self.options = options
    out.reserveCapacity(capacity)
  }

  /// Starts a new line unless the output is empty or already at one.
  mutating func cr() {
    if let last = out.last, last != ByteClass.newline { out.append(ByteClass.newline) }
  }

  mutating func raw(_ text: String) { out.append(contentsOf: text.utf8) }

  mutating func blocks(_ blocks: [Block], tight: Bool) {
    for block in blocks { self.block(block, tight: tight) }
  }

  mutating func block(_ block: Block, tight: Bool) {
    switch block.kind {
    case .paragraph(let content):
      if tight {
        inlines(content)
      } else {
        cr()
        raw("<p>")
        inlines(content)
        raw("</p>\n")
      }
    case .heading(let level, let content):
      cr()
      raw("<h\(level)>")
      inlines(content)
      raw("</h\(level)>\n")
    case .thematicBreak:
      cr()
      raw("<hr />\n")
    case .blockQuote(let children):
      cr()
      raw("<blockquote>\n")
      blocks(children, tight: false)
      cr()
      raw("</blockquote>\n")
    case .list(let info, let items):
      list(info, items)
    case .codeBlock(let info, let literal, _):
      cr()
      raw("<pre><code")
      let language = info.utf8.prefix { !ByteClass.isWhitespace($0) }
      if !language.isEmpty {
        raw(" class=\"language-")
        escape(language)
        raw("\"")
      }
      raw(">")
      escape(literal.utf8)
      raw("</code></pre>\n")
    case .htmlBlock(let literal):
      cr()
      rawHTML(literal)
      cr()
    case .table(let alignments, let header, let rows):
      table(alignments, header, rows)
    }
  }

  mutating func list(_ info: ListInfo, _ items: [ListItem]) {
    cr()
    if !info.ordered {
      raw("<ul>\n")
    } else if info.start == 1 {
      raw("<ol>\n")
    } else {
      raw("<ol start=\"\(info.start)\">\n")
    }
    for item in items {
      cr()
      raw("<li>")
      switch item.task {
      case .checked: raw("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ")
      case .unchecked: raw("<input type=\"checkbox\" disabled=\"\" /> ")
      case nil: break
      }
      blocks(item.blocks, tight: info.tight)
      raw("</li>\n")
    }
    raw(info.ordered ? "</ol>\n" : "</ul>\n")
  }

  mutating func table(
    _ alignments: [TableAlignment], _ header: [[Inline]], _ rows: [[[Inline]]]
  ) {
    cr()
    raw("<table>\n<thead>\n")
    row(header, alignments, tag: "th")
    raw("</thead>\n")
    if !rows.isEmpty {
      raw("<tbody>\n")
      for cells in rows { row(cells, alignments, tag: "td") }
      raw("</tbody>\n")
    }
    raw("</table>\n")
  }

  mutating func row(_ cells: [[Inline]], _ alignments: [TableAlignment], tag: String) {
    raw("<tr>\n")
    for (index, cell) in cells.enumerated() {
      raw("<\(tag)")
      switch index < alignments.count ? alignments[index] : .none {
      case .left: raw(" align=\"left\"")
      case .center: raw(" align=\"center\"")
      case .right: raw(" align=\"right\"")
      case .none: break
      }
      raw(">")
      inlines(cell)
      raw("</\(tag)>\n")
    }
    raw("</tr>\n")
  }
}
