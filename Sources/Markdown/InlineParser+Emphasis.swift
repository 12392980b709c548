/// Delimiter runs and the emphasis algorithm (with GitHub strikethrough on `~`).
extension InlineParser {
  mutating func handleDelimiterRun(_ c: UInt8) {
    let start = pos
    var index = pos
    while index < end && s[index] == c { index += 1 }
    let count = index - start
    pos = index
    let before: Unicode.Scalar = start == 0 ? "\n" : ByteClass.scalar(in: s, before: start)
    let after: Unicode.Scalar = index >= end ? "\n" : ByteClass.scalar(in: s, at: index)
    let beforeSpace = ByteClass.isUnicodeWhitespace(before)
    let afterSpace = ByteClass.isUnicodeWhitespace(after)
    let beforePunct = ByteClass.isUnicodePunctuation(before)
    let afterPunct = ByteClass.isUnicodePunctuation(after)
    let left = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
    let right = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
    var canOpen = left
    var canClose = right
    if c == UInt8(ascii: "_") {
      canOpen = left && (!right || beforePunct)
      canClose = right && (!left || afterPunct)
    }
    let node = appendText(start, index)
    if c == UInt8(ascii: "~") && count > 2 { return }
    guard canOpen || canClose else { return }
    let delimiter = Delimiter(
      node: node, char: c, length: count, originalLength: count, canOpen: canOpen,
      canClose: canClose, prev: lastDelimiter, next: -1)
    let index2 = delimiters.count
    delimiters.append(delimiter)
    if lastDelimiter >= 0 { delimiters[lastDelimiter].next = index2 }
    lastDelimiter = index2
  }

  /// Matches openers and closers among the delimiters at index `bottom` and above, then
  /// drops those delimiters.
  mutating func processEmphasis(bottom: Int) {
    guard lastDelimiter >= bottom else { return }
    if openersBottom.count != 18 {
      openersBottom = [Int](repeating: bottom - 1, count: 18)
    } else {
      for index in 0..<18 { openersBottom[index] = bottom - 1 }
    }
    var closer = -1
    var candidate = lastDelimiter
    while candidate >= bottom {
      closer = candidate
      candidate = delimiters[candidate].prev
    }
    while closer >= 0 {
      let current = delimiters[closer]
      guard current.canClose else {
        closer = current.next
        continue
      }
      let charIndex =
        current.char == UInt8(ascii: "*") ? 0 : current.char == UInt8(ascii: "_") ? 1 : 2
      let bottomIndex = charIndex * 6 + (current.canOpen ? 3 : 0) + current.length % 3
      var opener = current.prev
      var found = false
      while opener >= 0 && opener > openersBottom[bottomIndex] {
        let candidateOpener = delimiters[opener]
        if candidateOpener.canOpen && candidateOpener.char == current.char
          && (current.char != UInt8(ascii: "~") || candidateOpener.length == current.length)
        {
          if !(current.canOpen || candidateOpener.canClose) || current.originalLength % 3 == 0
            || (candidateOpener.originalLength + current.originalLength) % 3 != 0
          {
            found = true
            break
          }
        }
        opener = candidateOpener.prev
      }
      let oldCloser = closer
      if found {
        closer = insertEmphasis(opener: opener, closer: closer)
      } else {
        closer = current.next
        openersBottom[bottomIndex] = current.prev
        if !current.canOpen { removeDelimiter(oldCloser) }
      }
    }
    while lastDelimiter >= bottom { removeDelimiter(lastDelimiter) }
  }

  /// Wraps the nodes between a matched opener and closer; returns the next closer to try.
  mutating func insertEmphasis(opener: Int, closer: Int) -> Int {
    let openerNode = delimiters[opener].node
    let closerNode = delimiters[closer].node
    let kind: InlineNode.Kind
    let use: Int
    if delimiters[closer].char == UInt8(ascii: "~") {
      use = delimiters[closer].length
      kind = .strikethrough
    } else {
      use = delimiters[closer].length >= 2 && delimiters[opener].length >= 2 ? 2 : 1
      kind = use == 2 ? .strong : .emphasis
    }
    delimiters[opener].length -= use
    delimiters[closer].length -= use
    nodes[openerNode].end -= use
    nodes[closerNode].start += use
    nodes[closerNode].sourceOffset += use
    var between = delimiters[closer].prev
    while between >= 0 && between != opener {
      let prev = delimiters[between].prev
      removeDelimiter(between)
      between = prev
    }
    _ = wrap(
      kind, after: openerNode, before: closerNode,
      sourceOffset: nodes[openerNode].sourceOffset + delimiters[opener].length)
    if delimiters[opener].length == 0 {
      unlink(openerNode)
      removeDelimiter(opener)
    }
    if delimiters[closer].length == 0 {
      unlink(closerNode)
      let next = delimiters[closer].next
      removeDelimiter(closer)
      return next
    }
    return closer
  }
}
