/// Turns arbitrary input into clean UTF-8 bytes the parsers can trust.
///
/// Invalid UTF-8 sequences and NUL bytes become U+FFFD, as CommonMark requires.
/// Line endings stay as they are; the block parser accepts LF, CR and CRLF.
enum SourceText {
  /// The UTF-8 encoding of U+FFFD REPLACEMENT CHARACTER.
  static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// Validated bytes of `bytes`, with NUL replaced.
  static func normalize(_ bytes: [UInt8]) -> [UInt8] {
    var needsDecode = false
    var hasNul = false
    for byte in bytes {
      if byte >= 0x80 {
        needsDecode = true
        break
      }
      if byte == 0 { hasNul = true }
    }
    if needsDecode {
      return normalize(string: String(decoding: bytes, as: UTF8.self))
    }
    return hasNul ? replacingNul(bytes) : bytes
  }

  /// UTF-8 bytes of `string`, with NUL replaced.
  static func normalize(string: String) -> [UInt8] {
    let bytes = Array(string.utf8)
    return bytes.contains(0) ? replacingNul(bytes) : bytes
  }

  private static func replacingNul(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    for byte in bytes {
      if byte == 0 { out.append(contentsOf: replacement) } else { out.append(byte) }
    }
    return out
  }
}
