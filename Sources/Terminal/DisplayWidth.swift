/// How many terminal columns text occupies, computed per grapheme cluster.
///
/// East Asian wide and fullwidth characters and emoji take two columns (including ZWJ sequences,
/// skin-tone modifiers, flags and text symbols turned into emoji by VS16); combining marks,
/// format characters (zero-width space, joiners) and controls take none. ANSI escape sequences
/// (SGR and OSC 8 hyperlinks) are skipped, so styled text measures like its visible text.
public enum DisplayWidth {
  /// The display width of `string`, ignoring escape sequences.
  public static func of(_ string: String) -> Int {
    var copy = string
    return copy.withUTF8 { of(bytes: $0) }
  }

  /// The display width of one grapheme cluster.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    var iterator = scalars.makeIterator()
    guard let first = iterator.next() else { return 0 }
    guard let second = iterator.next() else { return width(of: first) }
    var base: Unicode.Scalar?
    var emojiVariation = false
    var textVariation = false
    for scalar in [first, second] + Array(IteratorSequence(iterator)) {
      switch scalar.value {
      case 0xFE0F: emojiVariation = true
      case 0xFE0E: textVariation = true
      default: if base == nil, width(of: scalar) > 0 { base = scalar }
      }
    }
    guard let base else { return 0 }
    if WideCharacters.contains(base.value) { return 2 }
    if base.properties.isEmojiPresentation { return textVariation ? 1 : 2 }
    if emojiVariation, base.properties.isEmoji { return 2 }
    return width(of: base)
  }

  /// The width of a scalar on its own: 0, 1 or 2.
  static func width(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x7F { return value >= 0x20 ? 1 : 0 }
    if value < 0xA0 { return 0 }
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator,
      .paragraphSeparator:
      return 0
    default: break
    }
    if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
    if WideCharacters.contains(value) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// The display width of UTF-8 bytes: ASCII counted directly, other runs per grapheme cluster.
  static func of(bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var width = 0
    var index = 0
    var lastCountedASCII = -2
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == 0x1B {
        index = EscapeSequence.end(in: bytes, from: index)
        continue
      }
      if byte < 0x80 {
        if byte >= 0x20 && byte != 0x7F {
          width += 1
          lastCountedASCII = index
        }
        index += 1
        continue
      }
      // A cluster may start with the ASCII character just before (e, then U+0301; 1, then VS16).
      var start = index
      if lastCountedASCII == index - 1 {
        start -= 1
        width -= 1
      }
      var end = index
      while end < count && bytes[end] >= 0x80 { end += 1 }
      let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      for character in run { width += of(character) }
      index = end
    }
    return width
  }
}
