/// Closing brackets: inline links, reference links and images.
extension InlineParser {
  mutating func handleCloseBracket() {
    let closeAt = pos
    pos += 1
    guard let opener = brackets.last else {
      appendText(closeAt, closeAt + 1)
      return
    }
    if !opener.active {
      brackets.removeLast()
      appendText(closeAt, closeAt + 1)
      return
    }
    let afterText = pos
    var target: LinkTarget?
    if pos < end && s[pos] == UInt8(ascii: "("), let (inline, next) = inlineLinkTail(pos + 1) {
      target = inline
      pos = next
    }
    if target == nil {
      pos = afterText
      var key: String?
      var foundLabel = false
      if let (range, next) = LinkScanner.label(s, pos, end, allowEmpty: true) {
        let normalized = LinkLabel.normalize(s[range])
        pos = next
        if !normalized.isEmpty {
          key = normalized
          foundLabel = true
        }
      }
      if !foundLabel && !opener.bracketAfter
        && closeAt - opener.textStart <= LinkScanner.maxLabelLength
      {
        key = LinkLabel.normalize(s[opener.textStart..<closeAt])
      }
      if let key, let reference = references[key] {
        target = LinkTarget(
          destination: reference.destination, title: reference.title, isAutolink: false)
      }
    }
    guard let target else {
      brackets.removeLast()
      pos = afterText
      appendText(closeAt, closeAt + 1)
      return
    }
    processEmphasis(bottom: opener.delimiterBottom)
    let targetIndex = targets.count
    targets.append(target)
    let link = wrap(
      opener.isImage ? .image : .link, after: opener.node, before: -1,
      sourceOffset: nodes[opener.node].sourceOffset)
    nodes[link].target = targetIndex
    unlink(opener.node)
    brackets.removeLast()
    if !opener.isImage {
      var index = brackets.count - 1
      while index >= 0 {
        if !brackets[index].isImage {
          if !brackets[index].active { break }
          brackets[index].active = false
        }
        index -= 1
      }
    }
  }

  /// Parses `destination "title")` after `(`; returns the target and the index after `)`.
  func inlineLinkTail(_ from: Int) -> (LinkTarget, Int)? {
    var index = from
    while index < end && ByteClass.isWhitespace(s[index]) { index += 1 }
    var destination = ""
    var afterDestination = index
    if index < end && s[index] != UInt8(ascii: ")") {
      guard let (range, next) = LinkScanner.destination(s, index, end) else { return nil }
      destination = Unescape.string(s[range])
      afterDestination = next
    }
    index = afterDestination
    while index < end && ByteClass.isWhitespace(s[index]) { index += 1 }
    var title = ""
    if index > afterDestination, let (range, next) = LinkScanner.title(s, index, end) {
      title = Unescape.string(s[range])
      index = next
      while index < end && ByteClass.isWhitespace(s[index]) { index += 1 }
    }
    guard index < end && s[index] == UInt8(ascii: ")") else { return nil }
    return (LinkTarget(destination: destination, title: title, isAutolink: false), index + 1)
  }
}
