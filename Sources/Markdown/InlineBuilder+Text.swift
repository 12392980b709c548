/// Emitting merged text, split around GitHub extended autolinks.
extension InlineBuilder {
  func flush(_ pending: inout PendingText, inLink: Bool, into out: inout [Inline]) {
    guard pending.count > 0 else { return }
    if pending.count == 1 {
      let node = parser.nodes[pending.first]
      pending.count = 0
      let slice = literal(node)
      if inLink || !autolinks || !slice.contains(UInt8(ascii: "@")) {
        out.append(
          Inline(.text(String(decoding: slice, as: UTF8.self)), at: position(node.sourceOffset)))
        return
      }
      pending.pieces = [(0, node.sourceOffset)]
      pending.bytes = Array(slice)
    }
    emit(pending.bytes, pending.pieces, inLink: inLink, into: &out)
    pending.count = 0
    pending.bytes.removeAll(keepingCapacity: true)
    pending.pieces.removeAll(keepingCapacity: true)
  }

  func emit(
    _ text: [UInt8], _ pieces: [(textOffset: Int, sourceOffset: Int)], inLink: Bool,
    into out: inout [Inline]
  ) {
    func sourcePosition(_ textOffset: Int) -> SourcePosition {
      var piece = pieces[0]
      for candidate in pieces where candidate.textOffset <= textOffset { piece = candidate }
      return position(piece.sourceOffset + textOffset - piece.textOffset)
    }
    let matches = inLink || !autolinks ? [] : ExtendedAutolink.emails(in: text)
    var start = 0
    for match in matches {
      if match.range.lowerBound > start {
        let piece = String(decoding: text[start..<match.range.lowerBound], as: UTF8.self)
        out.append(Inline(.text(piece), at: sourcePosition(start)))
      }
      let at = sourcePosition(match.range.lowerBound)
      let label = String(decoding: text[match.range], as: UTF8.self)
      out.append(
        Inline(
          .link(
            destination: match.destination, title: "", children: [Inline(.text(label), at: at)],
            isAutolink: true), at: at))
      start = match.range.upperBound
    }
    if start < text.count {
      out.append(
        Inline(.text(String(decoding: text[start...], as: UTF8.self)), at: sourcePosition(start)))
    }
  }
}
