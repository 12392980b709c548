/// Recognises raw HTML: the seven kinds of HTML block start and the inline HTML forms.
enum HTMLScanner {
  static let blockTagNames: Set<String> = [
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption",
    "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2",
    "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link",
    "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param",
    "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
    "tr", "track", "ul",
  ]
  static let rawTagNames: [String] = ["script", "pre", "style", "textarea"]

  /// The HTML block type (1...7) starting at `from` (which holds `<`), if any.
  static func blockStart(_ s: [UInt8], from: Int, to: Int, inParagraph: Bool) -> Int? {
    guard from + 1 < to else { return nil }
    let next = s[from + 1]
    if next == UInt8(ascii: "!") {
      if hasPrefix(s, from, to, "<!--") { return 2 }
      if hasPrefix(s, from, to, "<![CDATA[") { return 5 }
      if from + 2 < to && ByteClass.isAlpha(s[from + 2]) { return 4 }
      return nil
    }
    if next == UInt8(ascii: "?") { return 3 }
    let closing = next == UInt8(ascii: "/")
    var nameStart = from + 1
    if closing { nameStart += 1 }
    var nameEnd = nameStart
    while nameEnd < to && (ByteClass.isAlnum(s[nameEnd]) || s[nameEnd] == UInt8(ascii: "-")) {
      nameEnd += 1
    }
    guard nameEnd > nameStart, ByteClass.isAlpha(s[nameStart]) else { return nil }
    let name = String(decoding: s[nameStart..<nameEnd].map(ByteClass.lower), as: UTF8.self)
    let after: UInt8 = nameEnd < to ? s[nameEnd] : ByteClass.newline
    let delimited =
      ByteClass.isSpaceOrTab(after) || ByteClass.isLineEnd(after) || after == UInt8(ascii: ">")
    if !closing && rawTagNames.contains(name) && delimited { return 1 }
    if blockTagNames.contains(name)
      && (delimited
        || (after == UInt8(ascii: "/") && nameEnd + 1 < to && s[nameEnd + 1] == UInt8(ascii: ">")))
    {
      return 6
    }
    if inParagraph || rawTagNames.contains(name) { return nil }
    let end = closing ? closingTag(s, from, to) : openTag(s, from, to)
    guard let tagEnd = end else { return nil }
    var rest = tagEnd
    while rest < to && ByteClass.isSpaceOrTab(s[rest]) { rest += 1 }
    return rest >= to ? 7 : nil
  }

  /// Whether a line (from `from` to `to`) contains the end condition of block `type` 1...5.
  static func endsBlock(type: Int, _ s: [UInt8], from: Int, to: Int) -> Bool {
    switch type {
    case 1:
      var index = from
      while index < to {
        if s[index] == UInt8(ascii: "<") && index + 1 < to && s[index + 1] == UInt8(ascii: "/") {
          for name in rawTagNames where hasPrefixIgnoringCase(s, index + 2, to, name + ">") {
            return true
          }
        }
        index += 1
      }
      return false
    case 2: return find(s, from, to, "-->") != nil
    case 3: return find(s, from, to, "?>") != nil
    case 4: return find(s, from, to, ">") != nil
    case 5: return find(s, from, to, "]]>") != nil
    default: return false
    }
  }

  static func hasPrefix(_ s: [UInt8], _ at: Int, _ end: Int, _ prefix: String) -> Bool {
    var index = at
    for byte in prefix.utf8 {
      guard index < end, s[index] == byte else { return false }
      index += 1
    }
    return true
  }

  static func hasPrefixIgnoringCase(_ s: [UInt8], _ at: Int, _ end: Int, _ prefix: String) -> Bool {
    var index = at
    for byte in prefix.utf8 {
      guard index < end, ByteClass.lower(s[index]) == byte else { return false }
      index += 1
    }
    return true
  }

  /// The index of the first occurrence of `needle` in `s[from..<to]`.
  static func find(_ s: [UInt8], _ from: Int, _ to: Int, _ needle: String) -> Int? {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first, to - from >= pattern.count else { return nil }
    var index = from
    let last = to - pattern.count
    while index <= last {
      if s[index] == first {
        var k = 1
        while k < pattern.count && s[index + k] == pattern[k] { k += 1 }
        if k == pattern.count { return index }
      }
      index += 1
    }
    return nil
  }
}
