/// Byte and scalar classification used by the block and inline parsers.
///
/// The parsers work on UTF-8 bytes; these helpers answer the questions CommonMark asks
/// about characters (space, punctuation, line end) without building `String`s.
enum ByteClass {
  static let space: UInt8 = 0x20
  static let tab: UInt8 = 0x09
  static let newline: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D

  @inline(__always) static func isSpaceOrTab(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

  @inline(__always) static func isLineEnd(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }

  /// A space or a line end (what a code span's content counts as spaces).
  @inline(__always) static func isSpaceOrLineEnd(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x0A || c == 0x0D
  }

  /// Space, tab, line feed, line tabulation, form feed or carriage return.
  @inline(__always) static func isWhitespace(_ c: UInt8) -> Bool {
    c == 0x20 || (c >= 0x09 && c <= 0x0D)
  }

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

  @inline(__always) static func isAlpha(_ c: UInt8) -> Bool {
    (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
  }

  @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isAlpha(c) }

  @inline(__always) static func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)
  }

  /// ASCII punctuation as CommonMark defines it (the characters a backslash can escape).
  @inline(__always) static func isASCIIPunctuation(_ c: UInt8) -> Bool {
    (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60)
      || (c >= 0x7B && c <= 0x7E)
  }

  @inline(__always) static func lower(_ c: UInt8) -> UInt8 {
    c >= 0x41 && c <= 0x5A ? c | 0x20 : c
  }

  /// Unicode whitespace (Zs plus tab, line feed, form feed, carriage return).
  static func isUnicodeWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0C, 0x0D, 0x20: return true
    case 0..<0x80: return false
    default: return scalar.properties.generalCategory == .spaceSeparator
    }
  }

  /// Unicode punctuation: general categories P* and S* (CommonMark 0.31).
  static func isUnicodePunctuation(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return isASCIIPunctuation(UInt8(scalar.value)) }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol,
      .currencySymbol, .modifierSymbol, .otherSymbol:
      return true
    default:
      return false
    }
  }

  /// Decodes the scalar that starts at `index` (invalid bytes give U+FFFD).
  static func scalar(in bytes: [UInt8], at index: Int) -> Unicode.Scalar {
    let b0 = bytes[index]
    if b0 < 0x80 { return Unicode.Scalar(b0) }
    var length = 0
    var value: UInt32 = 0
    if b0 & 0xE0 == 0xC0 {
      length = 2
      value = UInt32(b0 & 0x1F)
    } else if b0 & 0xF0 == 0xE0 {
      length = 3
      value = UInt32(b0 & 0x0F)
    } else if b0 & 0xF8 == 0xF0 {
      length = 4
      value = UInt32(b0 & 0x07)
    } else {
      return "\u{FFFD}"
    }
    guard index + length <= bytes.count else { return "\u{FFFD}" }
    for k in 1..<length { value = (value << 6) | UInt32(bytes[index + k] & 0x3F) }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  /// Decodes the scalar that ends just before `index`.
  static func scalar(in bytes: [UInt8], before index: Int) -> Unicode.Scalar {
    var start = index - 1
    while start > 0 && index - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(in: bytes, at: start)
  }
}
