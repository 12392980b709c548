/// Turns the inline arena into `Inline` values: merges adjacent text, finds GitHub extended
/// autolinks in text outside links, and flattens formatting nested deeper than `maxDepth`
/// so that no later recursion (rendering, comparing, freeing) can exhaust the stack.
struct InlineBuilder {
  static let maxDepth = 100

  let parser: InlineParser
  let origins: [BlockNode.LineOrigin]
  let autolinks: Bool

  /// Parses `content` and builds its inlines.
  static func inlines(
    _ content: [UInt8], origins: [BlockNode.LineOrigin], references: [String: LinkReference],
    extensions: MarkdownExtensions
  ) -> [Inline] {
    var parser = InlineParser(
      content, references: references, strikethrough: extensions.contains(.strikethrough))
    parser.parse()
    let builder = InlineBuilder(
      parser: parser, origins: origins, autolinks: extensions.contains(.autolinks))
    var out: [Inline] = []
    builder.build(builder.siblings(of: 0), depth: 0, inLink: false, into: &out)
    return out
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

  func siblings(of parent: Int) -> [Int] {
    var result: [Int] = []
    var child = parser.nodes[parent].firstChild
    while child >= 0 {
      result.append(child)
      child = parser.nodes[child].next
    }
    return result
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

  func build(_ children: [Int], depth: Int, inLink: Bool, into out: inout [Inline]) {
    var text: [UInt8] = []
    var pieces: [(textOffset: Int, sourceOffset: Int)] = []
    for index in children {
      let node = parser.nodes[index]
      if node.kind == .text {
        if node.end > node.start {
          pieces.append((text.count, node.sourceOffset))
          text.append(contentsOf: literal(node))
        }
        continue
      }
      flush(&text, &pieces, inLink: inLink, into: &out)
      let at = position(node.sourceOffset)
      switch node.kind {
      case .softBreak: out.append(Inline(.softBreak, at: at))
      case .hardBreak: out.append(Inline(.hardBreak, at: at))
      case .code: out.append(Inline(.code(String(decoding: literal(node), as: UTF8.self)), at: at))
      case .html: out.append(Inline(.html(String(decoding: literal(node), as: UTF8.self)), at: at))
      case .emphasis, .strong, .strikethrough, .link, .image:
        if depth >= Self.maxDepth {
          build(leaves(of: index), depth: depth, inLink: true, into: &out)
          continue
        }
        let isLink = node.kind == .link || node.kind == .image
        var inner: [Inline] = []
        build(siblings(of: index), depth: depth + 1, inLink: inLink || isLink, into: &inner)
        out.append(Inline(container(node, inner), at: at))
      case .text, .root:
        break
      }
    }
    flush(&text, &pieces, inLink: inLink, into: &out)
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

  func flush(
    _ text: inout [UInt8], _ pieces: inout [(textOffset: Int, sourceOffset: Int)], inLink: Bool,
    into out: inout [Inline]
  ) {
    guard !text.isEmpty else { return }
    func sourcePosition(_ textOffset: Int) -> SourcePosition {
      var piece = pieces[0]
      for candidate in pieces where candidate.textOffset <= textOffset { piece = candidate }
      return position(piece.sourceOffset + textOffset - piece.textOffset)
    }
    let matches = inLink || !autolinks ? [] : ExtendedAutolink.find(in: text)
    var start = 0
    for match in matches {
      if match.range.lowerBound > start {
        let piece = String(decoding: text[start..<match.range.lowerBound], as: UTF8.self)
        out.append(Inline(.text(piece), at: sourcePosition(start)))
      }
      let at = sourcePosition(match.range.lowerBound)
      let label = String(decoding: text[match.range], as: UTF8.self)
      out.append(
        Inline(
          .link(
            destination: match.destination, title: "", children: [Inline(.text(label), at: at)],
            isAutolink: true), at: at))
      start = match.range.upperBound
    }
    if start < text.count {
      out.append(
        Inline(.text(String(decoding: text[start...], as: UTF8.self)), at: sourcePosition(start)))
    }
    text.removeAll(keepingCapacity: true)
    pieces.removeAll(keepingCapacity: true)
  }
}
