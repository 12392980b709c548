/// Strings and numbers for `JSONParser`.
extension JSONParser {
  /// Reads a string literal starting at the opening quote.
  mutating func string() -> String? {
    index += 1
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flushRaw() -> Bool {
      guard !raw.isEmpty else { return true }
      guard let text = String(validating: raw, as: UTF8.self) else { return false }
      scalars.append(contentsOf: text.unicodeScalars)
      raw.removeAll()
      return true
    }
    while let byte = current {
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard flushRaw() else { return nil }
        return String(scalars)
      case UInt8(ascii: "\\"):
        guard flushRaw(), let scalar = escape() else { return nil }
        scalars.append(scalar)
      case 0..<0x20:
        return nil
      default:
        raw.append(byte)
      }
    }
    return nil
  }

  private mutating func escape() -> Unicode.Scalar? {
    guard let byte = current else { return nil }
    index += 1
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
      guard let high = hex4() else { return nil }
      if (0xD800..<0xDC00).contains(high) {
        guard current == UInt8(ascii: "\\") else { return nil }
        index += 1
        guard current == UInt8(ascii: "u") else { return nil }
        index += 1
        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      }
      return Unicode.Scalar(high)
    default: return nil
    }
  }

  private mutating func hex4() -> UInt32? {
    guard index + 4 <= bytes.count,
      let text = String(validating: bytes[index..<index + 4], as: UTF8.self),
      let value = UInt32(text, radix: 16)
    else { return nil }
    index += 4
    return value
  }

  /// Reads a number following the JSON grammar and keeps its text.
  mutating func number() -> JSONValue? {
    let start = index
    func digits() -> Int {
      let first = index
      while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        index += 1
      }
      return index - first
    }
    if current == UInt8(ascii: "-") { index += 1 }
    if current == UInt8(ascii: "0") {
      index += 1
    } else if digits() == 0 {
      return nil
    }
    if current == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { return nil }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { return nil }
    }
    guard let text = String(validating: bytes[start..<index], as: UTF8.self) else { return nil }
    return .number(text)
  }
}
