/// Scalars: plain (possibly over several lines), single- and double-quoted, and block
/// scalars (`|` literal, `>` folded) with chomping and indentation indicators.
extension YAMLParser {
  /// A plain or quoted scalar in block context whose continuation lines must be indented
  /// more than `parentIndent`.
  mutating func parseBlockScalarValue(parentIndent: Int) throws -> YAMLNode {
    switch current {
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      return try parseQuotedScalar()
    default:
      return try parsePlainScalar(parentIndent: parentIndent, flow: false)
    }
  }

  /// Characters that cannot start a plain scalar.
  func checkPlainStart() throws {
    let first = current
    let reserved: [UInt8] = [
      UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "%"),
    ]
    if reserved.contains(first) {
      throw error(
        "'\(Character(Unicode.Scalar(first)))' cannot start a plain value; quote the text")
    }
    if first == UInt8(ascii: "&") || first == UInt8(ascii: "!") || first == UInt8(ascii: "*") {
      throw error("misplaced '\(Character(Unicode.Scalar(first)))'; quote the text")
    }
    if Self.isFlowIndicator(first) && first != UInt8(ascii: ",") {
      throw error("misplaced '\(Character(Unicode.Scalar(first)))'; quote the text")
    }
  }

  /// A plain scalar. In block context it ends at `: `, ` #` or the line end and continues on
  /// lines indented more than `parentIndent`; in flow context it also ends at `,[]{}`.
  mutating func parsePlainScalar(parentIndent: Int, flow: Bool) throws -> YAMLNode {
    let start = pos
    try checkPlainStart()
    var text: [UInt8] = []
    var pendingBreaks = 0
    var firstLine = true
    while true {
      // One line's worth.
      let segmentStart = pos
      var segmentEnd = pos
      while !atEnd && current != 0x0A {
        let byte = current
        if byte == UInt8(ascii: ":") {
          let next = self.byte(pos + 1)
          if Self.isSeparator(next) || (flow && Self.isFlowIndicator(next)) { break }
        }
        if byte == UInt8(ascii: "#"), pos > segmentStart, Self.isBlank(self.byte(pos - 1)) {
          break
        }
        if flow && Self.isFlowIndicator(byte) { break }
        pos += 1
        if !Self.isBlank(byte) { segmentEnd = pos }
      }
      if segmentEnd > segmentStart {
        if !firstLine {
          if pendingBreaks == 0 {
            text.append(0x20)
          } else {
            text.append(contentsOf: repeatElement(0x0A, count: pendingBreaks))
          }
        }
        text.append(contentsOf: bytes[segmentStart..<segmentEnd])
        firstLine = false
      }
      let stoppedEarly = !atEnd && current != 0x0A
      if stoppedEarly {
        pos = segmentEnd
        break
      }
      // Look for a continuation line.
      var ahead = pos
      var breaks = 0
      var found: Int?
      while ahead < bytes.count {
        guard byte(ahead) == 0x0A else { break }
        ahead += 1
        breaks += 1
        var indentEnd = ahead
        while Self.isBlank(byte(indentEnd)) { indentEnd += 1 }
        let next = byte(indentEnd)
        if next == 0x0A { ahead = indentEnd; continue }
        if next == 0 || next == UInt8(ascii: "#") { break }
        var spaces = 0
        while byte(ahead + spaces) == 0x20 { spaces += 1 }
        if documentMarker(at: ahead) != nil { break }
        if flow || spaces > parentIndent { found = indentEnd }
        break
      }
      guard let found else {
        pos = segmentEnd
        break
      }
      if !flow && (byte(found) == UInt8(ascii: "-") && Self.isSeparator(byte(found + 1))) {
        pos = segmentEnd
        break
      }
      if flow && (Self.isFlowIndicator(byte(found)) || byte(found) == UInt8(ascii: ":")) {
        pos = segmentEnd
        break
      }
      pendingBreaks = breaks - 1
      pos = found
    }
    if text.isEmpty && pos == start {
      throw error("expected a value here, found '\(excerpt(from: pos))'")
    }
    return node(.scalar(String(decoding: text, as: UTF8.self), .plain), at: start)
  }

  /// A `'...'` or `"..."` scalar, which may span lines (line breaks fold to spaces).
  mutating func parseQuotedScalar() throws -> YAMLNode {
    let start = pos
    let quote = current
    let double = quote == UInt8(ascii: "\"")
    pos += 1
    var text: [UInt8] = []
    while true {
      guard !atEnd else {
        throw error(
          "this \(double ? "double" : "single")-quoted text is never closed; "
            + "add the closing \(double ? "\"" : "'")",
          at: start)
      }
      let byte = current
      if byte == quote {
        if !double && self.byte(pos + 1) == quote {
          text.append(quote)
          pos += 2
          continue
        }
        pos += 1
        break
      }
      if byte == 0x0A {
        // Fold: trailing blanks go, one break becomes a space, n+1 breaks become n newlines.
        while let last = text.last, Self.isBlank(last) { text.removeLast() }
        var breaks = 0
        while current == 0x0A {
          breaks += 1
          pos += 1
          skipInlineBlanks()
        }
        if documentMarker(at: lineStarts[lineIndex(of: pos)]) != nil
          && column(of: pos) <= 3
        {
          throw error("a document marker appears inside quoted text; close the quote first")
        }
        if breaks == 1 {
          text.append(0x20)
        } else {
          text.append(contentsOf: repeatElement(0x0A, count: breaks - 1))
        }
        continue
      }
      if double && byte == UInt8(ascii: "\\") {
        try parseEscape(into: &text)
        continue
      }
      text.append(byte)
      pos += 1
    }
    let style: YAMLNode.ScalarStyle = double ? .doubleQuoted : .singleQuoted
    return node(.scalar(String(decoding: text, as: UTF8.self), style), at: start)
  }

  /// A backslash escape in double-quoted text (position on the backslash).
  mutating func parseEscape(into text: inout [UInt8]) throws {
    let start = pos
    pos += 1
    let code = current
    pos += 1
    let simple: [UInt8: [UInt8]] = [
      UInt8(ascii: "0"): [0], UInt8(ascii: "a"): [7], UInt8(ascii: "b"): [8],
      UInt8(ascii: "t"): [9], 0x09: [9], UInt8(ascii: "n"): [10], UInt8(ascii: "v"): [11],
      UInt8(ascii: "f"): [12], UInt8(ascii: "r"): [13], UInt8(ascii: "e"): [27],
      0x20: [0x20], UInt8(ascii: "\""): [0x22], UInt8(ascii: "/"): [0x2F],
      UInt8(ascii: "\\"): [0x5C], UInt8(ascii: "N"): Array("\u{85}".utf8),
      UInt8(ascii: "_"): Array("\u{A0}".utf8), UInt8(ascii: "L"): Array("\u{2028}".utf8),
      UInt8(ascii: "P"): Array("\u{2029}".utf8),
    ]
    if let replacement = simple[code] {
      text.append(contentsOf: replacement)
      return
    }
    if code == 0x0A {
      // An escaped line break joins the lines without a space.
      skipInlineBlanks()
      while current == 0x0A {
        pos += 1
        skipInlineBlanks()
      }
      return
    }
    let digits: Int
    switch code {
    case UInt8(ascii: "x"): digits = 2
    case UInt8(ascii: "u"): digits = 4
    case UInt8(ascii: "U"): digits = 8
    default:
      throw error(
        "unknown escape '\\\(code == 0 ? "" : String(Character(Unicode.Scalar(code))))' in "
          + "double-quoted text; write '\\\\' for a backslash or use single quotes",
        at: start)
    }
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard let digit = hexValue(current) else {
        throw error("the escape needs \(digits) hexadecimal digits", at: start)
      }
      value = value * 16 + UInt32(digit)
      pos += 1
    }
    guard let scalar = Unicode.Scalar(value) else {
      throw error("the escape is not a valid Unicode character", at: start)
    }
    text.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
    default: return nil
    }
  }

  /// A `|` or `>` block scalar; the content lines are indented more than `parentIndent`.
  mutating func parseBlockScalar(parentIndent: Int) throws -> YAMLNode {
    let start = pos
    let literal = current == UInt8(ascii: "|")
    pos += 1
    var chomping: UInt8 = 0
    var explicitIndent: Int?
    for _ in 0..<2 {
      if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") {
        if chomping != 0 { break }
        chomping = current
        pos += 1
      } else if current >= UInt8(ascii: "1") && current <= UInt8(ascii: "9") {
        if explicitIndent != nil { break }
        explicitIndent = Int(current - UInt8(ascii: "0"))
        pos += 1
      }
    }
    skipInlineBlanks()
    if current == UInt8(ascii: "#") && Self.isBlank(byte(pos - 1)) { skipToLineEnd() }
    guard atEnd || current == 0x0A else {
      throw error(
        "unexpected '\(excerpt(from: pos))' after the block scalar indicator; the text of a "
          + "'\(literal ? "|" : ">")' block starts on the next line")
    }
    if !atEnd { pos += 1 }
    // Collect lines.
    var contentIndent = explicitIndent.map { max(parentIndent, 0) + $0 }
    var lines: [ArraySlice<UInt8>] = []
    var lineStart = pos
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
      var spaces = 0
      while lineStart + spaces < lineEnd && bytes[lineStart + spaces] == 0x20 { spaces += 1 }
      let blank = bytes[(lineStart + spaces)..<lineEnd].allSatisfy { Self.isBlank($0) }
      if documentMarker(at: lineStart) != nil { break }
      if contentIndent == nil && !blank {
        guard spaces > parentIndent else { break }
        contentIndent = spaces
      }
      if blank {
        let keep = contentIndent.map { spaces > $0 } ?? false
        lines.append(keep ? bytes[(lineStart + (contentIndent ?? 0))..<lineEnd] : [])
      } else if let indent = contentIndent, spaces >= indent {
        lines.append(bytes[(lineStart + indent)..<lineEnd])
      } else {
        if let indent = contentIndent, bytes[lineStart + spaces] == 0x09, spaces < indent {
          throw error(
            "a tab is used for indentation in this block scalar; use spaces",
            at: lineStart + spaces)
        }
        break
      }
      lineStart = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
    }
    pos = lineStart
    // Trailing empty lines are handled by chomping.
    var trailing = 0
    while let last = lines.last, last.isEmpty {
      lines.removeLast()
      trailing += 1
    }
    var text: [UInt8] = []
    if literal {
      for (index, line) in lines.enumerated() {
        if index > 0 { text.append(0x0A) }
        text.append(contentsOf: line)
      }
    } else {
      text = Self.fold(lines)
    }
    switch chomping {
    case UInt8(ascii: "-"): break
    case UInt8(ascii: "+"):
      if !lines.isEmpty { text.append(0x0A) }
      text.append(contentsOf: repeatElement(0x0A, count: trailing))
    default:
      if !lines.isEmpty { text.append(0x0A) }
    }
    let style: YAMLNode.ScalarStyle = literal ? .literal : .folded
    return node(.scalar(String(decoding: text, as: UTF8.self), style), at: start)
  }

  /// Folding of `>` content: lines of text join with a space, an empty line gives a line
  /// break, more-indented lines keep their breaks.
  static func fold(_ lines: [ArraySlice<UInt8>]) -> [UInt8] {
    var out: [UInt8] = []
    var pendingEmpty = 0
    var started = false
    var lastWasText = false
    for line in lines {
      if line.isEmpty {
        pendingEmpty += 1
        continue
      }
      let moreIndented = isBlank(line.first ?? 0)
      if started {
        if lastWasText && !moreIndented {
          if pendingEmpty == 0 {
            out.append(0x20)
          } else {
            out.append(contentsOf: repeatElement(0x0A, count: pendingEmpty))
          }
        } else {
          out.append(contentsOf: repeatElement(0x0A, count: pendingEmpty + 1))
        }
      } else {
        out.append(contentsOf: repeatElement(0x0A, count: pendingEmpty))
      }
      out.append(contentsOf: line)
      started = true
      lastWasText = !moreIndented
      pendingEmpty = 0
    }
    return out
  }
}
