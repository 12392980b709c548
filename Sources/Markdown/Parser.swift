extension Document {
  /// Parses CommonMark + GFM text. Never fails: any input gives a tree.
  public init(parsing text: String) {
    // Placeholder until the parser lands: every line becomes a paragraph.
    var blocks: [Block] = []
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      if line.isEmpty { continue }
      let position = SourcePosition(line: lineNumber, column: 1)
      blocks.append(Block(.paragraph([Inline(.text(String(line)), at: position)]), at: position))
    }
    self.init(blocks: blocks)
  }

  /// Parses raw bytes; invalid UTF-8 is replaced with U+FFFD.
  public init(parsing bytes: [UInt8]) {
    self.init(parsing: String(decoding: bytes, as: UTF8.self))
  }
}
