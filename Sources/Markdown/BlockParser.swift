/// The first phase of parsing: splits the input into lines and builds the block structure.
///
/// This follows the CommonMark reference algorithm: for each line, match the open container
/// blocks, open any new blocks the line starts, then add the rest of the line as text.
struct BlockParser {
  /// Most open blocks (the document plus 100 nested containers); deeper markers are text.
  /// Keeps every recursive walk of the tree (building, rendering, freeing) shallow.
  static let maxNesting = 101

  let src: [UInt8]
  let tablesEnabled: Bool
  var open: [BlockNode]
  var references: [String: LinkReference] = [:]
  var lineNumber = 0

  // State of the current line (offsets are indexes into `src`).
  var lineStart = 0
  var lineEnd = 0
  var offset = 0
  var column = 0
  var firstNonspace = 0
  var firstNonspaceColumn = 0
  var indent = 0
  var blank = false
  var partiallyConsumedTab = false
  var thematicBreakKillPos = 0
  var lastMatched = 0

  init(_ src: [UInt8], tables: Bool) {
    self.src = src
    tablesEnabled = tables
    open = [BlockNode(.document, line: 1, column: 1)]
  }

  /// Parses every line and returns the root, with all blocks closed.
  mutating func parse() -> BlockNode {
    var start = 0
    let count = src.count
    while start < count {
      var end = start
      while end < count && src[end] != ByteClass.newline && src[end] != ByteClass.carriageReturn {
        end += 1
      }
      processLine(start: start, end: end)
      if end < count && src[end] == ByteClass.carriageReturn && end + 1 < count
        && src[end + 1] == ByteClass.newline
      {
        start = end + 2
      } else {
        start = end + 1
      }
    }
    while open.count > 1 { finalizeTip() }
    return open[0]
  }

  /// The byte at `index`, or a newline past the end of the line.
  @inline(__always) func peek(_ index: Int) -> UInt8 {
    index < lineEnd ? src[index] : ByteClass.newline
  }

  /// Current source column (1-based, in bytes) of `index`.
  @inline(__always) func sourceColumn(_ index: Int) -> Int { index - lineStart + 1 }

  mutating func findFirstNonspace() {
    var position = offset
    var visualColumn = column
    var charsToTab = 4 - (column % 4)
    if firstNonspace <= offset {
      while position < lineEnd {
        let c = src[position]
        if c == ByteClass.space {
          position += 1
          visualColumn += 1
          charsToTab -= 1
          if charsToTab == 0 { charsToTab = 4 }
        } else if c == ByteClass.tab {
          position += 1
          visualColumn += charsToTab
          charsToTab = 4
        } else {
          break
        }
      }
      firstNonspace = position
      firstNonspaceColumn = visualColumn
    }
    indent = firstNonspaceColumn - column
    blank = firstNonspace >= lineEnd
  }

  /// Moves `offset` forward by `count` bytes, or by `count` columns when `columns` is set.
  mutating func advanceOffset(_ count: Int, columns: Bool) {
    var remaining = count
    while remaining > 0 && offset < lineEnd {
      if src[offset] == ByteClass.tab {
        let charsToTab = 4 - (column % 4)
        if columns {
          partiallyConsumedTab = charsToTab > remaining
          let advance = min(remaining, charsToTab)
          column += advance
          offset += partiallyConsumedTab ? 0 : 1
          remaining -= advance
        } else {
          partiallyConsumedTab = false
          column += charsToTab
          offset += 1
          remaining -= 1
        }
      } else {
        partiallyConsumedTab = false
        offset += 1
        column += 1
        remaining -= 1
      }
    }
  }

  mutating func processLine(start: Int, end: Int) {
    lineNumber += 1
    lineStart = start
    lineEnd = end
    offset = start
    column = 0
    firstNonspace = start
    firstNonspaceColumn = 0
    indent = 0
    blank = false
    partiallyConsumedTab = false
    thematicBreakKillPos = 0

    guard let matched = matchOpenBlocks() else { return }
    lastMatched = matched
    let allMatched = matched == open.count - 1
    let (container, openedNew, consumed) = openNewBlocks(allMatched: allMatched)
    addText(to: container, openedNew: openedNew, consumed: consumed)
  }

  /// Step 1: the index in `open` of the deepest block the line continues, or nil when the
  /// line was used up (a closing code fence).
  mutating func matchOpenBlocks() -> Int? {
    var matched = 0
    var index = 1
    while index < open.count {
      let node = open[index]
      findFirstNonspace()
      var ok = true
      switch node.kind {
      case .blockQuote:
        ok = indent <= 3 && peek(firstNonspace) == UInt8(ascii: ">")
        if ok {
          advanceOffset(firstNonspace + 1 - offset, columns: true)
          if ByteClass.isSpaceOrTab(peek(offset)) { advanceOffset(1, columns: true) }
        }
      case .item:
        if indent >= node.markerOffset + node.padding {
          advanceOffset(node.markerOffset + node.padding, columns: true)
        } else if blank && !node.children.isEmpty {
          advanceOffset(firstNonspace - offset, columns: false)
        } else {
          ok = false
        }
      case .codeBlock:
        if node.fenced {
          if indent <= 3 && isClosingFence(of: node) {
            finalizeTip()
            return nil
          }
          var skip = node.fenceOffset
          while skip > 0 && ByteClass.isSpaceOrTab(peek(offset)) {
            advanceOffset(1, columns: true)
            skip -= 1
          }
        } else if indent >= 4 {
          advanceOffset(4, columns: true)
        } else if blank {
          advanceOffset(firstNonspace - offset, columns: false)
        } else {
          ok = false
        }
      case .htmlBlock:
        ok = node.htmlType <= 5 || !blank
      case .paragraph, .table:
        ok = !blank
      case .heading, .thematicBreak:
        ok = false
      case .list, .document:
        ok = true
      }
      if !ok { break }
      matched = index
      index += 1
    }
    return matched
  }

  /// Closes the blocks the current line did not continue.
  mutating func closeUnmatched() {
    while open.count - 1 > lastMatched { finalizeTip() }
  }

  /// Opens a block of `kind` at `column` under the deepest block that can hold it.
  @discardableResult
  mutating func addChild(_ kind: BlockNode.Kind, column: Int) -> BlockNode {
    closeUnmatched()
    while let tip = open.last, !tip.canContain(kind), open.count > 1 { finalizeTip() }
    let node = BlockNode(kind, line: lineNumber, column: column)
    open[open.count - 1].children.append(node)
    open.append(node)
    lastMatched = open.count - 1
    return node
  }
}
