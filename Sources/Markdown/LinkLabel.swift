/// Normalises link labels for matching: trimmed, inner whitespace collapsed, case-folded.
enum LinkLabel {
  static func normalize(_ bytes: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    var ascii = true
    for c in bytes {
      if ByteClass.isWhitespace(c) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(ByteClass.space)
        pendingSpace = false
      }
      if c >= 0x80 { ascii = false }
      out.append(ByteClass.lower(c))
    }
    let text = String(decoding: out, as: UTF8.self)
    if ascii { return text }
    // Full case folding maps ẞ and ß to "ss"; lower/upper/lower reaches the same form.
    return text.lowercased().uppercased().lowercased()
  }
}
