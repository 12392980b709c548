import Foundation

/// A small JSON scanner that says *where* things are, which `JSONDecoder` does not.
///
/// It finds the line and column of the first syntax error, and the line where the value at a
/// coding path starts, so that errors about `progress.json` can point at a line. It accepts
/// trailing commas, as Foundation's decoder does.
struct JSONLocator {
  /// A syntax error at a line and column (both counting from 1; columns count bytes).
  struct SyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
  }

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private let target: [String]?
  private var path: [String] = []
  private var targetLine: Int?

  private init(_ data: Data, target: [String]?) {
    self.bytes = [UInt8](data)
    self.target = target
  }

  /// The first syntax error in `data`, or `nil` when it is valid JSON.
  static func syntaxError(in data: Data) -> SyntaxError? {
    var scanner = JSONLocator(data, target: nil)
    do {
      try scanner.scanDocument()
      return nil
    } catch {
      return error
    }
  }

  /// The line where the value at `path` starts (array elements named by their index).
  static func line(of path: [String], in data: Data) -> Int? {
    var scanner = JSONLocator(data, target: path)
    try? scanner.scanDocument()
    return scanner.targetLine
  }

  private mutating func scanDocument() throws(SyntaxError) {
    skipWhitespace()
    if index == bytes.count { throw failure("the file is empty") }
    try scanValue()
    skipWhitespace()
    if index < bytes.count { throw failure("unexpected text after the end of the JSON value") }
  }

  private mutating func scanValue() throws(SyntaxError) {
    if targetLine == nil, path == target { targetLine = line }
    guard index < bytes.count else {
      throw failure("unexpected end of file; is a bracket missing?")
    }
    switch bytes[index] {
    case UInt8(ascii: "{"): try scanObject()
    case UInt8(ascii: "["): try scanArray()
    case UInt8(ascii: "\""): _ = try scanString()
    case UInt8(ascii: "t"): try scanLiteral("true")
    case UInt8(ascii: "f"): try scanLiteral("false")
    case UInt8(ascii: "n"): try scanLiteral("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
    default: throw failure("unexpected character \(describe(bytes[index])); expected a value")
    }
  }

  private mutating func scanObject() throws(SyntaxError) {
    index += 1
    skipWhitespace()
    while !consume("}") {
      guard index < bytes.count else { throw failure("unexpected end of file; '}' is missing") }
      guard bytes[index] == UInt8(ascii: "\"") else {
        throw failure("expected a member name in double quotes, found \(describe(bytes[index]))")
      }
      let key = try scanString()
      skipWhitespace()
      guard consume(":") else { throw failure("expected ':' after the member name \"\(key)\"") }
      skipWhitespace()
      path.append(key)
      try scanValue()
      path.removeLast()
      skipWhitespace()
      if consume(",") {
        skipWhitespace()
      } else if index < bytes.count, bytes[index] != UInt8(ascii: "}") {
        throw failure("expected ',' or '}' after a member, found \(describe(bytes[index]))")
      }
    }
  }

  private mutating func scanArray() throws(SyntaxError) {
    index += 1
    skipWhitespace()
    var position = 0
    while !consume("]") {
      guard index < bytes.count else { throw failure("unexpected end of file; ']' is missing") }
      path.append(String(position))
      try scanValue()
      path.removeLast()
      position += 1
      skipWhitespace()
      if consume(",") {
        skipWhitespace()
      } else if index < bytes.count, bytes[index] != UInt8(ascii: "]") {
        throw failure("expected ',' or ']' after an element, found \(describe(bytes[index]))")
      }
    }
  }

  /// Scans a string and returns its text (escapes resolved well enough to compare keys).
  private mutating func scanString() throws(SyntaxError) -> String {
    index += 1
    var text: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: text, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard index + 1 < bytes.count else {
          throw failure("unexpected end of file inside a string; a '\"' is missing")
        }
        let escaped = bytes[index + 1]
        if escaped == UInt8(ascii: "u") {
          let hex = bytes[min(index + 2, bytes.count)..<min(index + 6, bytes.count)]
          guard hex.count == 4, let code = UInt32(String(decoding: hex, as: UTF8.self), radix: 16)
          else { throw failure("'\\u' must be followed by four hexadecimal digits") }
          let scalar = Unicode.Scalar(code) ?? "?"
          text.append(contentsOf: Array(String(scalar).utf8))
          index += 6
          continue
        }
        let simple: [UInt8: UInt8] = [
          UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
          UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
          UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        guard let resolved = simple[escaped] else {
          throw failure("unknown escape \\\(describe(escaped)) in a string")
        }
        text.append(resolved)
        index += 2
      case 0x0A:
        throw failure("a string is not closed before the end of the line")
      case ..<0x20:
        throw failure("control character in a string; write it as an escape such as \\t")
      default:
        text.append(byte)
        index += 1
      }
    }
    throw failure("unexpected end of file inside a string; a '\"' is missing")
  }

  private mutating func scanNumber() throws(SyntaxError) {
    _ = consume("-")
    guard digits() > 0 else { throw failure("a number needs digits") }
    if consume("."), digits() == 0 { throw failure("a number needs digits after '.'") }
    if consume("e") || consume("E") {
      if !consume("+") { _ = consume("-") }
      guard digits() > 0 else { throw failure("a number needs digits in its exponent") }
    }
  }

  private mutating func scanLiteral(_ word: String) throws(SyntaxError) {
    let start = index
    for expected in word.utf8 {
      guard index < bytes.count, bytes[index] == expected else {
        index = start
        throw failure("unexpected text; expected '\(word)' (strings need double quotes)")
      }
      index += 1
    }
  }

  private mutating func digits() -> Int {
    let start = index
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
      index += 1
    }
    return index - start
  }

  private mutating func consume(_ character: Unicode.Scalar) -> Bool {
    guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
    index += 1
    return true
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x0A:
        line += 1
        lineStart = index + 1
      case 0x20, 0x09, 0x0D: break
      default: return
      }
      index += 1
    }
  }

  private func describe(_ byte: UInt8) -> String {
    (0x21...0x7E).contains(byte) ? "'\(Character(UnicodeScalar(byte)))'" : "byte \(byte)"
  }

  private func failure(_ message: String) -> SyntaxError {
    SyntaxError(line: line, column: index - lineStart + 1, message: message)
  }
}
