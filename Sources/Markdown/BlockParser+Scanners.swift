/// A list marker found at the start of a line.
struct ListMarker {
  var ordered: Bool
  /// The bullet character, or the ordered delimiter (`.` or `)`).
  var char: UInt8
  var start: Int
  /// Bytes the marker occupies.
  var width: Int
}

extension BlockParser {
  /// The level of an ATX heading opening at the first non-space byte, if any.
  func atxLevel() -> Int? {
    var index = firstNonspace
    var level = 0
    while index < lineEnd && src[index] == UInt8(ascii: "#") && level < 7 {
      level += 1
      index += 1
    }
    guard level >= 1 && level <= 6 else { return nil }
    return index >= lineEnd || ByteClass.isSpaceOrTab(src[index]) ? level : nil
  }

  /// Stores the content of an ATX heading, without its closing sequence.
  mutating func setATXContent(_ node: BlockNode, level: Int) {
    var start = firstNonspace + level
    while start < lineEnd && ByteClass.isSpaceOrTab(src[start]) { start += 1 }
    var end = lineEnd
    while end > start && ByteClass.isSpaceOrTab(src[end - 1]) { end -= 1 }
    var hashes = end
    while hashes > start && src[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
    if hashes == start {
      end = start
    } else if hashes < end && ByteClass.isSpaceOrTab(src[hashes - 1]) {
      end = hashes
      while end > start && ByteClass.isSpaceOrTab(src[end - 1]) { end -= 1 }
    }
    node.origins = [
      BlockNode.LineOrigin(contentOffset: 0, line: lineNumber, column: sourceColumn(start))
    ]
    node.content = Array(src[start..<end])
    offset = lineEnd
  }

  /// Length and info string of an opening code fence at the first non-space byte.
  mutating func openingFence() -> (length: Int, info: [UInt8])? {
    let char = src[firstNonspace]
    var index = firstNonspace
    while index < lineEnd && src[index] == char { index += 1 }
    let length = index - firstNonspace
    guard length >= 3 else { return nil }
    var infoStart = index
    while infoStart < lineEnd && ByteClass.isWhitespace(src[infoStart]) { infoStart += 1 }
    var infoEnd = lineEnd
    while infoEnd > infoStart && ByteClass.isWhitespace(src[infoEnd - 1]) { infoEnd -= 1 }
    if char == UInt8(ascii: "`") {
      for k in infoStart..<infoEnd where src[k] == UInt8(ascii: "`") { return nil }
    }
    offset = lineEnd
    return (length, Array(src[infoStart..<infoEnd]))
  }

  /// Whether the line closes the fenced code block `node`.
  func isClosingFence(of node: BlockNode) -> Bool {
    var index = firstNonspace
    while index < lineEnd && src[index] == node.fenceChar { index += 1 }
    guard index - firstNonspace >= node.fenceLength else { return false }
    while index < lineEnd && ByteClass.isSpaceOrTab(src[index]) { index += 1 }
    return index >= lineEnd
  }

  /// The level (1 for `=`, 2 for `-`) of a setext underline at the first non-space byte.
  func setextLevel() -> Int? {
    let char = src[firstNonspace]
    var index = firstNonspace
    while index < lineEnd && src[index] == char { index += 1 }
    while index < lineEnd && ByteClass.isSpaceOrTab(src[index]) { index += 1 }
    guard index >= lineEnd else { return nil }
    return char == UInt8(ascii: "=") ? 1 : 2
  }

  /// Whether the line is a thematic break; remembers where a failed scan stopped.
  mutating func isThematicBreak() -> Bool {
    guard firstNonspace < lineEnd else { return false }
    let char = src[firstNonspace]
    guard char == UInt8(ascii: "*") || char == UInt8(ascii: "-") || char == UInt8(ascii: "_")
    else { return false }
    var count = 0
    var index = firstNonspace
    while index < lineEnd {
      let c = src[index]
      if c == char {
        count += 1
      } else if !ByteClass.isSpaceOrTab(c) {
        thematicBreakKillPos = index
        return false
      }
      index += 1
    }
    if count >= 3 { return true }
    thematicBreakKillPos = lineEnd
    return false
  }

  /// A list marker at the first non-space byte, under the rules for interrupting paragraphs.
  func listMarker(interruptsParagraph: Bool) -> ListMarker? {
    guard firstNonspace < lineEnd else { return nil }
    let c = src[firstNonspace]
    var marker: ListMarker
    var after: Int
    if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: "*") {
      marker = ListMarker(ordered: false, char: c, start: 1, width: 1)
      after = firstNonspace + 1
    } else if ByteClass.isDigit(c) {
      var index = firstNonspace
      var value = 0
      while index < lineEnd && ByteClass.isDigit(src[index]) && index - firstNonspace < 10 {
        value = value * 10 + Int(src[index] - 0x30)
        index += 1
      }
      let digits = index - firstNonspace
      guard digits <= 9, index < lineEnd,
        src[index] == UInt8(ascii: ".") || src[index] == UInt8(ascii: ")")
      else { return nil }
      marker = ListMarker(ordered: true, char: src[index], start: value, width: digits + 1)
      after = index + 1
      if interruptsParagraph && value != 1 { return nil }
    } else {
      return nil
    }
    let next = peek(after)
    guard ByteClass.isSpaceOrTab(next) || ByteClass.isLineEnd(next) else { return nil }
    if interruptsParagraph {
      var index = after
      while index < lineEnd && ByteClass.isSpaceOrTab(src[index]) { index += 1 }
      if index >= lineEnd { return nil }
    }
    return marker
  }
}
