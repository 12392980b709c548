/// Removes control characters from document text so a file cannot send escape sequences of its
/// own to the terminal.
enum TextSanitizer {
  /// `text` without C0/C1 controls and DEL; tabs become spaces unless `keepTabs`.
  static func clean(_ text: String, keepTabs: Bool = false) -> String {
    guard needsCleaning(text) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09: scalars.append(keepTabs ? scalar : " ")
      case 0x0A where keepTabs: scalars.append(scalar)
      case 0x00..<0x20, 0x7F..<0xA0: continue
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// Fast check over the UTF-8 bytes: any C0 control, DEL, or C1 control (encoded C2 80...9F).
  private static func needsCleaning(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte < 0x20 || byte == 0x7F { return true }
      if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
      previous = byte
    }
    return false
  }
}
