/// HTML straight from the parser's own trees (the block nodes and each paragraph's inline
/// arena), without building `Document` values: no `Inline` or `Block` enum cases, no `String`
/// per text run, so a large document costs a fraction of the allocations.
///
/// It follows `DocumentBuilder` and `InlineBuilder` step for step (which text runs merge, where
/// email autolinks are looked for, how formatting deeper than `InlineBuilder.maxDepth` is
/// flattened), and `HTMLWriter` for the markup, so its output is byte for byte the output of
/// `HTMLRenderer.renderBytes(Document(parsing:))`; `DirectHTMLTests` checks that on every spec
/// example and on the fuzz inputs.
struct DirectHTMLWriter {
  var writer: HTMLWriter
  /// The inline parser and writer, kept from one paragraph to the next.
  var inline: DirectInlineWriter

  init(writer: HTMLWriter, references: [String: LinkReference], extensions: MarkdownExtensions) {
    self.writer = writer
    inline = DirectInlineWriter(
      parser: InlineParser(
        [], references: references, strikethrough: extensions.contains(.strikethrough),
        autolinks: extensions.contains(.autolinks)),
      autolinks: extensions.contains(.autolinks),
      writer: HTMLWriter(options: writer.options, capacity: 0))
  }

  mutating func blocks(_ nodes: [BlockNode], tight: Bool) {
    for node in nodes { block(node, tight: tight) }
  }

  mutating func block(_ node: BlockNode, tight: Bool) {
    switch node.kind {
    case .document, .item:
      return
    case .paragraph:
      if tight {
        inlines(node.content)
      } else {
        writer.cr()
        writer.raw("<p>")
        inlines(node.content)
        writer.raw("</p>\n")
      }
    case .heading:
      writer.cr()
      writer.raw(Self.headingOpen[min(max(node.level, 1), 6)])
      inlines(node.content)
      writer.raw(Self.headingClose[min(max(node.level, 1), 6)])
    case .thematicBreak:
      writer.cr()
      writer.raw("<hr />\n")
    case .blockQuote:
      writer.cr()
      writer.raw("<blockquote>\n")
      blocks(node.children, tight: false)
      writer.cr()
      writer.raw("</blockquote>\n")
    case .list:
      list(node)
    case .codeBlock:
      writer.cr()
      writer.raw("<pre><code")
      if node.fenced {
        let info = Unescape.bytes(node.info[...])
        let language = info.prefix { !ByteClass.isWhitespace($0) }
        if !language.isEmpty {
          writer.raw(" class=\"language-")
          writer.escape(language)
          writer.raw("\"")
        }
      }
      writer.raw(">")
      writer.escape(node.content[...])
      writer.raw("</code></pre>\n")
    case .htmlBlock:
      writer.cr()
      writer.rawHTML(bytes: node.content[...])
      writer.cr()
    case .table:
      table(node)
    }
  }

  static let headingOpen = ["", "<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"]
  static let headingClose = ["", "</h1>\n", "</h2>\n", "</h3>\n", "</h4>\n", "</h5>\n", "</h6>\n"]

  mutating func list(_ node: BlockNode) {
    writer.cr()
    if !node.ordered {
      writer.raw("<ul>\n")
    } else if node.listStart == 1 {
      writer.raw("<ol>\n")
    } else {
      writer.raw("<ol start=\"\(node.listStart)\">\n")
    }
    for item in node.children {
      writer.cr()
      writer.raw("<li>")
      switch item.task {
      case .checked: writer.raw("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ")
      case .unchecked: writer.raw("<input type=\"checkbox\" disabled=\"\" /> ")
      case nil: break
      }
      blocks(item.children, tight: node.tight)
      writer.raw("</li>\n")
    }
    writer.raw(node.ordered ? "</ol>\n" : "</ul>\n")
  }

  mutating func table(_ node: BlockNode) {
    writer.cr()
    writer.raw("<table>\n<thead>\n")
    for (index, row) in node.rows.enumerated() {
      if index == 1 { writer.raw("<tbody>\n") }
      writer.raw("<tr>\n")
      let tag = index == 0 ? "th" : "td"
      for (column, cell) in row.enumerated() {
        writer.raw("<\(tag)")
        switch column < node.alignments.count ? node.alignments[column] : .none {
        case .left: writer.raw(" align=\"left\"")
        case .center: writer.raw(" align=\"center\"")
        case .right: writer.raw(" align=\"right\"")
        case .none: break
        }
        writer.raw(">")
        inlines(cell.content)
        writer.raw("</\(tag)>\n")
      }
      writer.raw("</tr>\n")
      if index == 0 { writer.raw("</thead>\n") }
    }
    if node.rows.isEmpty { writer.raw("<tr>\n</tr>\n</thead>\n") }
    if node.rows.count > 1 { writer.raw("</tbody>\n") }
    writer.raw("</table>\n")
  }

  /// Parses `content` as inlines and writes them.
  mutating func inlines(_ content: [UInt8]) {
    // One inline parser serves every paragraph, keeping its arrays' storage between them; the
    // output buffer is swapped into the inline writer and back, never copied.
    inline.parser.reset(content)
    inline.parser.parse()
    swap(&writer, &inline.writer)
    inline.run()
    swap(&writer, &inline.writer)
  }
}

/// The inline half of `DirectHTMLWriter`: `InlineBuilder`'s walk, writing HTML as it goes.
struct DirectInlineWriter {
  var parser: InlineParser
  let autolinks: Bool
  var writer: HTMLWriter
  /// Storage for the outermost pending text, kept from one subject to the next.
  var pendingNodes: [Int] = []
  /// Inside an image description: only text is written, as `HTMLWriter.plain` does.
  var plainDepth = 0

  /// Writes the parsed subject (the children of the arena's root).
  mutating func run() {
    var pending = PendingText(nodes: pendingNodes)
    pendingNodes = []
    build(children: 0, depth: 0, inLink: false, pending: &pending)
    pendingNodes = pending.nodes
  }

  /// Text nodes waiting to be written together (they are one text node in `Document`).
  struct PendingText {
    var nodes: [Int] = []
  }

  func literal(_ node: InlineNode) -> ArraySlice<UInt8> {
    node.inBuffer ? parser.buffer[node.start..<node.end] : parser.s[node.start..<node.end]
  }

  mutating func build(children parent: Int, depth: Int, inLink: Bool, pending: inout PendingText) {
    var index = parser.nodes[parent].firstChild
    while index >= 0 {
      add(index, depth: depth, inLink: inLink, pending: &pending)
      index = parser.nodes[index].next
    }
    flush(&pending, inLink: inLink)
  }

  mutating func add(_ index: Int, depth: Int, inLink: Bool, pending: inout PendingText) {
    let node = parser.nodes[index]
    if node.kind == .text {
      if node.end > node.start { pending.nodes.append(index) }
      return
    }
    flush(&pending, inLink: inLink)
    switch node.kind {
    case .softBreak:
      writer.out.append(plainDepth > 0 ? ByteClass.space : ByteClass.newline)
    case .hardBreak:
      if plainDepth > 0 { writer.out.append(ByteClass.space) } else { writer.raw("<br />\n") }
    case .code:
      if plainDepth > 0 {
        writer.escape(literal(node))
      } else {
        writer.raw("<code>")
        writer.escape(literal(node))
        writer.raw("</code>")
      }
    case .html:
      if plainDepth > 0 {
        writer.escape(literal(node))
      } else {
        writer.rawHTML(bytes: literal(node))
      }
    case .emphasis, .strong, .strikethrough, .link, .image:
      if depth >= InlineBuilder.maxDepth {
        for leaf in leaves(of: index) { add(leaf, depth: depth, inLink: true, pending: &pending) }
        return
      }
      container(index, node, depth: depth, inLink: inLink)
    case .text, .root:
      break
    }
  }

  mutating func container(_ index: Int, _ node: InlineNode, depth: Int, inLink: Bool) {
    let isLink = node.kind == .link || node.kind == .image
    var inner = PendingText()
    func children(_ writer: inout DirectInlineWriter) {
      writer.build(
        children: index, depth: depth + 1, inLink: inLink || isLink, pending: &inner)
    }
    if plainDepth > 0 {
      // Image descriptions are text only, even of a link or image inside one.
      children(&self)
      return
    }
    switch node.kind {
    case .emphasis: wrapped("<em>", "</em>", children)
    case .strong: wrapped("<strong>", "</strong>", children)
    case .strikethrough: wrapped("<del>", "</del>", children)
    default:
      let target =
        node.target >= 0
        ? parser.targets[node.target] : LinkTarget(destination: "", title: "", isAutolink: false)
      if node.kind == .image {
        writer.raw("<img src=\"")
        writer.escapeHref(target.destination)
        writer.raw("\" alt=\"")
        plainDepth += 1
        children(&self)
        plainDepth -= 1
        if !target.title.isEmpty {
          writer.raw("\" title=\"")
          writer.escape(target.title.utf8)
        }
        writer.raw("\" />")
      } else {
        writer.raw("<a href=\"")
        writer.escapeHref(target.destination)
        if !target.title.isEmpty {
          writer.raw("\" title=\"")
          writer.escape(target.title.utf8)
        }
        writer.raw("\">")
        children(&self)
        writer.raw("</a>")
      }
    }
  }

  mutating func wrapped(
    _ open: String, _ close: String, _ body: (inout DirectInlineWriter) -> Void
  ) {
    writer.raw(open)
    body(&self)
    writer.raw(close)
  }

  /// The leaves under `parent` in order, ignoring every container (as `InlineBuilder`).
  func leaves(of parent: Int) -> [Int] {
    var result: [Int] = []
    var stack: [Int] = []
    var current = parser.nodes[parent].firstChild
    while true {
      if current < 0 {
        guard let next = stack.popLast() else { break }
        current = next
        continue
      }
      let node = parser.nodes[current]
      if node.firstChild >= 0 || Self.isContainer(node.kind) {
        stack.append(node.next)
        current = node.firstChild
      } else {
        result.append(current)
        current = node.next
      }
    }
    return result
  }

  static func isContainer(_ kind: InlineNode.Kind) -> Bool {
    switch kind {
    case .emphasis, .strong, .strikethrough, .link, .image, .root: return true
    default: return false
    }
  }

  /// Writes the pending text; outside links its merged bytes are searched for email
  /// addresses, which become links as in `InlineBuilder.emit`.
  mutating func flush(_ pending: inout PendingText, inLink: Bool) {
    guard !pending.nodes.isEmpty else { return }
    defer { pending.nodes.removeAll(keepingCapacity: true) }
    // The text is read through pointers: no slice (and no reference count) per text node.
    let subject = parser.s
    let buffer = parser.buffer
    let searches = subject.withUnsafeBufferPointer { inSubject in
      buffer.withUnsafeBufferPointer { inBuffer in
        let lookForEmail = !inLink && autolinks
        for index in pending.nodes {
          let node = parser.nodes[index]
          let text = UnsafeBufferPointer(
            rebasing: (node.inBuffer ? inBuffer : inSubject)[node.start..<node.end])
          if lookForEmail && text.contains(UInt8(ascii: "@")) { return true }
        }
        for index in pending.nodes {
          let node = parser.nodes[index]
          writer.escape(
            buffer: UnsafeBufferPointer(
              rebasing: (node.inBuffer ? inBuffer : inSubject)[node.start..<node.end]))
        }
        return false
      }
    }
    guard searches else { return }
    var text: [UInt8] = []
    for index in pending.nodes { text.append(contentsOf: literal(parser.nodes[index])) }
    var start = 0
    for match in ExtendedAutolink.emails(in: text) {
      writer.escape(text[start..<match.range.lowerBound])
      if plainDepth > 0 {
        writer.escape(text[match.range])
      } else {
        writer.raw("<a href=\"")
        writer.escapeHref(match.destination)
        writer.raw("\">")
        writer.escape(text[match.range])
        writer.raw("</a>")
      }
      start = match.range.upperBound
    }
    writer.escape(text[start...])
  }
}

extension HTMLRenderer {
  /// Parses `bytes` and renders them as HTML in one go, without building a `Document`: the
  /// same bytes as `renderBytes(Document(parsing: bytes, extensions: extensions), options:)`,
  /// several times faster on large input (the `render --format html` command).
  public static func renderBytes(
    parsing bytes: [UInt8], extensions: MarkdownExtensions = .gfm, options: Options = Options()
  ) -> [UInt8] {
    var tree: ParsedTree?
    return renderBytes(parsing: bytes, extensions: extensions, options: options, tree: &tree)
  }

  /// As `renderBytes(parsing:extensions:options:)`, and hands the parsed block tree to `tree`
  /// instead of freeing it: a process that exits right after rendering can keep it to the end
  /// and skip tearing it down node by node.
  public static func renderBytes(
    parsing bytes: [UInt8], extensions: MarkdownExtensions, options: Options,
    tree: inout ParsedTree?
  ) -> [UInt8] {
    let source = SourceText.normalize(bytes)
    var parser = BlockParser(
      source, tables: extensions.contains(.tables), taskLists: extensions.contains(.taskLists))
    let root = parser.parse()
    var direct = DirectHTMLWriter(
      writer: HTMLWriter(options: options, capacity: source.count + source.count / 4),
      references: parser.references, extensions: extensions)
    direct.blocks(root.children, tight: false)
    tree = ParsedTree(root: root)
    return direct.writer.out
  }

  /// A parsed block tree, opaque: only kept or let go (see `renderBytes(parsing:...tree:)`).
  /// Nothing reads or changes it after parsing, so it may be kept from any thread.
  public final class ParsedTree: @unchecked Sendable {
    let root: BlockNode

    init(root: BlockNode) {
      self.root = root
    }
  }
}
