import Markdown

extension TerminalRenderer {
  /// A table drawn with box characters; cells wrap when the table is too wide, and a table that
  /// cannot fit even then is stacked as `header: value` records.
  func table(
    alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]], _ context: RenderContext
  ) -> [String] {
    let columns = max(alignments.count, header.count)
    guard columns > 0 else { return [] }
    let headerCells = cells(header, columns: columns, base: [.bold])
    let bodyCells = rows.map { cells($0, columns: columns, base: []) }
    var natural = Array(repeating: 0, count: columns)
    var longestWord = Array(repeating: 0, count: columns)
    for row in [headerCells] + bodyCells {
      for (column, cell) in row.enumerated() {
        for line in cell.split(separator: "\n", omittingEmptySubsequences: false) {
          natural[column] = max(natural[column], DisplayWidth.of(String(line)))
          for word in line.split(separator: " ") {
            longestWord[column] = max(longestWord[column], DisplayWidth.of(String(word)))
          }
        }
      }
    }
    guard
      let widths = TableLayout.columnWidths(
        natural: natural, longestWord: longestWord, available: context.tableWidth)
    else {
      return stackedTable(header: headerCells, rows: bodyCells, context)
    }
    let aligns = (0..<columns).map { column -> DisplayWidth.Alignment in
      switch column < alignments.count ? alignments[column] : .none {
      case .center: .center
      case .right: .right
      case .left, .none: .left
      }
    }
    let wrappedBody = bodyCells.map { wrapRow($0, widths: widths) }
    let separated = wrappedBody.contains { row in row.contains { $0.count > 1 } }
    var lines = [border(widths, 0)]
    lines += rowLines(wrapRow(headerCells, widths: widths), widths: widths, aligns: aligns)
    if !bodyCells.isEmpty { lines.append(border(widths, 3)) }
    for (index, row) in wrappedBody.enumerated() {
      if separated && index > 0 { lines.append(border(widths, 3)) }
      lines += rowLines(row, widths: widths, aligns: aligns)
    }
    lines.append(border(widths, 6))
    return lines
  }

  /// One styled string per column, padded with empty cells or cut to `columns`.
  private func cells(_ row: [[Inline]], columns: Int, base: [ANSIStyle]) -> [String] {
    (0..<columns).map { column in
      column < row.count ? inlineText(row[column], base: base) : ""
    }
  }

  private func wrapRow(_ row: [String], widths: [Int]) -> [[String]] {
    zip(row, widths).map { WordWrapper.wrap($0, width: $1) }
  }

  private func rowLines(
    _ row: [[String]], widths: [Int], aligns: [DisplayWidth.Alignment]
  ) -> [String] {
    let height = row.map(\.count).max() ?? 1
    let bar = style(glyphs.boxVertical, [.dim])
    return (0..<height).map { lineIndex in
      var line = bar
      for (column, cellLines) in row.enumerated() {
        let text = lineIndex < cellLines.count ? cellLines[lineIndex] : ""
        line += " " + DisplayWidth.padded(text, to: widths[column], alignment: aligns[column])
        line += " " + bar
      }
      return line
    }
  }

  /// A horizontal border; `joint` picks the row of `boxJoints` (0 top, 3 middle, 6 bottom).
  private func border(_ widths: [Int], _ joint: Int) -> String {
    let joints = glyphs.boxJoints
    let segments = widths.map { glyphs.line($0 + 2) }
    let text = joints[joint] + segments.joined(separator: joints[joint + 1]) + joints[joint + 2]
    return style(text, [.dim])
  }

  /// The fallback for very narrow terminals: each row as `header: value` lines.
  private func stackedTable(header: [String], rows: [[String]], _ context: RenderContext)
    -> [String]
  {
    var lines: [String] = []
    for row in rows {
      if !lines.isEmpty { lines.append(style(glyphs.line(min(context.width, 8)), [.dim])) }
      for (name, value) in zip(header, row) {
        lines += WordWrapper.wrap(
          name + ": " + value, width: context.width, hangingIndent: 2, breakingLongWords: false)
      }
    }
    return lines.isEmpty
      ? WordWrapper.wrap(header.joined(separator: " "), width: context.width)
      : lines
  }
}
