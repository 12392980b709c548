/// A link reference definition's target.
struct LinkReference {
  var destination: String
  var title: String
}

/// Scans the parts of links shared by inline links and reference definitions.
enum LinkScanner {
  /// Longest link label CommonMark allows, in bytes between the brackets.
  static let maxLabelLength = 999

  /// A label `[...]` at `at`: returns the inner range and the index after `]`.
  static func label(
    _ s: [UInt8], _ at: Int, _ end: Int, allowEmpty: Bool = false
  ) -> (Range<Int>, Int)? {
    guard at < end, s[at] == UInt8(ascii: "[") else { return nil }
    var index = at + 1
    var hasText = false
    while index < end {
      let c = s[index]
      if index - at - 1 > maxLabelLength { return nil }
      if c == UInt8(ascii: "\\") && index + 1 < end && ByteClass.isASCIIPunctuation(s[index + 1]) {
        hasText = true
        index += 2
        continue
      }
      if c == UInt8(ascii: "[") { return nil }
      if c == UInt8(ascii: "]") {
        guard hasText || allowEmpty, index - at - 1 <= maxLabelLength else { return nil }
        return ((at + 1)..<index, index + 1)
      }
      if !ByteClass.isWhitespace(c) { hasText = true }
      index += 1
    }
    return nil
  }

  /// A destination at `at`: returns its raw range (without angle brackets) and the index after.
  static func destination(_ s: [UInt8], _ at: Int, _ end: Int) -> (Range<Int>, Int)? {
    guard at < end else { return nil }
    if s[at] == UInt8(ascii: "<") {
      var index = at + 1
      while index < end {
        let c = s[index]
        if c == UInt8(ascii: "\\") && index + 1 < end
          && ByteClass.isASCIIPunctuation(s[index + 1])
        {
          index += 2
          continue
        }
        if c == UInt8(ascii: ">") { return ((at + 1)..<index, index + 1) }
        if c == UInt8(ascii: "<") || ByteClass.isLineEnd(c) { return nil }
        index += 1
      }
      return nil
    }
    var index = at
    var depth = 0
    while index < end {
      let c = s[index]
      if c == UInt8(ascii: "\\") && index + 1 < end && ByteClass.isASCIIPunctuation(s[index + 1]) {
        index += 2
        continue
      }
      if c == UInt8(ascii: "(") {
        depth += 1
        if depth > 32 { return nil }
      } else if c == UInt8(ascii: ")") {
        if depth == 0 { break }
        depth -= 1
      } else if c <= 0x20 || c == 0x7F {
        break
      }
      index += 1
    }
    guard depth == 0 else { return nil }
    return (at..<index, index)
  }

  /// A title in quotes or parentheses at `at`: returns the inner range and the index after.
  static func title(_ s: [UInt8], _ at: Int, _ end: Int) -> (Range<Int>, Int)? {
    guard at < end else { return nil }
    let open = s[at]
    let close: UInt8
    switch open {
    case UInt8(ascii: "\""): close = open
    case UInt8(ascii: "'"): close = open
    case UInt8(ascii: "("): close = UInt8(ascii: ")")
    default: return nil
    }
    var index = at + 1
    while index < end {
      let c = s[index]
      if c == UInt8(ascii: "\\") && index + 1 < end && ByteClass.isASCIIPunctuation(s[index + 1]) {
        index += 2
        continue
      }
      if c == close { return ((at + 1)..<index, index + 1) }
      if open == UInt8(ascii: "(") && c == open { return nil }
      index += 1
    }
    return nil
  }

  /// Skips spaces and tabs and at most one line ending.
  static func skipSpacesAndOneNewline(_ s: [UInt8], _ at: Int, _ end: Int) -> Int {
    var index = at
    while index < end && ByteClass.isSpaceOrTab(s[index]) { index += 1 }
    if index < end && ByteClass.isLineEnd(s[index]) {
      index += 1
      while index < end && ByteClass.isSpaceOrTab(s[index]) { index += 1 }
    }
    return index
  }

  /// A reference definition at `at` in paragraph content (lines end with `\n`).
  static func referenceDefinition(
    _ s: [UInt8], at: Int
  ) -> (label: String, reference: LinkReference, next: Int)? {
    let end = s.count
    guard let (labelRange, afterLabel) = label(s, at, end), afterLabel < end,
      s[afterLabel] == UInt8(ascii: ":")
    else { return nil }
    let destinationStart = skipSpacesAndOneNewline(s, afterLabel + 1, end)
    guard let (destinationRange, afterDestination) = destination(s, destinationStart, end)
    else { return nil }
    let angled = s[destinationStart] == UInt8(ascii: "<")
    if !angled && destinationRange.isEmpty { return nil }
    let key = LinkLabel.normalize(s[labelRange])
    let url = Unescape.string(s[destinationRange])
    let titleStart = skipSpacesAndOneNewline(s, afterDestination, end)
    if titleStart > afterDestination, let (titleRange, afterTitle) = title(s, titleStart, end) {
      if let next = lineEndAfterSpaces(s, afterTitle) {
        let reference = LinkReference(destination: url, title: Unescape.string(s[titleRange]))
        return (key, reference, next)
      }
    }
    guard let next = lineEndAfterSpaces(s, afterDestination) else { return nil }
    return (key, LinkReference(destination: url, title: ""), next)
  }

  /// If only spaces and tabs remain on the line, the index after its line ending.
  static func lineEndAfterSpaces(_ s: [UInt8], _ at: Int) -> Int? {
    var index = at
    while index < s.count && ByteClass.isSpaceOrTab(s[index]) { index += 1 }
    if index >= s.count { return index }
    return ByteClass.isLineEnd(s[index]) ? index + 1 : nil
  }
}
