/// Turns arbitrary input into clean UTF-8 bytes the parsers can trust.
///
/// Invalid UTF-8 sequences and NUL bytes become U+FFFD, as CommonMark requires.
/// Line endings stay as they are; the block parser accepts LF, CR and CRLF.
enum SourceText {
  /// The UTF-8 encoding of U+FFFD REPLACEMENT CHARACTER.
  static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// Validated bytes of `bytes`, with NUL replaced. Valid UTF-8 without NUL (nearly every
  /// document) comes back as it is, without a copy.
  static func normalize(_ bytes: [UInt8]) -> [UInt8] {
    switch check(bytes) {
    case .clean: return bytes
    case .hasNul: return replacingNul(bytes)
    case .invalid: return normalize(string: String(decoding: bytes, as: UTF8.self))
    }
  }

  enum Check { case clean, hasNul, invalid }

  /// Whether `bytes` is valid UTF-8 (the rules `String(decoding:as:)` repairs by: no overlong
  /// forms, no surrogates, nothing above U+10FFFF) and whether it holds a NUL. ASCII is
  /// checked eight bytes at a time.
  static func check(_ bytes: [UInt8]) -> Check {
    bytes.withUnsafeBufferPointer { buffer -> Check in
      guard let base = buffer.baseAddress else { return .clean }
      let count = buffer.count
      var hasNul = false
      var index = 0
      while index < count {
        if index + 8 <= count {
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          let high: UInt64 = 0x8080_8080_8080_8080
          if word & high == 0 {
            // A zero byte sets its high bit in (word - 0x01...) & ~word.
            if (word &- 0x0101_0101_0101_0101) & ~word & high != 0 { hasNul = true }
            index += 8
            continue
          }
        }
        let c = base[index]
        if c < 0x80 {
          if c == 0 { hasNul = true }
          index += 1
          continue
        }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: length = 2
        case 0xE0:
          length = 3
          low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
          length = 3
          high = 0x9F
        case 0xF0:
          length = 4
          low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
          length = 4
          high = 0x8F
        default: return .invalid
        }
        guard index + length <= count else { return .invalid }
        let second = base[index + 1]
        guard second >= low && second <= high else { return .invalid }
        var next = index + 2
        while next < index + length {
          guard base[next] & 0xC0 == 0x80 else { return .invalid }
          next += 1
        }
        index += length
      }
      return hasNul ? .hasNul : .clean
    }
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
