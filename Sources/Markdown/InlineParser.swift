/// The second phase of parsing: turns the text of a paragraph, heading or table cell into
/// inline nodes, following the CommonMark reference algorithm (delimiter runs, brackets).
struct InlineParser {
  let s: [UInt8]
  let end: Int
  let references: [String: LinkReference]
  let strikethrough: Bool
  var pos = 0
  var nodes: [InlineNode]
  var buffer: [UInt8] = []
  var targets: [LinkTarget] = []
  var delimiters: [Delimiter] = []
  var lastDelimiter = -1
  var brackets: [Bracket] = []

  // Caches that keep hostile input linear.
  var backticksScanned = false
  var lastBacktickRun: [Int: Int] = [:]
  var noCommentEnd = false
  var noProcessingEnd = false
  var noCDATAEnd = false
  var noDeclarationEnd = false

  init(_ subject: [UInt8], references: [String: LinkReference], strikethrough: Bool) {
    self.strikethrough = strikethrough
    var length = subject.count
    while length > 0 && ByteClass.isWhitespace(subject[length - 1]) { length -= 1 }
    s = subject
    end = length
    self.references = references
    nodes = []
    nodes.reserveCapacity(16)
    nodes.append(InlineNode(.root, sourceOffset: 0))
  }

  /// Parses the whole subject; the result hangs under node 0.
  mutating func parse() {
    while pos < end {
      let c = s[pos]
      switch c {
      case ByteClass.newline, ByteClass.carriageReturn: handleNewline()
      case UInt8(ascii: "\\"): handleBackslash()
      case UInt8(ascii: "`"): handleBackticks()
      case UInt8(ascii: "*"), UInt8(ascii: "_"): handleDelimiterRun(c)
      case UInt8(ascii: "~"):
        if strikethrough { handleDelimiterRun(c) } else { handleText() }
      case UInt8(ascii: "["):
        let node = appendText(pos, pos + 1)
        pushBracket(node: node, isImage: false, textStart: pos + 1)
        pos += 1
      case UInt8(ascii: "!"):
        if pos + 1 < end && s[pos + 1] == UInt8(ascii: "[") {
          let node = appendText(pos, pos + 2)
          pushBracket(node: node, isImage: true, textStart: pos + 2)
          pos += 2
        } else {
          appendText(pos, pos + 1)
          pos += 1
        }
      case UInt8(ascii: "]"): handleCloseBracket()
      case UInt8(ascii: "<"): handleLessThan()
      case UInt8(ascii: "&"): handleEntity()
      default: handleText()
      }
    }
    processEmphasis(bottom: 0)
  }

  @inline(__always) static func isSpecial(_ c: UInt8) -> Bool {
    switch c {
    case ByteClass.newline, ByteClass.carriageReturn, UInt8(ascii: "\\"), UInt8(ascii: "`"),
      UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: "&"):
      return true
    default:
      return false
    }
  }

  mutating func handleText() {
    let start = pos
    var index = pos + 1
    while index < end && !Self.isSpecial(s[index]) { index += 1 }
    pos = index
    var textEnd = index
    if index < end && ByteClass.isLineEnd(s[index]) {
      while textEnd > start && ByteClass.isWhitespace(s[textEnd - 1]) { textEnd -= 1 }
    }
    if textEnd > start { appendText(start, textEnd) }
  }

  mutating func handleNewline() {
    let newlineAt = pos
    pos += 1
    if s[newlineAt] == ByteClass.carriageReturn && pos < end && s[pos] == ByteClass.newline {
      pos += 1
    }
    let hard =
      newlineAt >= 2 && s[newlineAt - 1] == ByteClass.space && s[newlineAt - 2] == ByteClass.space
    append(InlineNode(hard ? .hardBreak : .softBreak, sourceOffset: newlineAt))
    skipSpaces()
  }

  mutating func skipSpaces() {
    while pos < end && ByteClass.isSpaceOrTab(s[pos]) { pos += 1 }
  }

  mutating func handleBackslash() {
    let next = pos + 1
    if next < end && ByteClass.isASCIIPunctuation(s[next]) {
      appendText(next, next + 1, sourceOffset: pos)
      pos += 2
    } else if next < end && ByteClass.isLineEnd(s[next]) {
      append(InlineNode(.hardBreak, sourceOffset: pos))
      pos = next + 1
      if s[next] == ByteClass.carriageReturn && pos < end && s[pos] == ByteClass.newline {
        pos += 1
      }
      skipSpaces()
    } else {
      appendText(pos, pos + 1)
      pos += 1
    }
  }

  mutating func handleEntity() {
    if let (decoded, next) = Entity.decode(s, pos, end) {
      appendBufferText(decoded, sourceOffset: pos)
      pos = next
    } else {
      appendText(pos, pos + 1)
      pos += 1
    }
  }

  mutating func handleBackticks() {
    let start = pos
    var index = pos
    while index < end && s[index] == UInt8(ascii: "`") { index += 1 }
    let length = index - start
    pos = index
    guard let closer = findBacktickRun(length: length, from: index) else {
      appendText(start, index)
      return
    }
    var code: [UInt8] = []
    code.reserveCapacity(closer - index)
    for k in index..<closer {
      let c = s[k]
      code.append(ByteClass.isLineEnd(c) ? ByteClass.space : c)
    }
    if code.count >= 2 && code.first == ByteClass.space && code.last == ByteClass.space
      && code.contains(where: { $0 != ByteClass.space })
    {
      code.removeFirst()
      code.removeLast()
    }
    let bufferStart = buffer.count
    buffer.append(contentsOf: code)
    append(
      InlineNode(
        .code, start: bufferStart, end: buffer.count, inBuffer: true, sourceOffset: start))
    pos = closer + length
  }

  /// The start of the next run of exactly `length` backticks at or after `from`.
  mutating func findBacktickRun(length: Int, from: Int) -> Int? {
    if backticksScanned, (lastBacktickRun[length] ?? -1) < from { return nil }
    var index = from
    while index < end {
      if s[index] == UInt8(ascii: "`") {
        let runStart = index
        while index < end && s[index] == UInt8(ascii: "`") { index += 1 }
        let runLength = index - runStart
        if (lastBacktickRun[runLength] ?? -1) < runStart { lastBacktickRun[runLength] = runStart }
        if runLength == length { return runStart }
      } else {
        index += 1
      }
    }
    backticksScanned = true
    return nil
  }
}
