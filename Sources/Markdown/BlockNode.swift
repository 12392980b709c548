/// A mutable block used while parsing; turned into a `Block` value when the document is done.
final class BlockNode {
  enum Kind: UInt8 {
    case document, blockQuote, list, item, paragraph, heading, thematicBreak
    case codeBlock, htmlBlock, table
  }

  /// Where a line of paragraph content came from, to give inlines a source position.
  struct LineOrigin {
    /// Offset of the line's first byte in `content`.
    var contentOffset: Int
    /// 1-based source line.
    var line: Int
    /// 1-based source column (in bytes) of the line's first content byte.
    var column: Int
  }

  var kind: Kind
  var children: [BlockNode] = []
  var isOpen = true
  var lastLineBlank = false
  let line: Int
  let column: Int
  var content: [UInt8] = []
  var origins: [LineOrigin] = []

  // Lists and items.
  var ordered = false
  var bulletChar: UInt8 = 0
  var listStart = 1
  var markerOffset = 0
  var padding = 0
  var tight = true
  var task: ListItem.Task?

  // Headings.
  var level = 0

  // Code blocks.
  var fenced = false
  var fenceChar: UInt8 = 0
  var fenceLength = 0
  var fenceOffset = 0
  var info: [UInt8] = []

  // HTML blocks.
  var htmlType = 0

  // Tables: each row is a list of cells, each cell its content bytes and origin.
  var alignments: [TableAlignment] = []
  var rows: [[TableCell]] = []

  /// One table cell before inline parsing.
  struct TableCell {
    var content: [UInt8]
    var origin: LineOrigin
  }

  init(_ kind: Kind, line: Int, column: Int) {
    self.kind = kind
    self.line = line
    self.column = column
  }

  var lastChild: BlockNode? { children.last }

  /// Whether a block of `kind` may be a child of this block.
  func canContain(_ child: Kind) -> Bool {
    switch kind {
    case .document, .blockQuote, .item: return child != .item
    case .list: return child == .item
    default: return false
    }
  }

  /// Whether text lines are added to this block (rather than opening a paragraph).
  var acceptsLines: Bool {
    kind == .paragraph || kind == .codeBlock || kind == .htmlBlock || kind == .table
  }

  /// Appends a line of text with its origin.
  func addLine(_ bytes: ArraySlice<UInt8>, line: Int, column: Int, leadingSpaces: Int = 0) {
    origins.append(LineOrigin(contentOffset: content.count, line: line, column: column))
    for _ in 0..<leadingSpaces { content.append(ByteClass.space) }
    content.append(contentsOf: bytes)
    content.append(ByteClass.newline)
  }

  /// Whether this block, or its last descendant list or item, ends with a blank line.
  var endsWithBlankLine: Bool {
    var current: BlockNode? = self
    while let node = current {
      if node.lastLineBlank { return true }
      if node.kind == .list || node.kind == .item {
        current = node.lastChild
      } else {
        current = nil
      }
    }
    return false
  }
}
