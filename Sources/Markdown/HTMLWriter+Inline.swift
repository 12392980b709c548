/// The inline half of the HTML renderer, and the escaping rules cmark uses.
extension HTMLWriter {
  mutating func inlines(_ inlines: [Inline]) {
    for inline in inlines { self.inline(inline) }
  }

  mutating func inline(_ inline: Inline) {
    switch inline.kind {
    case .text(let text): escape(text.utf8)
    case .softBreak: out.append(ByteClass.newline)
    case .hardBreak: raw("<br />\n")
    case .code(let code):
      raw("<code>")
      escape(code.utf8)
      raw("</code>")
    case .html(let html): rawHTML(html)
    case .emphasis(let children): wrapped("em", children)
    case .strong(let children): wrapped("strong", children)
    case .strikethrough(let children): wrapped("del", children)
    case .link(let destination, let title, let children, _):
      raw("<a href=\"")
      escapeHref(destination)
      if !title.isEmpty {
        raw("\" title=\"")
        escape(title.utf8)
      }
      raw("\">")
      inlines(children)
      raw("</a>")
    case .image(let source, let title, let alt):
      raw("<img src=\"")
      escapeHref(source)
      raw("\" alt=\"")
      plain(alt)
      if !title.isEmpty {
        raw("\" title=\"")
        escape(title.utf8)
      }
      raw("\" />")
    }
  }

  mutating func wrapped(_ tag: String, _ children: [Inline]) {
    raw("<\(tag)>")
    inlines(children)
    raw("</\(tag)>")
  }

  /// Image descriptions: the text of the inlines, without markup.
  mutating func plain(_ inlines: [Inline]) {
    for inline in inlines {
      switch inline.kind {
      case .text(let text), .code(let text), .html(let text): escape(text.utf8)
      case .softBreak, .hardBreak: out.append(ByteClass.space)
      case .emphasis(let children), .strong(let children), .strikethrough(let children):
        plain(children)
      case .link(_, _, let children, _): plain(children)
      case .image(_, _, let alt): plain(alt)
      }
    }
  }

  mutating func escape(_ text: String.UTF8View) {
    let done = text.withContiguousStorageIfAvailable { buffer -> Bool in
      escape(buffer: buffer)
      return true
    }
    if done == nil {
      for c in text { escapeByte(c) }
    }
  }

  mutating func escape(_ bytes: ArraySlice<UInt8>) {
    bytes.withUnsafeBufferPointer { escape(buffer: $0) }
  }

  /// Escapes `&`, `<`, `>` and `"`, copying the runs between them in one piece each.
  mutating func escape(buffer: UnsafeBufferPointer<UInt8>) {
    var runStart = 0
    for index in 0..<buffer.count {
      let c = buffer[index]
      // One test for the four bytes, all below 64: a bit each in `escapedBytes`.
      guard c < 64 && (Self.escapedBytes >> UInt64(c)) & 1 != 0 else { continue }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
      escapeByte(c)
      runStart = index + 1
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...]))
  }

  /// Bit `c` is set for each byte `c` that `escape` replaces: `"`, `&`, `<` and `>`.
  static let escapedBytes: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

  mutating func escapeByte(_ c: UInt8) {
    switch c {
    case UInt8(ascii: "&"): raw("&amp;")
    case UInt8(ascii: "<"): raw("&lt;")
    case UInt8(ascii: ">"): raw("&gt;")
    case UInt8(ascii: "\""): raw("&quot;")
    default: out.append(c)
    }
  }

  mutating func escape<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
    for c in bytes { escapeByte(c) }
  }

  /// Percent-encodes a URL the way cmark does, leaving reserved characters alone.
  mutating func escapeHref(_ url: String) {
    var url = url
    url.withUTF8 { bytes in
      // Runs of bytes kept as they are go in one piece each.
      var runStart = 0
      for index in 0..<bytes.count where !Self.keptInHref(bytes[index]) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        escapeHref(bytes: CollectionOfOne(bytes[index]))
        runStart = index + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
  }

  /// Bytes 0-63 and 64-127 that `escapeHref` copies unchanged, a bit each: letters, digits
  /// and `-_.+!*(),%#@?=;:/$~`, the characters cmark leaves alone (`HrefTests` checks them
  /// against the byte-by-byte rule).
  static let hrefKeptLow: UInt64 = 0xAFFF_FF3A_0000_0000
  static let hrefKeptHigh: UInt64 = 0x47FF_FFFE_87FF_FFFF

  @inline(__always) static func keptInHref(_ c: UInt8) -> Bool {
    c < 64
      ? (hrefKeptLow >> UInt64(c)) & 1 != 0
      : c < 128 && (hrefKeptHigh >> UInt64(c - 64)) & 1 != 0
  }

  mutating func escapeHref<S: Sequence>(bytes url: S) where S.Element == UInt8 {
    for c in url {
      if ByteClass.isAlnum(c) {
        out.append(c)
        continue
      }
      switch c {
      case UInt8(ascii: "&"): raw("&amp;")
      case UInt8(ascii: "'"): raw("&#x27;")
      case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"),
        UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: ")"),
        UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "@"),
        UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ":"),
        UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "~"):
        out.append(c)
      default:
        out.append(UInt8(ascii: "%"))
        out.append(Self.hexDigit(c >> 4))
        out.append(Self.hexDigit(c & 0x0F))
      }
    }
  }

  @inline(__always) static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : 0x41 + value - 10
  }

  /// Raw HTML, through GitHub's tag filter when it is on.
  mutating func rawHTML(_ html: String) {
    guard options.tagFilter else {
      raw(html)
      return
    }
    rawHTML(bytes: Array(html.utf8)[...])
  }

  /// Raw HTML bytes, through GitHub's tag filter when it is on.
  mutating func rawHTML(bytes slice: ArraySlice<UInt8>) {
    guard options.tagFilter else {
      out.append(contentsOf: slice)
      return
    }
    let bytes = Array(slice)
    for index in bytes.indices {
      if bytes[index] == UInt8(ascii: "<") && Self.isFilteredTag(bytes, index) {
        raw("&lt;")
      } else {
        out.append(bytes[index])
      }
    }
  }

  static let filteredTags = [
    "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
  ]

  static func isFilteredTag(_ bytes: [UInt8], _ at: Int) -> Bool {
    var start = at + 1
    if start < bytes.count && bytes[start] == UInt8(ascii: "/") { start += 1 }
    for name in filteredTags
    where HTMLScanner.hasPrefixIgnoringCase(bytes, start, bytes.count, name) {
      let after = start + name.utf8.count
      guard after < bytes.count else { return false }
      let c = bytes[after]
      if ByteClass.isWhitespace(c) || c == UInt8(ascii: ">") { return true }
      if c == UInt8(ascii: "/") && after + 1 < bytes.count && bytes[after + 1] == UInt8(ascii: ">")
      {
        return true
      }
    }
    return false
  }
}
