/// GitHub extended autolinks: `www.` hosts, `http(s)://` and `ftp://` URLs, and email
/// addresses found in plain text (outside links), with GitHub's trailing-punctuation rules.
enum ExtendedAutolink {
  /// A link found in text: its byte range and destination.
  struct Match {
    var range: Range<Int>
    var destination: String
  }

  /// A cheap filter: autolinks need `www.`, `://` or `@`.
  static func mayContainLink(_ text: ArraySlice<UInt8>) -> Bool {
    var index = text.startIndex
    let end = text.endIndex
    while index < end {
      switch text[index] {
      case UInt8(ascii: "@"):
        return true
      case UInt8(ascii: ":"):
        if index + 2 < end && text[index + 1] == UInt8(ascii: "/") { return true }
      case UInt8(ascii: "w"):
        if index + 3 < end && text[index + 1] == UInt8(ascii: "w")
          && text[index + 2] == UInt8(ascii: "w") && text[index + 3] == UInt8(ascii: ".")
        {
          return true
        }
      default:
        break
      }
      index += 1
    }
    return false
  }

  /// Every email autolink in `text`, left to right (cmark-gfm finds these in text nodes
  /// after inline parsing; `www.` and URL links are matched by the inline parser).
  static func emails(in text: [UInt8]) -> [Match] {
    var matches: [Match] = []
    var floor = 0
    var index = 0
    while index < text.count {
      if text[index] == UInt8(ascii: "@"), let match = email(text, index, floor) {
        matches.append(match)
        index = match.range.upperBound
        floor = index
      } else {
        index += 1
      }
    }
    return matches
  }

  /// Every autolink in `text`, left to right.
  static func find(in text: [UInt8]) -> [Match] {
    var matches: [Match] = []
    var floor = 0
    var index = 0
    let count = text.count
    while index < count {
      let c = text[index]
      var found: Match?
      if c == UInt8(ascii: "w") {
        found = www(text, index, floor)
      } else if c == UInt8(ascii: ":") {
        found = url(text, index, floor)
      } else if c == UInt8(ascii: "@") {
        found = email(text, index, floor)
      }
      if let match = found {
        matches.append(match)
        index = match.range.upperBound
        floor = index
      } else {
        index += 1
      }
    }
    return matches
  }

  static func www(_ d: [UInt8], _ at: Int, _ floor: Int) -> Match? {
    if at > floor {
      let before = d[at - 1]
      guard
        ByteClass.isWhitespace(before) || before == UInt8(ascii: "*")
          || before == UInt8(ascii: "_") || before == UInt8(ascii: "~")
          || before == UInt8(ascii: "(")
      else { return nil }
    }
    guard HTMLScanner.hasPrefix(d, at, d.count, "www.") else { return nil }
    let domain = checkDomain(d, at, allowShort: false)
    guard domain > 0 else { return nil }
    var linkEnd = at + domain
    while linkEnd < d.count && !ByteClass.isWhitespace(d[linkEnd]) { linkEnd += 1 }
    linkEnd = trimDelimiters(d, at, linkEnd)
    guard linkEnd > at else { return nil }
    let text = String(decoding: d[at..<linkEnd], as: UTF8.self)
    return Match(range: at..<linkEnd, destination: "http://" + text)
  }

  static func url(_ d: [UInt8], _ colon: Int, _ floor: Int) -> Match? {
    guard colon + 2 < d.count, d[colon + 1] == UInt8(ascii: "/"), d[colon + 2] == UInt8(ascii: "/")
    else { return nil }
    var start = colon
    while start > floor && ByteClass.isAlpha(d[start - 1]) { start -= 1 }
    let scheme = String(decoding: d[start..<colon].map(ByteClass.lower), as: UTF8.self)
    guard scheme == "http" || scheme == "https" || scheme == "ftp" else { return nil }
    let domainStart = colon + 3
    guard domainStart < d.count else { return nil }
    let domain = checkDomain(d, domainStart, allowShort: true)
    guard domain > 0 else { return nil }
    var linkEnd = domainStart + domain
    while linkEnd < d.count && !ByteClass.isWhitespace(d[linkEnd]) { linkEnd += 1 }
    linkEnd = trimDelimiters(d, start, linkEnd)
    guard linkEnd > start else { return nil }
    let text = String(decoding: d[start..<linkEnd], as: UTF8.self)
    return Match(range: start..<linkEnd, destination: text)
  }

  static func email(_ d: [UInt8], _ at: Int, _ floor: Int) -> Match? {
    var start = at
    while start > floor {
      let c = d[start - 1]
      if ByteClass.isAlnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "+")
        || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
      {
        start -= 1
        continue
      }
      if c == UInt8(ascii: "/") { return nil }
      break
    }
    guard start < at else { return nil }
    var linkEnd = at
    var atSigns = 0
    var periods = 0
    while linkEnd < d.count {
      let c = d[linkEnd]
      if ByteClass.isAlnum(c) {
      } else if c == UInt8(ascii: "@") {
        atSigns += 1
      } else if c == UInt8(ascii: ".") && linkEnd + 1 < d.count && ByteClass.isAlnum(d[linkEnd + 1])
      {
        periods += 1
      } else if c != UInt8(ascii: "-") && c != UInt8(ascii: "_") {
        break
      }
      linkEnd += 1
    }
    let length = linkEnd - at
    guard length >= 2, atSigns == 1, periods > 0,
      ByteClass.isAlpha(d[linkEnd - 1]) || d[linkEnd - 1] == UInt8(ascii: ".")
    else { return nil }
    linkEnd = trimDelimiters(d, at, linkEnd)
    guard linkEnd > at else { return nil }
    let text = String(decoding: d[start..<linkEnd], as: UTF8.self)
    return Match(range: start..<linkEnd, destination: "mailto:" + text)
  }

  /// Length of a valid domain starting at `start`, or 0.
  static func checkDomain(_ d: [UInt8], _ start: Int, allowShort: Bool) -> Int {
    var index = start + 1
    var periods = 0
    var underscoresBefore = 0
    var underscores = 0
    let size = d.count
    while index < size - 1 {
      if d[index] == UInt8(ascii: "\\") && index < size - 2 { index += 1 }
      let c = d[index]
      if c == UInt8(ascii: "_") {
        underscores += 1
      } else if c == UInt8(ascii: ".") {
        underscoresBefore = underscores
        underscores = 0
        periods += 1
      } else if c != UInt8(ascii: "-") {
        let scalar = ByteClass.scalar(in: d, at: index)
        if ByteClass.isUnicodeWhitespace(scalar) || ByteClass.isUnicodePunctuation(scalar) {
          break
        }
        index += String(scalar).utf8.count
        continue
      }
      index += 1
    }
    if underscoresBefore > 0 || underscores > 0 { return 0 }
    if allowShort { return index - start }
    return periods > 0 ? index - start : 0
  }

  /// Drops trailing punctuation, unbalanced `)` and entity-like `&name;` from a link end.
  static func trimDelimiters(_ d: [UInt8], _ start: Int, _ end: Int) -> Int {
    var linkEnd = end
    for k in start..<end where d[k] == UInt8(ascii: "<") {
      linkEnd = k
      break
    }
    let trailing = Array("?!.,:*_~'\"".utf8)
    while linkEnd > start {
      let last = d[linkEnd - 1]
      if trailing.contains(last) {
        linkEnd -= 1
      } else if last == UInt8(ascii: ";") {
        var k = linkEnd - 2
        while k > start && ByteClass.isAlnum(d[k]) { k -= 1 }
        if k < linkEnd - 2 && d[k] == UInt8(ascii: "&") { linkEnd = k } else { linkEnd -= 1 }
      } else if last == UInt8(ascii: ")") {
        var opening = 0
        var closing = 0
        for k in start..<linkEnd {
          if d[k] == UInt8(ascii: "(") { opening += 1 }
          if d[k] == UInt8(ascii: ")") { closing += 1 }
        }
        if closing <= opening { break }
        linkEnd -= 1
      } else {
        break
      }
    }
    return linkEnd
  }
}
