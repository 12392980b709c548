/// The second phase of parsing: turns the text of a paragraph, heading or table cell into
/// inline nodes, following the CommonMark reference algorithm (delimiter runs, brackets).
///
/// One parser can parse many subjects in turn (`reset`), keeping its arrays' storage: a
/// document's paragraphs then cost no allocation each for the arena, delimiters and brackets.
struct InlineParser {
  private(set) var s: [UInt8]
  private(set) var end: Int
  let references: [String: LinkReference]
  let strikethrough: Bool
  /// GitHub `www.` and `http(s)://` autolinks, matched on the raw text as cmark-gfm does.
  let autolinks: Bool
  var pos = 0
  var nodes: [InlineNode]
  var buffer: [UInt8] = []
  var targets: [LinkTarget] = []
  var delimiters: [Delimiter] = []
  var lastDelimiter = -1
  var brackets: [Bracket] = []
  /// `processEmphasis`'s lower bounds per delimiter class, kept to reuse its storage.
  var openersBottom: [Int] = []

  // Caches that keep hostile input linear.
  var backticksScanned = false
  var lastBacktickRun: [Int: Int] = [:]
  var noCommentEnd = false
  var noProcessingEnd = false
  var noCDATAEnd = false
  var noDeclarationEnd = false

  init(
    _ subject: [UInt8], references: [String: LinkReference], strikethrough: Bool,
    autolinks: Bool
  ) {
    self.strikethrough = strikethrough
    self.autolinks = autolinks
    s = []
    end = 0
    self.references = references
    nodes = []
    nodes.reserveCapacity(16)
    reset(subject)
  }

  /// An empty parser, to hold a place while the real one is lent out (no storage of its own
  /// beyond the shared static's).
  static let placeholder = InlineParser(
    [], references: [:], strikethrough: false, autolinks: false)

  /// Makes the parser ready for a new subject, keeping the storage of its arrays.
  mutating func reset(_ subject: [UInt8]) {
    var length = subject.count
    while length > 0 && ByteClass.isWhitespace(subject[length - 1]) { length -= 1 }
    s = subject
    end = length
    pos = 0
    nodes.removeAll(keepingCapacity: true)
    nodes.append(InlineNode(.root, sourceOffset: 0))
    buffer.removeAll(keepingCapacity: true)
    targets.removeAll(keepingCapacity: true)
    delimiters.removeAll(keepingCapacity: true)
    lastDelimiter = -1
    brackets.removeAll(keepingCapacity: true)
    backticksScanned = false
    if !lastBacktickRun.isEmpty { lastBacktickRun.removeAll(keepingCapacity: true) }
    noCommentEnd = false
    noProcessingEnd = false
    noCDATAEnd = false
    noDeclarationEnd = false
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
      case UInt8(ascii: "w"), UInt8(ascii: ":"):
        if !autolinks || !handleWebAutolink(c) { handleText() }
      default: handleText()
      }
    }
    processEmphasis(bottom: 0)
  }

  @inline(__always) func isSpecial(_ c: UInt8) -> Bool {
    if autolinks && (c == UInt8(ascii: "w") || c == UInt8(ascii: ":")) { return true }
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
    while index < end && !isSpecial(s[index]) { index += 1 }
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
    // Line ends become spaces; one space is stripped from each end of mixed content.
    let bufferStart = buffer.count
    var from = index
    var to = closer
    if to - from >= 2 && ByteClass.isSpaceOrLineEnd(s[from])
      && ByteClass.isSpaceOrLineEnd(s[to - 1])
    {
      var k = from
      while k < to && ByteClass.isSpaceOrLineEnd(s[k]) { k += 1 }
      if k < to {
        from += 1
        to -= 1
      }
    }
    for k in from..<to {
      let c = s[k]
      buffer.append(ByteClass.isLineEnd(c) ? ByteClass.space : c)
    }
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
