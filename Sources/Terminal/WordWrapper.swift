/// Wraps text, possibly styled with escape sequences, to a display width.
///
/// Words are separated by spaces; `\n` forces a line break. A word wider than the whole width is
/// broken between grapheme clusters. Escape sequences take no room, and a style or hyperlink still
/// open at a line break is closed at the end of that line and reopened at the start of the next,
/// so each line stands alone (prefixes such as a quote bar never inherit a style).
public enum WordWrapper {
  /// The lines of `text` wrapped to `width` columns (at least 1); never empty.
  ///
  /// Every line after the first starts with `hangingIndent` spaces (a list item's text under
  /// its `d) ` or `- `). With `breakingLongWords` false a word wider than the line stays whole
  /// and overflows on a line of its own.
  public static func wrap(
    _ text: String, width: Int, hangingIndent: Int = 0, breakingLongWords: Bool = true
  ) -> [String] {
    var copy = text
    return copy.withUTF8 {
      var builder = WrappedLineBuilder(
        sink: WrappedStringLines(), width: max(1, width), hangingIndent: hangingIndent,
        breaksLongWords: breakingLongWords)
      return wrap(bytes: $0, into: &builder).lines
    }
  }

  /// Wraps `bytes` to `width` columns (at least 1), handing each line to `sink`.
  /// `lineBuffer` lends the builder its line buffer (kept between calls: no allocation).
  static func wrap<Sink: WrappedLineSink>(
    bytes: UnsafeBufferPointer<UInt8>, width: Int, into sink: Sink, lineBuffer: inout [UInt8]
  ) -> Sink {
    var builder = WrappedLineBuilder(sink: sink, width: max(1, width))
    builder.lend(&lineBuffer)
    let result = wrap(bytes: bytes, into: &builder)
    builder.lend(&lineBuffer)
    return result
  }

  private static func wrap<Sink: WrappedLineSink>(
    bytes: UnsafeBufferPointer<UInt8>, into builder: inout WrappedLineBuilder<Sink>
  ) -> Sink {
    builder.setSource(bytes)
    var index = 0
    var pendingSpaces = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        builder.breakLine()
        pendingSpaces = 0
        index += 1
        continue
      }
      if byte == UInt8(ascii: " ") {
        pendingSpaces += 1
        index += 1
        continue
      }
      let start = index
      var hasEscape = false
      // Printable ASCII is measured on the way; any other byte sends the word to DisplayWidth.
      var asciiWidth = 0
      var onlyASCII = true
      while index < count {
        let next = bytes[index]
        if next == UInt8(ascii: " ") || next == UInt8(ascii: "\n") { break }
        if next == 0x1B {
          hasEscape = true
          index = EscapeSequence.end(in: bytes, from: index)
        } else {
          if next >= 0x80 {
            onlyASCII = false
          } else if next >= 0x20 && next != 0x7F {
            asciiWidth += 1
          }
          index += 1
        }
      }
      let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
      let wordWidth = onlyASCII ? asciiWidth : DisplayWidth.of(bytes: word)
      if wordWidth == 0 {
        // Only escapes: keep them here and let the spaces go to the next visible word.
        builder.append(word, width: 0, hasEscape: hasEscape)
        continue
      }
      builder.place(word, width: wordWidth, spaces: pendingSpaces, hasEscape: hasEscape)
      pendingSpaces = 0
    }
    return builder.finish()
  }
}
