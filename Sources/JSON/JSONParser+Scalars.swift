/// Strings and numbers for `JSONParser`.
extension JSONParser {
  /// Reads a string literal starting at its opening quote; UTF-8 is checked, escapes resolved.
  mutating func string() throws(JSONSyntaxError) -> String {
    let opening = index
    index += 1
    let start = index
    // Fast path: a run of plain characters up to the closing quote needs no copying.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let text = String(decoding: run, as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      if byte < 0x80 {
        index += 1
      } else {
        index += try utf8Sequence()
      }
    }
    var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: decoded, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try escape(into: &decoded)
      case 0x0A:
        throw failure("a string is not closed before the end of the line")
      case ..<0x20:
        throw failure(
          "a control character (\(describe(byte))) in a string must be written as an escape "
            + "such as \\t or \\u00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16))")
      case ..<0x80:
        decoded.append(byte)
        index += 1
      default:
        let length = try utf8Sequence()
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
        index += length
      }
    }
    throw failure("a string is never closed (it opens here)", at: opening)
  }

  /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629: no overlong forms, no
  /// surrogates, nothing above U+10FFFF).
  private func utf8Sequence() throws(JSONSyntaxError) -> Int {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; high = 0x9F
    case 0xF0: length = 4; low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F
    default: throw failure("invalid UTF-8 (\(describe(lead))); save the file as UTF-8")
    }
    guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]),
      (2..<length).allSatisfy({ (0x80...0xBF).contains(bytes[index + $0]) })
    else {
      throw failure(
        "invalid UTF-8 (\(describe(lead)) starts a broken sequence); save the file as UTF-8")
    }
    return length
  }

  /// Resolves the escape at `index` (on the backslash) and appends its UTF-8.
  private mutating func escape(into decoded: inout [UInt8]) throws(JSONSyntaxError) {
    let start = index
    guard index + 1 < bytes.count else { throw failure("a string is never closed") }
    let code = bytes[index + 1]
    index += 2
    let simple: UInt8
    switch code {
    case UInt8(ascii: "\""): simple = 0x22
    case UInt8(ascii: "\\"): simple = 0x5C
    case UInt8(ascii: "/"): simple = 0x2F
    case UInt8(ascii: "b"): simple = 0x08
    case UInt8(ascii: "f"): simple = 0x0C
    case UInt8(ascii: "n"): simple = 0x0A
    case UInt8(ascii: "r"): simple = 0x0D
    case UInt8(ascii: "t"): simple = 0x09
    case UInt8(ascii: "u"):
      var scalar = try hex4(escapeAt: start)
      if (0xDC00..<0xE000).contains(scalar) {
        throw failure(
          "\\u\(hexText(scalar)) is the second half of a surrogate pair without a first half",
          at: start)
      }
      if (0xD800..<0xDC00).contains(scalar) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else {
          throw failure(
            "\\u\(hexText(scalar)) starts a surrogate pair that has no second half", at: start)
        }
        let second = index
        index += 2
        let low = try hex4(escapeAt: second)
        guard (0xDC00..<0xE000).contains(low) else {
          throw failure(
            "\\u\(hexText(scalar)) must be followed by a low surrogate (\\uDC00-\\uDFFF)",
            at: second)
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      }
      // Every value left is a valid scalar: surrogates were handled above.
      for unit in UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") ?? .init() {
        decoded.append(unit)
      }
      return
    default:
      throw failure("unknown escape '\\\(Character(Unicode.Scalar(code)))' in a string", at: start)
    }
    decoded.append(simple)
  }

  private func hexText(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private mutating func hex4(escapeAt start: Int) throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    guard index + 4 <= bytes.count else {
      throw failure("'\\u' must be followed by four hexadecimal digits", at: start)
    }
    for offset in 0..<4 {
      let byte = bytes[index + offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("'\\u' must be followed by four hexadecimal digits", at: start)
      }
      value = value << 4 | UInt32(digit)
    }
    index += 4
    return value
  }

  /// Reads a number following the JSON grammar and returns its text unchanged.
  mutating func number() throws(JSONSyntaxError) -> String {
    let start = index
    if current == UInt8(ascii: "-") { index += 1 }
    if current == UInt8(ascii: "0") {
      index += 1
      if let next = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) {
        throw failure("a number cannot start with 0 followed by more digits", at: start)
      }
    } else if digits() == 0 {
      throw failure("a number needs digits", at: index)
    }
    if current == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw failure("a number needs digits after '.'") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw failure("a number needs digits in its exponent") }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  private mutating func digits() -> Int {
    let start = index
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
      index += 1
    }
    return index - start
  }
}
