/// Keeps a suggested command (`lambdalings check hello-api`) on one line when output is wrapped
/// to the terminal, so it can be copied whole.
///
/// `glued` turns the single spaces inside a command into a marker the wrapper treats as part of
/// a word (a private-use character, one column wide); the writer turns every marker back into a
/// space just before the bytes leave (`unglued`). A command wider than the line is `loosened`
/// again before wrapping, so it breaks at its spaces rather than overflowing the terminal.
public enum CommandText {
  /// The stand-in for a space that must not become a line break (U+E000, private use).
  public static let glue: Character = "\u{E000}"
  private static let glueScalar: Unicode.Scalar = "\u{E000}"

  /// `text` with each single space between two visible characters glued; leading, trailing
  /// and repeated spaces (padding, indentation) stay spaces.
  public static func glued(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      let interior =
        scalar == " " && index > 0 && index + 1 < scalars.count
        && scalars[index - 1] != " " && scalars[index + 1] != " "
        && scalars[index - 1] != "\n" && scalars[index + 1] != "\n"
      result.append(interior ? glueScalar : scalar)
    }
    return String(result)
  }

  /// `text` with every glued space a space again: what is written out.
  public static func unglued(_ text: String) -> String {
    // The marker's UTF-8 starts with 0xEE; most output has no such byte.
    let mayHaveGlue = text.utf8.withContiguousStorageIfAvailable { $0.contains(0xEE) } ?? true
    guard mayHaveGlue, text.unicodeScalars.contains(glueScalar) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == glueScalar ? " " : $0 }))
  }

  /// `unglued` on UTF-8 bytes: each U+E000 (`EE 80 80`) becomes a space.
  public static func unglued(bytes: [UInt8]) -> [UInt8] {
    guard mayHaveGlue(bytes) else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0xEE && index + 2 < bytes.count && bytes[index + 1] == 0x80
        && bytes[index + 2] == 0x80
      {
        result.append(UInt8(ascii: " "))
        index += 3
      } else {
        result.append(bytes[index])
        index += 1
      }
    }
    return result
  }

  /// Whether `bytes` hold an `EE` byte (the glue's first), looked for eight bytes at a time.
  private static func mayHaveGlue(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      let ones: UInt64 = 0x0101_0101_0101_0101
      var index = 0
      while index + 8 <= buffer.count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ (ones &* 0xEE)
        if (word &- ones) & ~word & (ones &* 0x80) != 0 { return true }
        index += 8
      }
      while index < buffer.count {
        if buffer[index] == 0xEE { return true }
        index += 1
      }
      return false
    }
  }

  /// `text` with the glue taken out of every word wider than `width` columns, so a command
  /// too long for the line breaks at its spaces like any other text.
  public static func loosened(_ text: String, width: Int) -> String {
    guard text.unicodeScalars.contains(glueScalar) else { return text }
    return text.split(separator: " ", omittingEmptySubsequences: false).map { word in
      let word = String(word)
      return DisplayWidth.of(word) > width ? unglued(word) : word
    }.joined(separator: " ")
  }

  /// `command` as lines of a shell command for a `width`-column terminal, each starting with
  /// `indent` spaces: one line when it fits, else broken at its spaces with ` \` ending every
  /// line but the last and the later lines indented two columns more, so the lines pasted
  /// together still run as one command. A word wider than a line stays whole.
  public static func continued(_ command: String, width: Int, indent: Int = 2) -> [String] {
    let pad = String(repeating: " ", count: indent)
    guard indent + DisplayWidth.of(command) > width else { return [pad + command] }
    var lines: [String] = []
    var current = ""
    for word in command.split(separator: " ").map(String.init) {
      if current.isEmpty {
        current = pad + word
      } else if DisplayWidth.of(current) + 1 + DisplayWidth.of(word) + 2 <= width {
        current += " " + word
      } else {
        lines.append(current + " \\")
        current = pad + "  " + word
      }
    }
    lines.append(current)
    return lines
  }
}
