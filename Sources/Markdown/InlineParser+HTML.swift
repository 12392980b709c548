/// `<`: autolinks, raw inline HTML, or a literal less-than sign.
extension InlineParser {
  mutating func handleLessThan() {
    let start = pos
    if let (next, isEmail) = autolinkEnd(start) {
      let inner = (start + 1)..<(next - 1)
      let text = decodeEntities(inner)
      let url = (isEmail ? "mailto:" : "") + String(decoding: text, as: UTF8.self)
      let link = nodes.count
      targets.append(LinkTarget(destination: url, title: "", isAutolink: true))
      var linkNode = InlineNode(.link, sourceOffset: start)
      linkNode.target = targets.count - 1
      append(linkNode)
      let bufferStart = buffer.count
      buffer.append(contentsOf: text)
      let child = nodes.count
      nodes.append(
        InlineNode(
          .text, start: bufferStart, end: buffer.count, inBuffer: true, sourceOffset: start + 1))
      nodes[link].firstChild = child
      nodes[link].lastChild = child
      pos = next
      return
    }
    if let next = inlineHTMLEnd(start) {
      append(InlineNode(.html, start: start, end: next, sourceOffset: start))
      pos = next
      return
    }
    appendText(start, start + 1)
    pos += 1
  }

  func decodeEntities(_ range: Range<Int>) -> [UInt8] {
    var out: [UInt8] = []
    var index = range.lowerBound
    while index < range.upperBound {
      if s[index] == UInt8(ascii: "&"),
        let (decoded, next) = Entity.decode(s, index, range.upperBound)
      {
        out.append(contentsOf: decoded)
        index = next
      } else {
        out.append(s[index])
        index += 1
      }
    }
    return out
  }

  /// The index after a URI or email autolink starting at `at` (`<`).
  func autolinkEnd(_ at: Int) -> (Int, Bool)? {
    var index = at + 1
    let schemeStart = index
    if index < end && ByteClass.isAlpha(s[index]) {
      index += 1
      while index < end && index - schemeStart <= 32 {
        let c = s[index]
        guard
          ByteClass.isAlnum(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
            || c == UInt8(ascii: "-")
        else { break }
        index += 1
      }
      let schemeLength = index - schemeStart
      if schemeLength >= 2 && schemeLength <= 32 && index < end && s[index] == UInt8(ascii: ":") {
        index += 1
        while index < end {
          let c = s[index]
          if c == UInt8(ascii: ">") { return (index + 1, false) }
          if c <= 0x20 || c == 0x7F || c == UInt8(ascii: "<") { break }
          index += 1
        }
      }
    }
    return emailAutolinkEnd(at)
  }

  func emailAutolinkEnd(_ at: Int) -> (Int, Bool)? {
    var index = at + 1
    let localStart = index
    let localSpecials = Array(".!#$%&'*+/=?^_`{|}~-".utf8)
    while index < end && (ByteClass.isAlnum(s[index]) || localSpecials.contains(s[index])) {
      index += 1
    }
    guard index > localStart, index < end, s[index] == UInt8(ascii: "@") else { return nil }
    index += 1
    while true {
      let labelStart = index
      while index < end && (ByteClass.isAlnum(s[index]) || s[index] == UInt8(ascii: "-")) {
        index += 1
      }
      let length = index - labelStart
      guard length >= 1 && length <= 63, ByteClass.isAlnum(s[labelStart]),
        ByteClass.isAlnum(s[index - 1])
      else { return nil }
      guard index < end else { return nil }
      if s[index] == UInt8(ascii: ">") { return (index + 1, true) }
      guard s[index] == UInt8(ascii: ".") else { return nil }
      index += 1
    }
  }

  /// The index after raw inline HTML starting at `at` (`<`); caches failed end searches.
  mutating func inlineHTMLEnd(_ at: Int) -> Int? {
    guard at + 1 < end else { return nil }
    let next = s[at + 1]
    if next == UInt8(ascii: "!") {
      if HTMLScanner.hasPrefix(s, at, end, "<!--") {
        if HTMLScanner.hasPrefix(s, at, end, "<!-->") { return at + 5 }
        if HTMLScanner.hasPrefix(s, at, end, "<!--->") { return at + 6 }
        if noCommentEnd { return nil }
        let found = searchEnd(from: at + 4, "-->")
        if found == nil { noCommentEnd = true }
        return found
      }
      if HTMLScanner.hasPrefix(s, at, end, "<![CDATA[") {
        if noCDATAEnd { return nil }
        let found = searchEnd(from: at + 9, "]]>")
        if found == nil { noCDATAEnd = true }
        return found
      }
      if at + 2 < end && ByteClass.isAlpha(s[at + 2]) {
        if noDeclarationEnd { return nil }
        let found = searchEnd(from: at + 2, ">")
        if found == nil { noDeclarationEnd = true }
        return found
      }
      return nil
    }
    if next == UInt8(ascii: "?") {
      if noProcessingEnd { return nil }
      let found = searchEnd(from: at + 2, "?>")
      if found == nil { noProcessingEnd = true }
      return found
    }
    if next == UInt8(ascii: "/") { return HTMLScanner.closingTag(s, at, end) }
    return HTMLScanner.openTag(s, at, end)
  }

  func searchEnd(from: Int, _ needle: String) -> Int? {
    guard let found = HTMLScanner.find(s, from, end, needle) else { return nil }
    return found + needle.utf8.count
  }
}

/// GitHub `www.` and `scheme://` autolinks, matched on the raw subject like cmark-gfm.
extension InlineParser {
  /// Tries an autolink at `pos` (`w` or `:`); on success appends it and moves past it.
  mutating func handleWebAutolink(_ c: UInt8) -> Bool {
    guard brackets.isEmpty else { return false }
    var match: ExtendedAutolink.Match?
    if c == UInt8(ascii: "w") {
      if pos > 0 {
        let before = s[pos - 1]
        guard
          ByteClass.isWhitespace(before) || before == UInt8(ascii: "*")
            || before == UInt8(ascii: "_") || before == UInt8(ascii: "~")
            || before == UInt8(ascii: "(")
        else { return false }
      }
      match = ExtendedAutolink.www(s, pos, pos)
    } else {
      let last = nodes[0].lastChild
      var floor = pos
      if last >= 0 && nodes[last].kind == .text && !nodes[last].inBuffer && nodes[last].end == pos {
        floor = nodes[last].start
      }
      match = ExtendedAutolink.url(s, pos, floor)
    }
    guard let match, match.range.upperBound <= end else { return false }
    let rewind = pos - match.range.lowerBound
    if rewind > 0 {
      let last = nodes[0].lastChild
      nodes[last].end -= rewind
    }
    targets.append(LinkTarget(destination: match.destination, title: "", isAutolink: true))
    var linkNode = InlineNode(.link, sourceOffset: match.range.lowerBound)
    linkNode.target = targets.count - 1
    let link = append(linkNode)
    let child = nodes.count
    nodes.append(
      InlineNode(
        .text, start: match.range.lowerBound, end: match.range.upperBound,
        sourceOffset: match.range.lowerBound))
    nodes[link].firstChild = child
    nodes[link].lastChild = child
    pos = match.range.upperBound
    return true
  }
}
