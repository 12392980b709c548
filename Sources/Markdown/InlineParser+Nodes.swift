/// Arena operations: appending, unlinking and wrapping sibling runs under the root.
extension InlineParser {
  /// Appends `node` as the last child of the root; returns its index.
  @discardableResult
  mutating func append(_ node: InlineNode) -> Int {
    let index = nodes.count
    var node = node
    let last = nodes[0].lastChild
    node.prev = last
    nodes.append(node)
    if last >= 0 { nodes[last].next = index } else { nodes[0].firstChild = index }
    nodes[0].lastChild = index
    return index
  }

  /// Appends a text node for `s[from..<to]`.
  @discardableResult
  mutating func appendText(_ from: Int, _ to: Int, sourceOffset: Int? = nil) -> Int {
    append(InlineNode(.text, start: from, end: to, sourceOffset: sourceOffset ?? from))
  }

  /// Appends a text node whose bytes are not in the subject.
  @discardableResult
  mutating func appendBufferText(_ bytes: [UInt8], sourceOffset: Int) -> Int {
    let start = buffer.count
    buffer.append(contentsOf: bytes)
    return append(
      InlineNode(.text, start: start, end: buffer.count, inBuffer: true, sourceOffset: sourceOffset)
    )
  }

  /// Removes a root-level node from the sibling list.
  mutating func unlink(_ index: Int) {
    let prev = nodes[index].prev
    let next = nodes[index].next
    if prev >= 0 { nodes[prev].next = next } else { nodes[0].firstChild = next }
    if next >= 0 { nodes[next].prev = prev } else { nodes[0].lastChild = prev }
    nodes[index].prev = -1
    nodes[index].next = -1
  }

  /// Creates `kind` holding the root-level siblings strictly between `after` and `before`
  /// (`before == -1` means up to the last child), inserted right after `after`.
  mutating func wrap(_ kind: InlineNode.Kind, after: Int, before: Int, sourceOffset: Int) -> Int {
    let wrapper = nodes.count
    nodes.append(InlineNode(kind, sourceOffset: sourceOffset))
    let first = nodes[after].next
    let last = before >= 0 ? nodes[before].prev : nodes[0].lastChild
    if first >= 0 && first != before && last != after {
      nodes[wrapper].firstChild = first
      nodes[wrapper].lastChild = last
      nodes[first].prev = -1
      nodes[last].next = -1
    }
    nodes[after].next = wrapper
    nodes[wrapper].prev = after
    nodes[wrapper].next = before
    if before >= 0 { nodes[before].prev = wrapper } else { nodes[0].lastChild = wrapper }
    return wrapper
  }

  mutating func pushBracket(node: Int, isImage: Bool, textStart: Int) {
    if !brackets.isEmpty { brackets[brackets.count - 1].bracketAfter = true }
    brackets.append(
      Bracket(
        node: node, isImage: isImage, textStart: textStart,
        delimiterBottom: delimiters.count))
  }

  /// Removes a delimiter from the doubly linked delimiter list.
  mutating func removeDelimiter(_ index: Int) {
    let prev = delimiters[index].prev
    let next = delimiters[index].next
    if prev >= 0 { delimiters[prev].next = next }
    if next >= 0 { delimiters[next].prev = prev } else { lastDelimiter = prev }
    delimiters[index].prev = -1
    delimiters[index].next = -1
  }
}
