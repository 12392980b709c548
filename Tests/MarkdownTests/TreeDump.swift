import Markdown

/// A compact, indented dump of a parsed tree with every node's position, for tree tests.
enum TreeDump {
  static func dump(_ document: Document) -> String {
    var lines: [String] = []
    for block in document.blocks { dump(block, depth: 0, into: &lines) }
    return lines.joined(separator: "\n")
  }

  static func dump(_ block: Block, depth: Int, into lines: inout [String]) {
    let pad = String(repeating: "  ", count: depth)
    let at = "@\(block.position)"
    switch block.kind {
    case .paragraph(let inlines):
      lines.append("\(pad)paragraph \(at)")
      for inline in inlines { dump(inline, depth: depth + 1, into: &lines) }
    case .heading(let level, let inlines):
      lines.append("\(pad)heading \(level) \(at)")
      for inline in inlines { dump(inline, depth: depth + 1, into: &lines) }
    case .thematicBreak:
      lines.append("\(pad)thematicBreak \(at)")
    case .blockQuote(let blocks):
      lines.append("\(pad)blockQuote \(at)")
      for child in blocks { dump(child, depth: depth + 1, into: &lines) }
    case .list(let info, let items):
      let kind = info.ordered ? "ordered \(info.start)" : "bullet"
      lines.append("\(pad)list \(kind) \(info.delimiter) tight=\(info.tight) \(at)")
      for item in items {
        let task = item.task.map { " task=\($0)" } ?? ""
        lines.append("\(pad)  item\(task) @\(item.position)")
        for child in item.blocks { dump(child, depth: depth + 2, into: &lines) }
      }
    case .codeBlock(let info, let literal, let fenced):
      lines.append("\(pad)codeBlock fenced=\(fenced) info=\(info.debugDescription) \(at)")
      lines.append("\(pad)  \(literal.debugDescription)")
    case .htmlBlock(let html):
      lines.append("\(pad)htmlBlock \(html.debugDescription) \(at)")
    case .table(let alignments, let header, let rows):
      lines.append("\(pad)table \(alignments.map { "\($0)" }.joined(separator: ",")) \(at)")
      for (index, row) in ([header] + rows).enumerated() {
        lines.append("\(pad)  \(index == 0 ? "header" : "row")")
        for cell in row {
          lines.append("\(pad)    cell")
          for inline in cell { dump(inline, depth: depth + 3, into: &lines) }
        }
      }
    }
  }

  static func dump(_ inline: Inline, depth: Int, into lines: inout [String]) {
    let pad = String(repeating: "  ", count: depth)
    let at = "@\(inline.position)"
    func children(_ name: String, _ inlines: [Inline]) {
      lines.append("\(pad)\(name) \(at)")
      for child in inlines { dump(child, depth: depth + 1, into: &lines) }
    }
    switch inline.kind {
    case .text(let text): lines.append("\(pad)text \(text.debugDescription) \(at)")
    case .softBreak: lines.append("\(pad)softBreak \(at)")
    case .hardBreak: lines.append("\(pad)hardBreak \(at)")
    case .code(let code): lines.append("\(pad)code \(code.debugDescription) \(at)")
    case .html(let html): lines.append("\(pad)html \(html.debugDescription) \(at)")
    case .emphasis(let inner): children("emphasis", inner)
    case .strong(let inner): children("strong", inner)
    case .strikethrough(let inner): children("strikethrough", inner)
    case .link(let destination, let title, let inner, let isAutolink):
      children(
        "link \(destination.debugDescription) title=\(title.debugDescription)"
          + (isAutolink ? " autolink" : ""), inner)
    case .image(let source, let title, let alt):
      children("image \(source.debugDescription) title=\(title.debugDescription)", alt)
    }
  }

  /// Counts blocks, list items and inlines, without recursion limits mattering to callers.
  static func count(_ document: Document) -> Int {
    var total = 0
    var blocks = document.blocks
    var inlines: [Inline] = []
    while let block = blocks.popLast() {
      total += 1
      switch block.kind {
      case .paragraph(let content), .heading(_, let content): inlines += content
      case .blockQuote(let children): blocks += children
      case .list(_, let items):
        total += items.count
        for item in items { blocks += item.blocks }
      case .table(_, let header, let rows):
        for cell in header { inlines += cell }
        for row in rows { for cell in row { inlines += cell } }
      case .thematicBreak, .codeBlock, .htmlBlock: break
      }
    }
    while let inline = inlines.popLast() {
      total += 1
      switch inline.kind {
      case .emphasis(let inner), .strong(let inner), .strikethrough(let inner): inlines += inner
      case .link(_, _, let inner, _): inlines += inner
      case .image(_, _, let alt): inlines += alt
      default: break
      }
    }
    return total
  }
}
