/// Turns the inline arena into `Inline` values: merges adjacent text, finds GitHub extended
/// autolinks in text outside links, and flattens formatting nested deeper than `maxDepth`
/// so that no later recursion (rendering, comparing, freeing) can exhaust the stack.
struct InlineBuilder {
  static let maxDepth = 100

  var parser: InlineParser
  let origins: [BlockNode.LineOrigin]
  let autolinks: Bool

  /// Parses `content` and builds its inlines.
  static func inlines(
    _ content: [UInt8], origins: [BlockNode.LineOrigin], references: [String: LinkReference],
    extensions: MarkdownExtensions, spare: DocumentBuilder.SpareParser? = nil
  ) -> [Inline] {
    var builder = InlineBuilder(
      parser: InlineParser.placeholder, origins: origins,
      autolinks: extensions.contains(.autolinks))
    let borrowed = spare?.parser != nil
    if let spare, borrowed {
      // Borrowed from the document's builder and given back: its storage is reused, and
      // swapping moves it without copying (a copy would share, then duplicate, its arrays).
      swap(&builder.parser, &spare.parser!)
      builder.parser.reset(content)
    } else {
      builder.parser = InlineParser(
        content, references: references, strikethrough: extensions.contains(.strikethrough),
        autolinks: extensions.contains(.autolinks))
    }
    builder.parser.parse()
    var out: [Inline] = []
    var pending = PendingText()
    builder.build(children: 0, depth: 0, inLink: false, pending: &pending, into: &out)
    if let spare, borrowed { swap(&builder.parser, &spare.parser!) }
    return out
  }

  /// Text nodes waiting to be merged into one `Inline`.
  struct PendingText {
    var first = -1
    var count = 0
    var bytes: [UInt8] = []
    var pieces: [(textOffset: Int, sourceOffset: Int)] = []
  }

  func position(_ offset: Int) -> SourcePosition {
    guard !origins.isEmpty else { return SourcePosition(line: 1, column: 1) }
    var low = 0
    var high = origins.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if origins[mid].contentOffset <= offset { low = mid } else { high = mid - 1 }
    }
    let origin = origins[low]
    return SourcePosition(line: origin.line, column: origin.column + offset - origin.contentOffset)
  }

  /// The leaves under `parent` in order, ignoring every container (iterative).
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
      if node.firstChild >= 0 || isContainer(node.kind) {
        stack.append(node.next)
        current = node.firstChild
      } else {
        result.append(current)
        current = node.next
      }
    }
    return result
  }

  func isContainer(_ kind: InlineNode.Kind) -> Bool {
    switch kind {
    case .emphasis, .strong, .strikethrough, .link, .image, .root: return true
    default: return false
    }
  }

  func literal(_ node: InlineNode) -> ArraySlice<UInt8> {
    node.inBuffer ? parser.buffer[node.start..<node.end] : parser.s[node.start..<node.end]
  }

  /// Builds the children of node `parent`.
  func build(
    children parent: Int, depth: Int, inLink: Bool, pending: inout PendingText,
    into out: inout [Inline]
  ) {
    var index = parser.nodes[parent].firstChild
    while index >= 0 {
      add(index, depth: depth, inLink: inLink, pending: &pending, into: &out)
      index = parser.nodes[index].next
    }
    flush(&pending, inLink: inLink, into: &out)
  }

  func add(
    _ index: Int, depth: Int, inLink: Bool, pending: inout PendingText, into out: inout [Inline]
  ) {
    let node = parser.nodes[index]
    if node.kind == .text {
      guard node.end > node.start else { return }
      if pending.count == 0 {
        pending.first = index
      } else {
        if pending.count == 1 { collect(pending.first, into: &pending) }
        collect(index, into: &pending)
      }
      pending.count += 1
      return
    }
    flush(&pending, inLink: inLink, into: &out)
    let at = position(node.sourceOffset)
    switch node.kind {
    case .softBreak: out.append(Inline(.softBreak, at: at))
    case .hardBreak: out.append(Inline(.hardBreak, at: at))
    case .code: out.append(Inline(.code(String(decoding: literal(node), as: UTF8.self)), at: at))
    case .html: out.append(Inline(.html(String(decoding: literal(node), as: UTF8.self)), at: at))
    case .emphasis, .strong, .strikethrough, .link, .image:
      if depth >= Self.maxDepth {
        for leaf in leaves(of: index) {
          add(leaf, depth: depth, inLink: true, pending: &pending, into: &out)
        }
        return
      }
      let isLink = node.kind == .link || node.kind == .image
      var inner: [Inline] = []
      var innerPending = PendingText()
      build(
        children: index, depth: depth + 1, inLink: inLink || isLink, pending: &innerPending,
        into: &inner)
      out.append(Inline(container(node, inner), at: at))
    case .text, .root:
      break
    }
  }

  func collect(_ index: Int, into pending: inout PendingText) {
    let node = parser.nodes[index]
    pending.pieces.append((pending.bytes.count, node.sourceOffset))
    pending.bytes.append(contentsOf: literal(node))
  }

  func container(_ node: InlineNode, _ inner: [Inline]) -> InlineKind {
    switch node.kind {
    case .emphasis: return .emphasis(inner)
    case .strong: return .strong(inner)
    case .strikethrough: return .strikethrough(inner)
    default:
      let target =
        node.target >= 0
        ? parser.targets[node.target] : LinkTarget(destination: "", title: "", isAutolink: false)
      if node.kind == .image {
        return .image(source: target.destination, title: target.title, alt: inner)
      }
      return .link(
        destination: target.destination, title: target.title, children: inner,
        isAutolink: target.isAutolink)
    }
  }
}
