/// A small JSON parser that records line numbers and reports the first syntax error with its line.
///
/// Foundation's `JSONSerialization` loses positions; course authors need `file:line`.
public struct JSONParser {
  /// A syntax error at a line.
  public struct SyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var line: Int
  }

  private let bytes: [UInt8]
  private var offset = 0
  private var line = 1
  private var depth = 0
  private static let maximumDepth = 512

  /// Parses `text` as one JSON document.
  public static func parse(_ text: String) -> Result<JSONNode, SyntaxError> {
    var parser = JSONParser(bytes: Array(text.utf8))
    do {
      parser.skipWhitespace()
      let node = try parser.parseValue()
      parser.skipWhitespace()
      if parser.offset < parser.bytes.count {
        throw SyntaxError(message: "unexpected text after the JSON value", line: parser.line)
      }
      return .success(node)
    } catch let error as SyntaxError {
      return .failure(error)
    } catch {
      return .failure(SyntaxError(message: "\(error)", line: parser.line))
    }
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private mutating func skipWhitespace() {
    while offset < bytes.count {
      switch bytes[offset] {
      case UInt8(ascii: "\n"): line += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
      default: return
      }
      offset += 1
    }
  }

  private mutating func parseValue() throws -> JSONNode {
    guard offset < bytes.count else {
      throw SyntaxError(message: "the JSON ends where a value was expected", line: line)
    }
    let start = line
    switch bytes[offset] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), line: start)
    case UInt8(ascii: "t"): try expectWord("true"); return JSONNode(.bool(true), line: start)
    case UInt8(ascii: "f"): try expectWord("false"); return JSONNode(.bool(false), line: start)
    case UInt8(ascii: "n"): try expectWord("null"); return JSONNode(.null, line: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default:
      throw SyntaxError(message: "unexpected character '\(character(at: offset))'", line: line)
    }
  }

  private func character(at index: Int) -> String {
    String(decoding: bytes[index..<min(index + 1, bytes.count)], as: UTF8.self)
  }

  private mutating func expectWord(_ word: String) throws {
    let utf8 = Array(word.utf8)
    guard offset + utf8.count <= bytes.count, Array(bytes[offset..<offset + utf8.count]) == utf8
    else {
      throw SyntaxError(message: "expected '\(word)'", line: line)
    }
    offset += utf8.count
  }

  private mutating func enter() throws {
    depth += 1
    if depth > JSONParser.maximumDepth {
      throw SyntaxError(
        message: "nesting deeper than \(JSONParser.maximumDepth) levels", line: line)
    }
  }

  private mutating func parseObject() throws -> JSONNode {
    let start = line
    try enter()
    defer { depth -= 1 }
    offset += 1
    var members: [JSONNode.Member] = []
    skipWhitespace()
    if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
      offset += 1
      return JSONNode(.object(members), line: start)
    }
    while true {
      skipWhitespace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
        throw SyntaxError(message: "expected a quoted key in the object", line: line)
      }
      let key = try parseString()
      skipWhitespace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
        throw SyntaxError(message: "expected ':' after the key \"\(key)\"", line: line)
      }
      offset += 1
      skipWhitespace()
      members.append(JSONNode.Member(key: key, value: try parseValue()))
      skipWhitespace()
      guard offset < bytes.count else {
        throw SyntaxError(message: "the object opened on line \(start) is never closed", line: line)
      }
      if bytes[offset] == UInt8(ascii: ",") {
        offset += 1
        continue
      }
      if bytes[offset] == UInt8(ascii: "}") {
        offset += 1
        return JSONNode(.object(members), line: start)
      }
      throw SyntaxError(message: "expected ',' or '}' in the object", line: line)
    }
  }

  private mutating func parseArray() throws -> JSONNode {
    let start = line
    try enter()
    defer { depth -= 1 }
    offset += 1
    var items: [JSONNode] = []
    skipWhitespace()
    if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
      offset += 1
      return JSONNode(.array(items), line: start)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue())
      skipWhitespace()
      guard offset < bytes.count else {
        throw SyntaxError(message: "the array opened on line \(start) is never closed", line: line)
      }
      if bytes[offset] == UInt8(ascii: ",") {
        offset += 1
        continue
      }
      if bytes[offset] == UInt8(ascii: "]") {
        offset += 1
        return JSONNode(.array(items), line: start)
      }
      throw SyntaxError(message: "expected ',' or ']' in the array", line: line)
    }
  }

  private mutating func parseNumber() throws -> JSONNode {
    let start = offset
    while offset < bytes.count,
      [
        UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"),
        UInt8(ascii: "E"),
      ]
      .contains(bytes[offset]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset])
    {
      offset += 1
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    guard let number = Double(text) else {
      throw SyntaxError(message: "'\(text)' is not a number", line: line)
    }
    return JSONNode(.number(number, text: text), line: line)
  }

  private mutating func parseString() throws -> String {
    offset += 1
    var scalars = String.UnicodeScalarView()
    var run = offset
    func flush(_ parser: JSONParser, _ end: Int) {
      scalars.append(
        contentsOf: String(decoding: parser.bytes[run..<end], as: UTF8.self).unicodeScalars)
    }
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") {
        flush(self, offset)
        offset += 1
        return String(scalars)
      }
      if byte == UInt8(ascii: "\n") || byte < 0x20 {
        throw SyntaxError(message: "a string is not closed before the end of the line", line: line)
      }
      if byte == UInt8(ascii: "\\") {
        flush(self, offset)
        offset += 1
        scalars.append(try parseEscape())
        run = offset
        continue
      }
      offset += 1
    }
    throw SyntaxError(message: "a string is never closed", line: line)
  }

  private mutating func parseEscape() throws -> Unicode.Scalar {
    guard offset < bytes.count else { throw SyntaxError(message: "unfinished escape", line: line) }
    let byte = bytes[offset]
    offset += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try parseHex4()
      if (0xD800..<0xDC00).contains(high), offset + 1 < bytes.count,
        bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
      {
        offset += 2
        let low = try parseHex4()
        let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        return Unicode.Scalar(UInt32(combined)) ?? "\u{FFFD}"
      }
      return Unicode.Scalar(UInt32(high)) ?? "\u{FFFD}"
    default:
      throw SyntaxError(message: "unknown escape '\\\(character(at: offset - 1))'", line: line)
    }
  }

  private mutating func parseHex4() throws -> Int {
    guard offset + 4 <= bytes.count,
      let value = Int(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
    else {
      throw SyntaxError(message: "'\\u' must be followed by four hex digits", line: line)
    }
    offset += 4
    return value
  }
}
