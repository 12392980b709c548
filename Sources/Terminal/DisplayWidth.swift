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
      if let simple = simpleWidth(UnsafeBufferPointer(rebasing: bytes[index..<end])) {
        // Every character stands alone: no cluster to form, with the ASCII before or between.
        if start < index { width += 1 }
        width += simple
        index = end
        continue
      }
      let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      for character in run { width += of(character) }
      index = end
    }
    return width
  }

  /// The width of a run of non-ASCII UTF-8 when each of its scalars is a grapheme cluster on
  /// its own whatever surrounds it, with a known width (Latin letters, punctuation such as
  /// quotes and dashes, arrows, box drawing, CJK ideographs); nil otherwise (the caller then
  /// forms clusters). Spares a `String` and the Unicode property lookups for most text.
  static func simpleWidth(_ run: UnsafeBufferPointer<UInt8>) -> Int? {
    var width = 0
    var index = 0
    let count = run.count
    while index < count {
      let lead = run[index]
      var value: UInt32
      var length: Int
      if lead & 0xE0 == 0xC0 {
        value = UInt32(lead & 0x1F)
        length = 2
      } else if lead & 0xF0 == 0xE0 {
        value = UInt32(lead & 0x0F)
        length = 3
      } else {
        return nil
      }
      guard index + length <= count else { return nil }
      for offset in 1..<length {
        let next = run[index + offset]
        guard next & 0xC0 == 0x80 else { return nil }
        value = value << 6 | UInt32(next & 0x3F)
      }
      guard let columns = simpleColumns(value) else { return nil }
      width += columns
      index += length
    }
    return width
  }

  /// The columns of a scalar that never joins a cluster, or nil for any other.
  static func simpleColumns(_ value: UInt32) -> Int? {
    switch value {
    case 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x2500...0x257F:
      return 1
    case 0x4E00...0x9FFF:
      return 2
    default:
      return nil
    }
  }
}
