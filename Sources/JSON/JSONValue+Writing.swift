/// Writing JSON text: compact, or pretty (two-space indent, like the AWS documentation).
///
/// Output is deterministic: members in their order, numbers as their text, and every string
/// through the one escaper, `JSONValue.appendQuoted`.
extension JSONValue {
  /// The value as JSON text without any whitespace.
  public func compact() -> String {
    var out: [UInt8] = []
    write(to: &out, indent: 0, pretty: false)
    return String(decoding: out, as: UTF8.self)
  }

  /// The value as indented JSON text, ending without a newline.
  public func prettyPrinted() -> String {
    var out: [UInt8] = []
    write(to: &out, indent: 0, pretty: true)
    return String(decoding: out, as: UTF8.self)
  }

  /// The value as compact JSON bytes (UTF-8).
  public func compactBytes() -> [UInt8] {
    var out: [UInt8] = []
    write(to: &out, indent: 0, pretty: false)
    return out
  }

  /// `text` as a JSON string literal, quotes included.
  public static func quote(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 2)
    appendQuoted(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `text` as a JSON string literal: `"` and `\` escaped, control characters as
  /// `\b \f \n \r \t` or `\u00xx` (as JavaScript and Python write them), everything else as
  /// UTF-8.
  public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      var run = 0
      for (offset, byte) in bytes.enumerated() {
        let escape: UInt8
        switch byte {
        case UInt8(ascii: "\""): escape = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
        case 0x0A: escape = UInt8(ascii: "n")
        case 0x0D: escape = UInt8(ascii: "r")
        case 0x09: escape = UInt8(ascii: "t")
        case 0x08: escape = UInt8(ascii: "b")
        case 0x0C: escape = UInt8(ascii: "f")
        case ..<0x20: escape = 0
        default: continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<offset]))
        run = offset + 1
        out.append(UInt8(ascii: "\\"))
        if escape != 0 {
          out.append(escape)
        } else {
          out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30])
          out.append(hexDigits[Int(byte >> 4)])
          out.append(hexDigits[Int(byte & 0xF)])
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }
    out.append(UInt8(ascii: "\""))
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  private func write(to out: inout [UInt8], indent: Int, pretty: Bool) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
    case .number(let text): out.append(contentsOf: text.utf8)
    case .string(let text): JSONValue.appendQuoted(text, to: &out)
    case .array(let elements):
      JSONValue.writeContainer(elements, "[", "]", to: &out, indent: indent, pretty: pretty) {
        element, out in
        element.write(to: &out, indent: indent + 1, pretty: pretty)
      }
    case .object(let members):
      JSONValue.writeContainer(members, "{", "}", to: &out, indent: indent, pretty: pretty) {
        member, out in
        JSONValue.appendQuoted(member.key, to: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
        member.value.write(to: &out, indent: indent + 1, pretty: pretty)
      }
    }
  }

  /// Writes `items` between `open` and `close`: comma-separated, one per line when pretty,
  /// and `[]` / `{}` when empty.
  private static func writeContainer<Items: Collection>(
    _ items: Items, _ open: Unicode.Scalar, _ close: Unicode.Scalar, to out: inout [UInt8],
    indent: Int, pretty: Bool, _ writeItem: (Items.Element, inout [UInt8]) -> Void
  ) {
    out.append(UInt8(ascii: open))
    guard !items.isEmpty else {
      out.append(UInt8(ascii: close))
      return
    }
    var first = true
    for item in items {
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      if pretty { newline(&out, indent + 1) }
      writeItem(item, &out)
    }
    if pretty { newline(&out, indent) }
    out.append(UInt8(ascii: close))
  }

  private static func newline(_ out: inout [UInt8], _ indent: Int) {
    out.append(0x0A)
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
  }
}
