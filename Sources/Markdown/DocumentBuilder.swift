/// Turns the finished block tree into `Block` values, parsing the inline content of each
/// paragraph, heading and table cell once all link reference definitions are known.
struct DocumentBuilder {
  let references: [String: LinkReference]
  let extensions: MarkdownExtensions
  /// One inline parser for every paragraph, heading and cell (its arrays' storage is reused).
  let spare = SpareParser()

  /// Holds the inline parser between uses; a class, so the builder's methods stay non-mutating.
  final class SpareParser {
    var parser: InlineParser?
  }

  init(references: [String: LinkReference], extensions: MarkdownExtensions) {
    self.references = references
    self.extensions = extensions
    spare.parser = InlineParser(
      [], references: references, strikethrough: extensions.contains(.strikethrough),
      autolinks: extensions.contains(.autolinks))
  }

  func blocks(_ nodes: [BlockNode]) -> [Block] {
    var out: [Block] = []
    out.reserveCapacity(nodes.count)
    for node in nodes {
      if let block = block(node) { out.append(block) }
    }
    return out
  }

  func inlines(_ content: [UInt8], _ origins: [BlockNode.LineOrigin]) -> [Inline] {
    InlineBuilder.inlines(
      content, origins: origins, references: references, extensions: extensions, spare: spare)
  }

  func block(_ node: BlockNode) -> Block? {
    let at = SourcePosition(line: node.line, column: node.column)
    switch node.kind {
    case .document:
      return nil
    case .paragraph:
      return Block(.paragraph(inlines(node.content, node.origins)), at: at)
    case .heading:
      return Block(
        .heading(level: node.level, content: inlines(node.content, node.origins)), at: at)
    case .thematicBreak:
      return Block(.thematicBreak, at: at)
    case .blockQuote:
      return Block(.blockQuote(blocks(node.children)), at: at)
    case .codeBlock:
      let info = node.fenced ? Unescape.string(node.info[...]) : ""
      let literal = String(decoding: node.content, as: UTF8.self)
      return Block(.codeBlock(info: info, literal: literal, fenced: node.fenced), at: at)
    case .htmlBlock:
      return Block(.htmlBlock(String(decoding: node.content, as: UTF8.self)), at: at)
    case .list:
      let delimiter = Character(Unicode.Scalar(node.bulletChar))
      let info = ListInfo(
        ordered: node.ordered, start: node.listStart, tight: node.tight, delimiter: delimiter)
      return Block(.list(info, items: node.children.map(item)), at: at)
    case .item:
      return nil
    case .table:
      var header: [[Inline]] = []
      var rows: [[[Inline]]] = []
      for (index, row) in node.rows.enumerated() {
        let cells = row.map { inlines($0.content, [$0.origin]) }
        if index == 0 { header = cells } else { rows.append(cells) }
      }
      return Block(.table(alignments: node.alignments, header: header, rows: rows), at: at)
    }
  }

  /// A list item; its task marker was recognised by the block parser.
  func item(_ node: BlockNode) -> ListItem {
    let at = SourcePosition(line: node.line, column: node.column)
    return ListItem(blocks: blocks(node.children), task: node.task, position: at)
  }
}
