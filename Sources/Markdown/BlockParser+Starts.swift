extension BlockParser {
  /// Step 2: opens the blocks that start on this line. Returns the innermost container,
  /// whether any block was opened, and whether the rest of the line was used up.
  mutating func openNewBlocks(allMatched: Bool) -> (BlockNode, Bool, Bool) {
    var container = open[lastMatched]
    var maybeLazy = open[open.count - 1].kind == .paragraph
    var openedNew = false
    var consumed = false
    while container.kind != .codeBlock && container.kind != .htmlBlock {
      findFirstNonspace()
      let indented = indent >= 4
      let c = peek(firstNonspace)
      let canNest = lastMatched + 2 <= Self.maxNesting
      if !indented && c == UInt8(ascii: ">") && canNest {
        let quoteColumn = sourceColumn(firstNonspace)
        advanceOffset(firstNonspace + 1 - offset, columns: false)
        if ByteClass.isSpaceOrTab(peek(offset)) { advanceOffset(1, columns: true) }
        container = addChild(.blockQuote, column: quoteColumn)
      } else if !indented && c == UInt8(ascii: "#"), let level = atxLevel() {
        container = addChild(.heading, column: sourceColumn(firstNonspace))
        container.level = level
        setATXContent(container, level: level)
        consumed = true
      } else if !indented && (c == UInt8(ascii: "`") || c == UInt8(ascii: "~")),
        let fence = openingFence()
      {
        container = addChild(.codeBlock, column: sourceColumn(firstNonspace))
        container.fenced = true
        container.fenceChar = c
        container.fenceLength = fence.length
        container.fenceOffset = firstNonspaceColumn - column
        container.info = fence.info
        consumed = true
      } else if !indented && c == UInt8(ascii: "<"),
        let type = HTMLScanner.blockStart(
          src, from: firstNonspace, to: lineEnd, inParagraph: container.kind == .paragraph)
      {
        container = addChild(.htmlBlock, column: sourceColumn(firstNonspace))
        container.htmlType = type
      } else if !indented && container.kind == .paragraph
        && (c == UInt8(ascii: "=") || c == UInt8(ascii: "-")), let level = setextLevel()
      {
        if resolveReferenceDefinitions(in: container) {
          container.kind = .heading
          container.level = level
          consumed = true
          offset = lineEnd
        }
      } else if !indented && !(container.kind == .paragraph && !allMatched)
        && thematicBreakKillPos <= firstNonspace && isThematicBreak()
      {
        container = addChild(.thematicBreak, column: sourceColumn(firstNonspace))
        consumed = true
        offset = lineEnd
      } else if (!indented || container.kind == .list) && indent < 4
        && lastMatched + 3 <= Self.maxNesting,
        let marker = listMarker(interruptsParagraph: container.kind == .paragraph)
      {
        container = openListItem(marker, in: container)
      } else if indented && !maybeLazy && !blank {
        advanceOffset(4, columns: true)
        container = addChild(.codeBlock, column: sourceColumn(offset))
      } else if tablesEnabled && container.kind == .paragraph && !indented,
        let table = tableStart(paragraph: container)
      {
        container = table
        consumed = true
        offset = lineEnd
      } else {
        break
      }
      openedNew = true
      if container.acceptsLines || container.kind == .heading { break }
      maybeLazy = false
    }
    return (container, openedNew, consumed)
  }

  /// Step 3: adds the rest of the line to the right block.
  mutating func addText(to start: BlockNode, openedNew: Bool, consumed: Bool) {
    var container = start
    let tip = open[open.count - 1]
    if !openedNew && tip !== container && !blank && tip.kind == .paragraph {
      addRestOfLine(to: tip)
      return
    }
    closeUnmatched()
    if blank, let last = container.lastChild { last.lastLineBlank = true }
    let kind = container.kind
    container.lastLineBlank =
      blank && kind != .blockQuote && kind != .heading && kind != .thematicBreak
      && !(kind == .codeBlock && container.fenced)
      && !(kind == .item && container.children.isEmpty && container.line == lineNumber)
    if open.count > 1 {
      for index in 0..<(open.count - 1) { open[index].lastLineBlank = false }
    }
    if consumed { return }
    switch kind {
    case .codeBlock:
      addRestOfLine(to: container)
    case .htmlBlock:
      addRestOfLine(to: container)
      if container.htmlType <= 5
        && HTMLScanner.endsBlock(type: container.htmlType, src, from: offset, to: lineEnd)
      {
        finalizeTip()
      }
    case .paragraph:
      addRestOfLine(to: container)
    case .table:
      addTableRow(container)
    default:
      if !blank {
        container = addChild(.paragraph, column: sourceColumn(firstNonspace))
        advanceOffset(firstNonspace - offset, columns: false)
        addRestOfLine(to: container)
      }
    }
  }

  mutating func addRestOfLine(to node: BlockNode) {
    var spaces = 0
    if partiallyConsumedTab {
      offset += 1
      spaces = 4 - (column % 4)
    }
    let from = min(offset, lineEnd)
    node.addLine(
      src[from..<lineEnd], line: lineNumber, column: sourceColumn(from), leadingSpaces: spaces)
  }

  /// Opens a list (unless the container is a matching list) and an item for `marker`.
  mutating func openListItem(_ marker: ListMarker, in start: BlockNode) -> BlockNode {
    var container = start
    let markerColumn = sourceColumn(firstNonspace)
    advanceOffset(firstNonspace + marker.width - offset, columns: false)
    let savedOffset = offset
    let savedColumn = column
    let savedTab = partiallyConsumedTab
    while column - savedColumn <= 5 && ByteClass.isSpaceOrTab(peek(offset)) {
      advanceOffset(1, columns: true)
    }
    let spaces = column - savedColumn
    var padding = marker.width + spaces
    if spaces >= 5 || spaces < 1 || ByteClass.isLineEnd(peek(offset)) {
      padding = marker.width + 1
      offset = savedOffset
      column = savedColumn
      partiallyConsumedTab = savedTab
      if spaces > 0 { advanceOffset(1, columns: true) }
    }
    let matches =
      container.kind == .list && container.ordered == marker.ordered
      && container.bulletChar == marker.char
    if !matches {
      container = addChild(.list, column: markerColumn)
      container.ordered = marker.ordered
      container.bulletChar = marker.char
      container.listStart = marker.start
    }
    let item = addChild(.item, column: markerColumn)
    item.markerOffset = indent
    item.padding = padding
    return item
  }
}
