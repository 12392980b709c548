/// Open and closing tags as CommonMark defines them (used by block type 7 and inline HTML).
extension HTMLScanner {
  /// The index just past an open tag starting at `at` (`<`), if there is one.
  static func openTag(_ s: [UInt8], _ at: Int, _ end: Int) -> Int? {
    var index = at + 1
    guard let nameEnd = tagName(s, index, end) else { return nil }
    index = nameEnd
    while true {
      let spaceStart = index
      index = skipWhitespace(s, index, end)
      guard index < end else { return nil }
      let c = s[index]
      if c == UInt8(ascii: ">") { return index + 1 }
      if c == UInt8(ascii: "/") {
        return index + 1 < end && s[index + 1] == UInt8(ascii: ">") ? index + 2 : nil
      }
      guard index > spaceStart, let attributeEnd = attribute(s, index, end) else { return nil }
      index = attributeEnd
    }
  }

  /// The index just past a closing tag starting at `at` (`<`), if there is one.
  static func closingTag(_ s: [UInt8], _ at: Int, _ end: Int) -> Int? {
    guard at + 1 < end, s[at + 1] == UInt8(ascii: "/"), let nameEnd = tagName(s, at + 2, end)
    else { return nil }
    let index = skipWhitespace(s, nameEnd, end)
    return index < end && s[index] == UInt8(ascii: ">") ? index + 1 : nil
  }

  static func tagName(_ s: [UInt8], _ at: Int, _ end: Int) -> Int? {
    guard at < end, ByteClass.isAlpha(s[at]) else { return nil }
    var index = at + 1
    while index < end && (ByteClass.isAlnum(s[index]) || s[index] == UInt8(ascii: "-")) {
      index += 1
    }
    return index
  }

  static func skipWhitespace(_ s: [UInt8], _ at: Int, _ end: Int) -> Int {
    var index = at
    while index < end && ByteClass.isWhitespace(s[index]) { index += 1 }
    return index
  }

  /// An attribute name with an optional value specification.
  static func attribute(_ s: [UInt8], _ at: Int, _ end: Int) -> Int? {
    let first = s[at]
    guard ByteClass.isAlpha(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
    else { return nil }
    var index = at + 1
    while index < end {
      let c = s[index]
      guard
        ByteClass.isAlnum(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ".")
          || c == UInt8(ascii: ":") || c == UInt8(ascii: "-")
      else { break }
      index += 1
    }
    let nameEnd = index
    index = skipWhitespace(s, index, end)
    guard index < end, s[index] == UInt8(ascii: "=") else { return nameEnd }
    index = skipWhitespace(s, index + 1, end)
    guard index < end else { return nil }
    let quote = s[index]
    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
      var k = index + 1
      while k < end && s[k] != quote { k += 1 }
      return k < end ? k + 1 : nil
    }
    var k = index
    while k < end {
      let c = s[k]
      if ByteClass.isWhitespace(c) || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
        || c == UInt8(ascii: "=") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">")
        || c == UInt8(ascii: "`")
      {
        break
      }
      k += 1
    }
    return k > index ? k : nil
  }
}
