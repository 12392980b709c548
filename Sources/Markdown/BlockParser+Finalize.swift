extension BlockParser {
  /// Closes the innermost open block and does its end-of-block work.
  mutating func finalizeTip() {
    guard open.count > 1 else { return }
    let node = open.removeLast()
    node.isOpen = false
    switch node.kind {
    case .paragraph:
      if !resolveReferenceDefinitions(in: node) {
        let parent = open[open.count - 1]
        if parent.children.last === node { parent.children.removeLast() }
      }
    case .codeBlock:
      if !node.fenced { removeTrailingBlankLines(node) }
    case .list:
      node.tight = isTight(node)
    default:
      break
    }
    if lastMatched >= open.count { lastMatched = open.count - 1 }
  }

  private func removeTrailingBlankLines(_ node: BlockNode) {
    var index = node.content.count - 1
    while index >= 0 {
      let c = node.content[index]
      if !ByteClass.isSpaceOrTab(c) && !ByteClass.isLineEnd(c) { break }
      index -= 1
    }
    if index < 0 {
      node.content = []
      return
    }
    while index < node.content.count && node.content[index] != ByteClass.newline { index += 1 }
    node.content.removeSubrange(index...)
    node.content.append(ByteClass.newline)
  }

  private func isTight(_ list: BlockNode) -> Bool {
    for (itemIndex, item) in list.children.enumerated() {
      let hasNextItem = itemIndex + 1 < list.children.count
      if item.lastLineBlank && hasNextItem { return false }
      for (childIndex, child) in item.children.enumerated() {
        let hasNext = hasNextItem || childIndex + 1 < item.children.count
        if hasNext && child.endsWithBlankLine { return false }
      }
    }
    return true
  }

  /// Removes link reference definitions from the start of a paragraph, recording them.
  /// Returns whether the paragraph still has content.
  mutating func resolveReferenceDefinitions(in node: BlockNode) -> Bool {
    var position = 0
    let content = node.content
    while position < content.count && content[position] == UInt8(ascii: "[") {
      guard let definition = LinkScanner.referenceDefinition(content, at: position) else { break }
      if references[definition.label] == nil {
        references[definition.label] = definition.reference
      }
      position = definition.next
    }
    if position > 0 {
      node.content.removeSubrange(0..<position)
      var origins: [BlockNode.LineOrigin] = []
      for origin in node.origins where origin.contentOffset >= position {
        var shifted = origin
        shifted.contentOffset -= position
        origins.append(shifted)
      }
      node.origins = origins
    }
    for byte in node.content where !ByteClass.isWhitespace(byte) { return true }
    return false
  }
}
