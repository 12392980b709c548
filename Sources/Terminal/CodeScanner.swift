/// Splits code bytes into highlighter tokens for one `LanguageSyntax`.
struct CodeScanner {
  let bytes: [UInt8]
  let syntax: LanguageSyntax
  private var index = 0
  /// The comment markers as bytes (asked at every token).
  private let lineComments: [[UInt8]]
  /// The first bytes of `lineComments`, as bits of the ASCII table (a quick no).
  private let commentStarts: (low: UInt64, high: UInt64)
  private let blockOpen: [UInt8]
  private let blockClose: [UInt8]

  init(bytes: [UInt8], syntax: LanguageSyntax) {
    self.bytes = bytes
    self.syntax = syntax
    lineComments = syntax.lineComments.map { Array($0.utf8) }
    var starts: (low: UInt64, high: UInt64) = (0, 0)
    for marker in lineComments {
      guard let first = marker.first else { continue }
      if first < 64 {
        starts.low |= 1 << UInt64(first)
      } else if first < 128 {
        starts.high |= 1 << UInt64(first - 64)
      } else {
        starts = (~0, ~0)
      }
    }
    commentStarts = starts
    blockOpen = syntax.blockComment.map { Array($0.open.utf8) } ?? []
    blockClose = syntax.blockComment.map { Array($0.close.utf8) } ?? []
  }

  /// The next token and its byte range, or nil at the end.
  mutating func next() -> (Range<Int>, SyntaxHighlighter.Token)? {
    guard index < bytes.count else { return nil }
    let start = index
    let token = scanToken()
    if index == start { index += 1 }
    return (start..<index, token)
  }

  private mutating func scanToken() -> SyntaxHighlighter.Token {
    let byte = bytes[index]
    if startsComment() {
      while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
      return .comment
    }
    if !blockOpen.isEmpty && matches(blockOpen, at: index) {
      index += blockOpen.count
      while index < bytes.count && !matches(blockClose, at: index) { index += 1 }
      index = min(bytes.count, index + blockClose.count)
      return .comment
    }
    if syntax.isQuote(byte) {
      scanString(quote: byte)
      return isKey() ? .key : .string
    }
    if isDigit(byte) {
      while index < bytes.count && (isIdentifier(bytes[index]) || bytes[index] == UInt8(ascii: "."))
      {
        index += 1
      }
      return .number
    }
    if isIdentifierStart(byte) { return scanWord() }
    if syntax.variables && byte == UInt8(ascii: "$") { return scanVariable() }
    if syntax.attributes && byte == UInt8(ascii: "@"), index + 1 < bytes.count,
      isIdentifierStart(bytes[index + 1])
    {
      index += 1
      while index < bytes.count && isIdentifier(bytes[index]) { index += 1 }
      return .attribute
    }
    index += 1
    while index < bytes.count && bytes[index] >= 0x80 { index += 1 }
    return .plain
  }

  private mutating func scanWord() -> SyntaxHighlighter.Token {
    let start = index
    let lineStart = isAtLineStart(start)
    while index < bytes.count
      && (isIdentifier(bytes[index]) || (syntax.bareKeys && isKeyPunctuation(bytes[index])))
    {
      index += 1
    }
    if syntax.bareKeys && lineStart && isKey() { return .key }
    if syntax.bareKeys { index = start + wordLength(from: start) }
    let found = bytes.withUnsafeBufferPointer {
      syntax.words.lookup(UnsafeBufferPointer(rebasing: $0[start..<index]))
    }
    switch found {
    case true?: return .keyword
    case false?: return .literal
    case nil: return .plain
    }
  }

  private func wordLength(from start: Int) -> Int {
    var end = start
    while end < bytes.count && isIdentifier(bytes[end]) { end += 1 }
    return end - start
  }

  private mutating func scanVariable() -> SyntaxHighlighter.Token {
    index += 1
    guard index < bytes.count else { return .plain }
    if bytes[index] == UInt8(ascii: "{") {
      while index < bytes.count && bytes[index] != UInt8(ascii: "}") && bytes[index] != 10 {
        index += 1
      }
      if index < bytes.count && bytes[index] == UInt8(ascii: "}") { index += 1 }
      return .variable
    }
    let start = index
    while index < bytes.count && isIdentifier(bytes[index]) { index += 1 }
    if index == start, index < bytes.count, "?#@*!$-".utf8.contains(bytes[index]) { index += 1 }
    return index > start ? .variable : .plain
  }

  private mutating func scanString(quote: UInt8) {
    let triple =
      syntax.tripleQuotes && index + 2 < bytes.count
      && bytes[index + 1] == quote && bytes[index + 2] == quote
    index += triple ? 3 : 1
    let multiline = triple || quote == UInt8(ascii: "`")
    while index < bytes.count {
      let byte = bytes[index]
      let raw = syntax.rawSingleQuotes && quote == UInt8(ascii: "'")
      if byte == UInt8(ascii: "\\") && !raw {
        index = min(bytes.count, index + 2)
        continue
      }
      if byte == UInt8(ascii: "\n") && !multiline { return }
      if byte == quote {
        if !triple {
          index += 1
          return
        }
        if index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote {
          index += 3
          return
        }
      }
      index += 1
    }
  }

  /// Whether a key's colon follows the token just scanned (spaces allowed before it).
  private func isKey() -> Bool {
    guard syntax.keys else { return false }
    var probe = index
    while probe < bytes.count && bytes[probe] == UInt8(ascii: " ") { probe += 1 }
    guard probe < bytes.count, bytes[probe] == UInt8(ascii: ":") else { return false }
    if !syntax.bareKeys { return true }
    return probe + 1 >= bytes.count || bytes[probe + 1] == 32 || bytes[probe + 1] == 10
  }

  /// Whether only spaces, or a YAML `- ` list marker, precede `position` on its line.
  private func isAtLineStart(_ position: Int) -> Bool {
    var probe = position - 1
    while probe >= 0 && (bytes[probe] == 32 || bytes[probe] == UInt8(ascii: "-")) { probe -= 1 }
    return probe < 0 || bytes[probe] == UInt8(ascii: "\n")
  }

  private func startsComment() -> Bool {
    let byte = bytes[index]
    let bits = byte < 64 ? commentStarts.low : commentStarts.high
    if byte < 128 && bits & (1 << UInt64(byte & 63)) == 0 { return false }
    for marker in lineComments where matches(marker, at: index) {
      if !syntax.commentNeedsSpace || index == 0 { return true }
      let previous = bytes[index - 1]
      if previous == 32 || previous == 9 || previous == 10 { return true }
    }
    return false
  }

  private func matches(_ text: [UInt8], at position: Int) -> Bool {
    var probe = position
    for byte in text {
      guard probe < bytes.count, bytes[probe] == byte else { return false }
      probe += 1
    }
    return true
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
  private func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 97 && (byte | 0x20) <= 122 || byte == UInt8(ascii: "_")
  }
  private func isIdentifier(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
  private func isKeyPunctuation(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }
}
