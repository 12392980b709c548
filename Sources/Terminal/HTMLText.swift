/// Reduces raw HTML to its visible text, so the terminal never shows markup soup.
enum HTMLText {
  /// Whether an inline HTML fragment is a line break tag (`<br>`, `<br/>`, `<br />`).
  static func isLineBreak(_ html: String) -> Bool {
    var bytes = html.utf8.makeIterator()
    guard bytes.next() == UInt8(ascii: "<"), bytes.next().map({ $0 | 0x20 }) == UInt8(ascii: "b"),
      bytes.next().map({ $0 | 0x20 }) == UInt8(ascii: "r")
    else { return false }
    while let byte = bytes.next() {
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "/"), 0x09, 0x0A: continue
      case UInt8(ascii: ">"): return bytes.next() == nil
      default: return false
      }
    }
    return false
  }

  /// The text of an HTML block with tags and comments removed, common entities decoded and
  /// whitespace collapsed; empty when nothing visible remains.
  static func visibleText(_ html: String) -> String {
    let bytes = Array(html.utf8)
    var text: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "<") {
        if starts(bytes, "<!--", at: index) {
          index = find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
          continue
        }
        let close = find(bytes, ">", from: index) ?? bytes.count
        if starts(bytes, "<br", at: index) || starts(bytes, "<p", at: index)
          || starts(bytes, "</p", at: index)
        {
          text.append(UInt8(ascii: "\n"))
        }
        index = close + 1
        continue
      }
      if bytes[index] == UInt8(ascii: "&"), let (decoded, length) = entity(bytes, at: index) {
        text += decoded.utf8
        index += length
        continue
      }
      text.append(bytes[index])
      index += 1
    }
    return TextSanitizer.clean(collapsed(text), keepTabs: true)
  }

  /// `text` with runs of spaces and tabs made one space, lines trimmed and empty lines
  /// dropped (on the bytes: no `Character` is formed).
  private static func collapsed(_ text: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var lineHasText = false
    var pendingSpace = false
    var pendingNewline = false
    for byte in text {
      switch byte {
      case UInt8(ascii: "\n"):
        if lineHasText { pendingNewline = true }
        lineHasText = false
        pendingSpace = false
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        if lineHasText { pendingSpace = true }
      default:
        if pendingNewline {
          out.append(UInt8(ascii: "\n"))
          pendingNewline = false
        } else if pendingSpace {
          out.append(UInt8(ascii: " "))
        }
        pendingSpace = false
        lineHasText = true
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static let entities: [(String, String)] = [
    ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
    ("&nbsp;", " "), ("&amp;", "&"),
  ]

  private static func entity(_ bytes: [UInt8], at index: Int) -> (String, Int)? {
    for (name, value) in entities where starts(bytes, name, at: index) {
      return (value, name.utf8.count)
    }
    return nil
  }

  private static func starts(_ bytes: [UInt8], _ prefix: String, at index: Int) -> Bool {
    var prefix = prefix
    return prefix.withUTF8 { starts(bytes, $0, at: index) }
  }

  private static func starts(
    _ bytes: [UInt8], _ prefix: UnsafeBufferPointer<UInt8>, at index: Int
  ) -> Bool {
    var probe = index
    for byte in prefix {
      guard probe < bytes.count, bytes[probe] | 0x20 == byte | 0x20 else { return false }
      probe += 1
    }
    return true
  }

  private static func find(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
    var needle = needle
    return needle.withUTF8 { needle in
      guard let first = needle.first else { return start }
      var index = start
      while index < bytes.count {
        if bytes[index] | 0x20 == first | 0x20 && starts(bytes, needle, at: index) { return index }
        index += 1
      }
      return nil
    }
  }
}
