/// GitHub tables: a header row, a delimiter row, then body rows until a blank line.
extension BlockParser {
  /// Opens a table when the current line is a delimiter row matching the paragraph's last
  /// line; earlier paragraph lines stay a paragraph.
  mutating func tableStart(paragraph: BlockNode) -> BlockNode? {
    guard let alignments = delimiterRow(), let last = paragraph.origins.last else { return nil }
    var headerEnd = paragraph.content.count
    if headerEnd > last.contentOffset && paragraph.content[headerEnd - 1] == ByteClass.newline {
      headerEnd -= 1
    }
    let header = Self.splitRow(
      paragraph.content, from: last.contentOffset, to: headerEnd, origin: last)
    guard header.count == alignments.count else { return nil }
    if paragraph.origins.count > 1 {
      paragraph.content.removeSubrange(last.contentOffset...)
      paragraph.origins.removeLast()
    } else {
      paragraph.content = []
      paragraph.origins = []
    }
    finalizeTip()
    lastMatched = open.count - 1
    let table = BlockNode(.table, line: last.line, column: last.column)
    table.alignments = alignments
    table.rows = [header]
    open[open.count - 1].children.append(table)
    open.append(table)
    lastMatched = open.count - 1
    return table
  }

  /// Adds the current line as a body row.
  mutating func addTableRow(_ table: BlockNode) {
    let origin = BlockNode.LineOrigin(
      contentOffset: firstNonspace, line: lineNumber, column: sourceColumn(firstNonspace))
    var cells = Self.splitRow(src, from: firstNonspace, to: lineEnd, origin: origin)
    let columns = table.alignments.count
    if cells.count > columns { cells.removeSubrange(columns...) }
    while cells.count < columns {
      cells.append(BlockNode.TableCell(content: [], origin: origin))
    }
    table.rows.append(cells)
  }

  /// The alignments of a delimiter row such as `| :-- | :-: |`, if the line is one.
  func delimiterRow() -> [TableAlignment]? {
    var hasDash = false
    for index in firstNonspace..<lineEnd {
      switch src[index] {
      case UInt8(ascii: "-"): hasDash = true
      case UInt8(ascii: "|"), UInt8(ascii: ":"), ByteClass.space, ByteClass.tab: break
      default: return nil
      }
    }
    guard hasDash else { return nil }
    let origin = BlockNode.LineOrigin(contentOffset: firstNonspace, line: 0, column: 0)
    var hasPipe = false
    for index in firstNonspace..<lineEnd where src[index] == UInt8(ascii: "|") {
      hasPipe = true
      break
    }
    let cells = Self.splitRow(src, from: firstNonspace, to: lineEnd, origin: origin)
    guard !cells.isEmpty, hasPipe || cells.count == 1 else { return nil }
    var alignments: [TableAlignment] = []
    for cell in cells {
      let bytes = cell.content
      guard !bytes.isEmpty else { return nil }
      var start = 0
      var end = bytes.count
      let left = bytes[start] == UInt8(ascii: ":")
      if left { start += 1 }
      let right = end > start && bytes[end - 1] == UInt8(ascii: ":")
      if right { end -= 1 }
      guard end > start else { return nil }
      for k in start..<end where bytes[k] != UInt8(ascii: "-") { return nil }
      alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
    }
    return alignments
  }

  /// Splits a row into trimmed cells at unescaped pipes; `\|` becomes `|` in cell text.
  static func splitRow(
    _ bytes: [UInt8], from: Int, to: Int, origin: BlockNode.LineOrigin
  ) -> [BlockNode.TableCell] {
    var index = from
    while index < to && ByteClass.isWhitespace(bytes[index]) { index += 1 }
    if index < to && bytes[index] == UInt8(ascii: "|") { index += 1 }
    var cells: [BlockNode.TableCell] = []
    var cellStart = index
    func cell(_ start: Int, _ end: Int) -> BlockNode.TableCell {
      var s = start
      var e = end
      while s < e && ByteClass.isWhitespace(bytes[s]) { s += 1 }
      while e > s && ByteClass.isWhitespace(bytes[e - 1]) { e -= 1 }
      var content: [UInt8] = []
      content.reserveCapacity(e - s)
      var k = s
      while k < e {
        if bytes[k] == UInt8(ascii: "\\") && k + 1 < e && bytes[k + 1] == UInt8(ascii: "|") {
          k += 1
        }
        content.append(bytes[k])
        k += 1
      }
      var cellOrigin = origin
      cellOrigin.column = origin.column + (s - origin.contentOffset)
      cellOrigin.contentOffset = 0
      return BlockNode.TableCell(content: content, origin: cellOrigin)
    }
    var sawPipe = false
    while index < to {
      let c = bytes[index]
      if c == UInt8(ascii: "\\") && index + 1 < to {
        index += 2
        continue
      }
      if c == UInt8(ascii: "|") {
        cells.append(cell(cellStart, index))
        sawPipe = true
        index += 1
        cellStart = index
        continue
      }
      index += 1
    }
    var tailHasText = false
    for k in cellStart..<max(cellStart, to) where !ByteClass.isWhitespace(bytes[k]) {
      tailHasText = true
      break
    }
    if tailHasText || !sawPipe && cells.isEmpty { cells.append(cell(cellStart, to)) }
    return cells
  }
}
