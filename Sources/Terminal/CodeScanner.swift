/// Splits code bytes into highlighter tokens for one `LanguageSyntax`.
struct CodeScanner {
  let bytes: [UInt8]
  let syntax: LanguageSyntax
  private var index = 0

  init(bytes: [UInt8], syntax: LanguageSyntax) {
    self.bytes = bytes
    self.syntax = syntax
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
    if let (open, close) = syntax.blockComment, matches(open, at: index) {
      index += open.utf8.count
      while index < bytes.count && !matches(close, at: index) { index += 1 }
      index = min(bytes.count, index + close.utf8.count)
      return .comment
    }
    if syntax.quotes.contains(byte) {
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
    let word = String(decoding: bytes[start..<index], as: UTF8.self)
    if syntax.keywords.contains(word) { return .keyword }
    if syntax.literals.contains(word) { return .literal }
    return .plain
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
    for marker in syntax.lineComments where matches(marker, at: index) {
      if !syntax.commentNeedsSpace || index == 0 { return true }
      let previous = bytes[index - 1]
      if previous == 32 || previous == 9 || previous == 10 { return true }
    }
    return false
  }

  private func matches(_ text: String, at position: Int) -> Bool {
    var probe = position
    for byte in text.utf8 {
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
