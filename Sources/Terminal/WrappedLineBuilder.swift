/// Where `WrappedLineBuilder` puts each finished line.
protocol WrappedLineSink {
  /// Takes one line: `indent` spaces (the hanging indent), then `head` and `body`.
  mutating func takeLine(indent: Int, _ head: [UInt8], _ body: UnsafeBufferPointer<UInt8>)
}

/// Collects wrapped lines as strings (the public `WordWrapper.wrap`).
struct WrappedStringLines: WrappedLineSink {
  var lines: [String] = []

  mutating func takeLine(indent: Int, _ head: [UInt8], _ body: UnsafeBufferPointer<UInt8>) {
    lines.append(
      String(repeating: " ", count: indent) + String(decoding: head + body, as: UTF8.self))
  }
}

/// Accumulates wrapped lines for `WordWrapper`, tracking the open style and hyperlink, and
/// hands each finished line to its sink.
struct WrappedLineBuilder<Sink: WrappedLineSink> {
  let width: Int
  /// Spaces in front of every line after the first, which is that much narrower.
  let hangingIndent: Int
  /// Whether a word wider than a line is broken between grapheme clusters (else it overflows on
  /// a line of its own, so paths, URLs and JSON stay whole).
  let breaksLongWords: Bool
  private(set) var sink: Sink
  /// Whether the line being built is the first one.
  private var onFirstLine = true
  /// The line so far is `current` followed by `source[sliceStart..<sliceEnd]`: words of the
  /// text being wrapped that follow each other there, with their spaces, are not copied.
  private var current: [UInt8] = []
  private var source = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  private var sliceStart = 0
  private var sliceEnd = 0
  private var currentWidth = 0
  /// SGR sequences in effect since the last reset, replayed at the start of each new line.
  private var activeStyles: [UInt8] = []
  /// The OSC 8 sequence of the hyperlink currently open, if any.
  private var activeLink: [UInt8]?

  init(sink: Sink, width: Int, hangingIndent: Int = 0, breaksLongWords: Bool = true) {
    self.sink = sink
    self.width = width
    self.hangingIndent = max(0, min(hangingIndent, width - 1))
    self.breaksLongWords = breaksLongWords
  }

  /// The columns available on the current line.
  private var lineWidth: Int { onFirstLine ? width : width - hangingIndent }

  /// Places a visible word after `spaces` spaces, breaking the line first when it does not fit.
  mutating func place(
    _ word: UnsafeBufferPointer<UInt8>, width wordWidth: Int, spaces: Int, hasEscape: Bool
  ) {
    let width = lineWidth
    if !breaksLongWords && wordWidth > self.width - hangingIndent {
      placeInPieces(word, spaces: spaces)
      return
    }
    if currentWidth == 0 {
      if wordWidth <= width || !breaksLongWords {
        append(word, width: wordWidth, hasEscape: hasEscape)
      } else {
        appendBroken(word)
      }
      return
    }
    if currentWidth + spaces + wordWidth <= width {
      appendSpaces(spaces)
      append(word, width: wordWidth, hasEscape: hasEscape)
      return
    }
    if breaksLongWords && wordWidth > width && currentWidth + spaces < width {
      appendSpaces(spaces)
      appendBroken(word)
      return
    }
    breakLine()
    place(word, width: wordWidth, spaces: 0, hasEscape: hasEscape)
  }

  /// Places a word wider than any line in pieces: split after each `/` when every piece then
  /// fits a line (a path breaks between folders), else also after `-`, `_`, `.`, `:`, `,`, `=`,
  /// `&` and `?` (`Access-Control-Allow-Origin` between its parts); never inside an escape
  /// sequence. A piece still wider than the line overflows.
  private mutating func placeInPieces(_ word: UnsafeBufferPointer<UInt8>, spaces: Int) {
    var pieces = Self.pieces(of: word, breakingAfter: Set("/".utf8))
    let fits = pieces.allSatisfy {
      DisplayWidth.of(bytes: UnsafeBufferPointer(rebasing: word[$0])) <= width - hangingIndent
    }
    if !fits { pieces = Self.pieces(of: word, breakingAfter: Set("/-_.:,=&?".utf8)) }
    for (number, range) in pieces.enumerated() {
      let piece = UnsafeBufferPointer(rebasing: word[range])
      let pieceWidth = DisplayWidth.of(bytes: piece)
      let hasEscape = piece.contains(0x1B)
      let gap = number == 0 ? spaces : 0
      if currentWidth > 0 && currentWidth + gap + pieceWidth > lineWidth {
        breakLine()
      } else if currentWidth > 0 {
        appendSpaces(gap)
      }
      append(piece, width: pieceWidth, hasEscape: hasEscape)
    }
  }

  /// The byte ranges of `word` split after each byte of `breakAfter` outside escape sequences.
  private static func pieces(
    of word: UnsafeBufferPointer<UInt8>, breakingAfter breakAfter: Set<UInt8>
  ) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    var start = 0
    var index = 0
    while index < word.count {
      if word[index] == 0x1B {
        index = EscapeSequence.end(in: word, from: index)
        continue
      }
      let isBreak = breakAfter.contains(word[index])
      index += 1
      if isBreak && index < word.count {
        pieces.append(start..<index)
        start = index
      }
    }
    if start < word.count { pieces.append(start..<word.count) }
    return pieces
  }

  /// Appends bytes as they are, noting any style or hyperlink they open or close.
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, width bytesWidth: Int, hasEscape: Bool)
  {
    if let base = source.baseAddress, let start = bytes.baseAddress, start >= base,
      start + bytes.count <= base + source.count
    {
      let offset = start - base
      if sliceStart == sliceEnd || offset != sliceEnd {
        flushSlice()
        sliceStart = offset
      }
      sliceEnd = offset + bytes.count
    } else {
      flushSlice()
      current.append(contentsOf: bytes)
    }
    currentWidth += bytesWidth
    if hasEscape { track(bytes) }
  }

  /// Ends the current line, closing open styles and links, and reopens them on the next.
  mutating func breakLine() {
    if activeLink != nil || !activeStyles.isEmpty {
      flushSlice()
      if activeLink != nil { current.append(contentsOf: ANSIStyle.hyperlinkEnd.utf8) }
      if !activeStyles.isEmpty { current.append(contentsOf: ANSIStyle.resetBytes) }
    }
    emitLine()
    current.removeAll(keepingCapacity: true)
    if let activeLink { current.append(contentsOf: activeLink) }
    current.append(contentsOf: activeStyles)
    currentWidth = 0
  }

  /// Swaps the line buffer with `buffer` (emptied, its capacity kept): lend one before the
  /// first word and take it back after `finish`.
  mutating func lend(_ buffer: inout [UInt8]) {
    swap(&current, &buffer)
    current.removeAll(keepingCapacity: true)
  }

  /// Sets the text being wrapped (valid until `finish`), whose words need not be copied.
  mutating func setSource(_ bytes: UnsafeBufferPointer<UInt8>) {
    source = bytes
    sliceStart = 0
    sliceEnd = 0
  }

  /// Hands the line to the sink.
  private mutating func emitLine() {
    sink.takeLine(
      indent: onFirstLine ? 0 : hangingIndent, current,
      UnsafeBufferPointer(rebasing: source[sliceStart..<sliceEnd]))
    onFirstLine = false
    sliceStart = 0
    sliceEnd = 0
  }

  /// Moves the slice of the source into `current`.
  private mutating func flushSlice() {
    guard sliceEnd > sliceStart else { return }
    current.append(contentsOf: UnsafeBufferPointer(rebasing: source[sliceStart..<sliceEnd]))
    sliceStart = 0
    sliceEnd = 0
  }

  /// Hands over the last line and returns the sink.
  mutating func finish() -> Sink {
    emitLine()
    source = UnsafeBufferPointer(start: nil, count: 0)
    return sink
  }

  private mutating func appendSpaces(_ count: Int) {
    currentWidth += count
    if sliceEnd > sliceStart && sliceEnd + count <= source.count {
      var spaces = true
      for index in sliceEnd..<(sliceEnd + count) where source[index] != UInt8(ascii: " ") {
        spaces = false
        break
      }
      if spaces {
        sliceEnd += count
        return
      }
    }
    flushSlice()
    for _ in 0..<count { current.append(UInt8(ascii: " ")) }
  }

  /// Appends a word wider than the line, one grapheme cluster at a time.
  private mutating func appendBroken(_ word: UnsafeBufferPointer<UInt8>) {
    var index = 0
    while index < word.count {
      let byte = word[index]
      var end = index + 1
      if byte == 0x1B {
        end = EscapeSequence.end(in: word, from: index)
        append(UnsafeBufferPointer(rebasing: word[index..<end]), width: 0, hasEscape: true)
        index = end
        continue
      }
      if byte >= 0x80 {
        while end < word.count && word[end] >= 0x80 { end += 1 }
      }
      let piece = UnsafeBufferPointer(rebasing: word[index..<end])
      if byte < 0x80 {
        appendCluster(piece, width: DisplayWidth.of(bytes: piece))
      } else {
        for character in String(decoding: piece, as: UTF8.self) {
          var text = String(character)
          text.withUTF8 { appendCluster($0, width: DisplayWidth.of(character)) }
        }
      }
      index = end
    }
  }

  private mutating func appendCluster(_ bytes: UnsafeBufferPointer<UInt8>, width clusterWidth: Int)
  {
    if clusterWidth > 0 && currentWidth > 0 && currentWidth + clusterWidth > lineWidth {
      breakLine()
    }
    append(bytes, width: clusterWidth, hasEscape: false)
  }

  /// Updates the open style and hyperlink from the escape sequences in `bytes`.
  private mutating func track(_ bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    while index < bytes.count {
      guard bytes[index] == 0x1B else {
        index += 1
        continue
      }
      let end = EscapeSequence.end(in: bytes, from: index)
      let sequence = UnsafeBufferPointer(rebasing: bytes[index..<end])
      index = end
      guard sequence.count >= 3 else { continue }
      if sequence[1] == UInt8(ascii: "["), sequence[sequence.count - 1] == UInt8(ascii: "m") {
        let parameters = sequence[2..<(sequence.count - 1)]
        if parameters.isEmpty || (parameters.count == 1 && parameters.first == UInt8(ascii: "0")) {
          activeStyles.removeAll(keepingCapacity: true)
        } else {
          activeStyles.append(contentsOf: sequence)
        }
      } else if sequence[1] == UInt8(ascii: "]") {
        let isClose = sequence.elementsEqual(ANSIStyle.hyperlinkEnd.utf8)
        activeLink = isClose ? nil : Array(sequence)
      }
    }
  }
}
