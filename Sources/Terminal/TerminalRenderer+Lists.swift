import Markdown

extension TerminalRenderer {
  /// A list with hanging indents: continuation lines align with the item's text.
  func list(_ info: ListInfo, items: [ListItem], _ context: RenderContext, _ out: TerminalWriter) {
    // A bullet list without task items has one marker for all its items: made once.
    let shared =
      info.ordered || items.contains { $0.task != nil }
      ? nil : marker(info, number: info.start, task: nil, depth: context.listDepth)
    let markers = items.enumerated().map { index, item in
      shared
        ?? marker(info, number: info.start &+ index, task: item.task, depth: context.listDepth)
    }
    let widths = markers.map { DisplayWidth.of($0.plain) }
    let markerWidth = widths.max() ?? 0
    let indent = markerWidth + 1
    // Too deep to indent further: each marker stands on its own line above its content.
    let flat = !context.canIndent(by: indent)
    var inner = flat ? context : context.narrowed(by: indent)
    inner.listDepth += info.ordered ? 0 : 1
    let rest = Self.spaceBytes(indent)
    // Bullets repeat: the first-line prefix is made once per distinct marker in a row.
    var lastMarker = ""
    var first: [UInt8] = []
    for (index, (item, marker)) in zip(items, markers).enumerated() {
      if index > 0 && !info.tight { out.emptyLine() }
      if flat {
        out.line(marker.styled)
        renderBlocks(item.blocks, inner, out, tight: info.tight)
        continue
      }
      if index == 0 || marker.styled != lastMarker {
        let padding = Self.spaces(markerWidth - widths[index])
        let text = (info.ordered ? padding + marker.styled : marker.styled + padding) + " "
        first = Array(text.utf8)
        lastMarker = marker.styled
      }
      out.push(first: first, rest: rest)
      let before = out.lineCount
      renderBlocks(item.blocks, inner, out, tight: info.tight)
      if out.lineCount == before { out.emptyLine() }
      out.pop()
    }
  }

  /// The marker of one item: a bullet or number, or a checkbox for task items.
  private func marker(_ info: ListInfo, number: Int, task: ListItem.Task?, depth: Int)
    -> (plain: String, styled: String)
  {
    var box: (plain: String, styled: String)?
    if let task {
      let glyph = task == .checked ? glyphs.checked : glyphs.unchecked
      box = (glyph, style(glyph, task == .checked ? [.green] : [.cyan]))
    }
    if info.ordered {
      let number = "\(number)\(info.delimiter)"
      let styledNumber = style(number, [.cyan])
      guard let box else { return (number, styledNumber) }
      return (number + " " + box.plain, styledNumber + " " + box.styled)
    }
    if let box { return box }
    let bullet = glyphs.bullet(depth: depth)
    return (bullet, style(bullet, [.cyan]))
  }
}
