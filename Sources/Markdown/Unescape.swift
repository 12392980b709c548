/// Resolves backslash escapes and entity references in link destinations, titles and info
/// strings.
enum Unescape {
  static func string(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: self.bytes(bytes), as: UTF8.self)
  }

  static func bytes(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var needsWork = false
    for c in bytes where c == UInt8(ascii: "\\") || c == UInt8(ascii: "&") {
      needsWork = true
      break
    }
    if !needsWork { return Array(bytes) }
    let s = Array(bytes)
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    var index = 0
    while index < s.count {
      let c = s[index]
      if c == UInt8(ascii: "\\") && index + 1 < s.count
        && ByteClass.isASCIIPunctuation(s[index + 1])
      {
        out.append(s[index + 1])
        index += 2
      } else if c == UInt8(ascii: "&"), let (decoded, next) = Entity.decode(s, index, s.count) {
        out.append(contentsOf: decoded)
        index = next
      } else {
        out.append(c)
        index += 1
      }
    }
    return out
  }
}

/// Decodes entity and numeric character references.
enum Entity {
  /// The UTF-8 replacement for a reference starting at `at` (`&`), and the index after `;`.
  static func decode(_ s: [UInt8], _ at: Int, _ end: Int) -> ([UInt8], Int)? {
    var index = at + 1
    guard index < end else { return nil }
    if s[index] == UInt8(ascii: "#") {
      index += 1
      var value: UInt32 = 0
      var digits = 0
      if index < end && (s[index] | 0x20) == UInt8(ascii: "x") {
        index += 1
        while index < end && ByteClass.isHexDigit(s[index]) && digits < 7 {
          let c = s[index]
          let digit = ByteClass.isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10
          value = value * 16 + UInt32(digit)
          digits += 1
          index += 1
        }
        guard digits >= 1 && digits <= 6 else { return nil }
      } else {
        while index < end && ByteClass.isDigit(s[index]) && digits < 8 {
          value = value * 10 + UInt32(s[index] - 0x30)
          digits += 1
          index += 1
        }
        guard digits >= 1 && digits <= 7 else { return nil }
      }
      guard index < end && s[index] == UInt8(ascii: ";") else { return nil }
      let scalar = value == 0 ? nil : Unicode.Scalar(value)
      return (Array(String(Character(scalar ?? "\u{FFFD}")).utf8), index + 1)
    }
    let nameStart = index
    while index < end && ByteClass.isAlnum(s[index]) && index - nameStart < 32 { index += 1 }
    guard index > nameStart, index < end, s[index] == UInt8(ascii: ";") else { return nil }
    let name = String(decoding: s[nameStart..<index], as: UTF8.self)
    guard let replacement = HTMLEntities.table[name] else { return nil }
    return (Array(replacement.utf8), index + 1)
  }
}
