/// Escape sequences as they appear in styled text.
enum EscapeSequence {
  /// The index just past the escape sequence starting at `start` (which holds ESC):
  /// CSI (`ESC [` ... final byte), OSC (`ESC ]` ... BEL or `ESC \`), or a two-byte escape.
  static func end(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let count = bytes.count
    guard start + 1 < count else { return count }
    var index = start + 2
    switch bytes[start + 1] {
    case UInt8(ascii: "["):
      while index < count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
      return min(index + 1, count)
    case UInt8(ascii: "]"):
      while index < count {
        if bytes[index] == 0x07 { return index + 1 }
        if bytes[index] == 0x1B, index + 1 < count, bytes[index + 1] == UInt8(ascii: "\\") {
          return index + 2
        }
        index += 1
      }
      return count
    default:
      return index
    }
  }
}

extension ANSIStyle {
  /// `text` with every escape sequence (styles, hyperlinks) removed.
  public static func stripped(_ text: String) -> String {
    guard text.utf8.contains(0x1B) else { return text }
    var copy = text
    return copy.withUTF8 { bytes in
      var kept: [UInt8] = []
      kept.reserveCapacity(bytes.count)
      var index = 0
      while index < bytes.count {
        if bytes[index] == 0x1B {
          index = EscapeSequence.end(in: bytes, from: index)
        } else {
          kept.append(bytes[index])
          index += 1
        }
      }
      return String(decoding: kept, as: UTF8.self)
    }
  }
}
