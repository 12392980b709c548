/// What the parser builds from each value it reads: plain values, or values with positions.
protocol JSONTreeBuilder {
  associatedtype Node
  /// Whether positions are needed (computing a column costs a walk back to the line start).
  static var locates: Bool { get }
  func scalar(_ value: JSONValue, at position: JSONPosition) -> Node
  func array(_ elements: [Node], at position: JSONPosition) -> Node
  func object(_ members: JSONMemberList<Node>, at position: JSONPosition) -> Node
}

/// Object members as they are read. A repeated key keeps the place of its first occurrence and
/// the value of its last, as JavaScript's `JSON.parse` and Python's `json.loads` do.
struct JSONMemberList<Node> {
  var members: [(key: String, value: Node)] = []
  var keyPositions: [JSONPosition] = []
  /// Key to index, built once an object is large enough for linear search to cost.
  private var index: [String: Int]?

  mutating func append(_ key: String, at position: JSONPosition, _ node: Node, locates: Bool) {
    if let existing = find(key) {
      members[existing].value = node
      return
    }
    members.append((key, node))
    if locates { keyPositions.append(position) }
    if index != nil {
      index?[key] = members.count - 1
    } else if members.count == 24 {
      var built: [String: Int] = [:]
      for (offset, member) in members.enumerated() { built[member.key] = offset }
      index = built
    }
  }

  private func find(_ key: String) -> Int? {
    if let index { return index[key] }
    return members.firstIndex { $0.key == key }
  }
}

/// A strict RFC 8259 reader over UTF-8 bytes. It never traps: the first problem becomes a
/// `JSONSyntaxError` with its line and column. Nesting is limited to `maximumDepth` levels so
/// hostile input cannot exhaust the stack.
struct JSONParser<Builder: JSONTreeBuilder> {
  static var maximumDepth: Int { 512 }

  let bytes: UnsafeBufferPointer<UInt8>
  let builder: Builder
  var index = 0
  var line = 1
  var lineStart = 0

  init(bytes: UnsafeBufferPointer<UInt8>, builder: Builder) {
    self.bytes = bytes
    self.builder = builder
  }

  /// Reads the whole text as one value, with nothing but whitespace around it.
  mutating func document() throws(JSONSyntaxError) -> Builder.Node {
    // RFC 8259 lets a reader ignore a byte order mark; editors on Windows write one.
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      index = 3
      lineStart = 3
    }
    skipWhitespace()
    guard index < bytes.count else {
      throw failure("the text is empty; expected a JSON value")
    }
    let node = try value(depth: 0)
    skipWhitespace()
    if index < bytes.count {
      throw failure("unexpected text after the end of the JSON value")
    }
    return node
  }

  var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  /// The position of the byte at `index`: its line, and its column counted in characters.
  func position(at offset: Int) -> JSONPosition {
    var column = 1
    var cursor = lineStart
    while cursor < offset {
      if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
      cursor += 1
    }
    return JSONPosition(line: line, column: column)
  }

  /// Where the next value starts, when the builder wants positions.
  @inline(__always) func here() -> JSONPosition {
    Builder.locates ? position(at: index) : JSONPosition(line: 0, column: 0)
  }

  func failure(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    JSONSyntaxError(message: message, position: position(at: min(offset ?? index, bytes.count)))
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  /// `'x'` for a printable character, else a description of the byte.
  func describe(_ byte: UInt8) -> String {
    (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(hex(byte))"
  }

  private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }

  private mutating func value(depth: Int) throws(JSONSyntaxError) -> Builder.Node {
    guard let byte = current else {
      throw failure("unexpected end of the text; expected a value")
    }
    let start = here()
    switch byte {
    case UInt8(ascii: "{"): return try object(depth: depth + 1, at: start)
    case UInt8(ascii: "["): return try array(depth: depth + 1, at: start)
    case UInt8(ascii: "\""): return builder.scalar(.string(try string()), at: start)
    case UInt8(ascii: "t"): return builder.scalar(try literal("true", .bool(true)), at: start)
    case UInt8(ascii: "f"): return builder.scalar(try literal("false", .bool(false)), at: start)
    case UInt8(ascii: "n"): return builder.scalar(try literal("null", .null), at: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return builder.scalar(.number(try number()), at: start)
    default:
      throw failure("unexpected character \(describe(byte)); expected a value")
    }
  }

  private mutating func literal(_ word: StaticString, _ value: JSONValue)
    throws(JSONSyntaxError) -> JSONValue
  {
    let count = word.utf8CodeUnitCount
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
    guard index + count <= bytes.count,
      (0..<count).allSatisfy({ bytes[index + $0] == expected[$0] })
    else {
      throw failure("unexpected text; expected '\(word)' (strings need double quotes)")
    }
    index += count
    return value
  }

  private mutating func enter(_ depth: Int) throws(JSONSyntaxError) {
    if depth > Self.maximumDepth {
      throw failure("the JSON nests deeper than \(Self.maximumDepth) levels")
    }
  }

  private mutating func object(depth: Int, at start: JSONPosition) throws(JSONSyntaxError)
    -> Builder.Node
  {
    try enter(depth)
    index += 1
    var members = JSONMemberList<Builder.Node>()
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      return builder.object(members, at: start)
    }
    while true {
      guard let byte = current else {
        throw failure("unexpected end of the text; '}' is missing")
      }
      guard byte == UInt8(ascii: "\"") else {
        let trailing = byte == UInt8(ascii: "}") ? " (remove the ',' before it)" : ""
        throw failure("expected a quoted key in the object, found \(describe(byte))\(trailing)")
      }
      let keyPosition = here()
      let key = try string()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else {
        throw failure("expected ':' after the key \"\(key)\"")
      }
      index += 1
      skipWhitespace()
      let member = try value(depth: depth)
      members.append(key, at: keyPosition, member, locates: Builder.locates)
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","):
        index += 1
        skipWhitespace()
      case UInt8(ascii: "}"):
        index += 1
        return builder.object(members, at: start)
      case .some(let other):
        throw failure("expected ',' or '}' after a member, found \(describe(other))")
      case .none:
        throw failure("unexpected end of the text; '}' is missing")
      }
    }
  }

  private mutating func array(depth: Int, at start: JSONPosition) throws(JSONSyntaxError)
    -> Builder.Node
  {
    try enter(depth)
    index += 1
    var elements: [Builder.Node] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      return builder.array(elements, at: start)
    }
    while true {
      guard let byte = current else {
        throw failure("unexpected end of the text; ']' is missing")
      }
      if byte == UInt8(ascii: "]") {
        throw failure("expected a value, found ']' (remove the ',' before it)")
      }
      elements.append(try value(depth: depth))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","):
        index += 1
        skipWhitespace()
      case UInt8(ascii: "]"):
        index += 1
        return builder.array(elements, at: start)
      case .some(let other):
        throw failure("expected ',' or ']' after an element, found \(describe(other))")
      case .none:
        throw failure("unexpected end of the text; ']' is missing")
      }
    }
  }
}
