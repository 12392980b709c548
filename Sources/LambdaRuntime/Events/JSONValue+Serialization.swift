/// Writing JSON text: pretty (two-space indent, like the AWS documentation) or compact.
extension JSONValue {
  /// The value as indented JSON text ending without a newline.
  public func prettyPrinted() -> String {
    var out = ""
    write(to: &out, indent: 0, pretty: true)
    return out
  }

  /// The value as JSON text without any whitespace.
  public func compact() -> String {
    var out = ""
    write(to: &out, indent: 0, pretty: false)
    return out
  }

  private func write(to out: inout String, indent: Int, pretty: Bool) {
    switch self {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .number(let text): out += text
    case .string(let text): JSONValue.writeString(text, to: &out)
    case .array(let elements):
      guard !elements.isEmpty else {
        out += "[]"
        return
      }
      out += "["
      for (position, element) in elements.enumerated() {
        if position > 0 { out += "," }
        if pretty { JSONValue.newline(&out, indent + 1) }
        element.write(to: &out, indent: indent + 1, pretty: pretty)
      }
      if pretty { JSONValue.newline(&out, indent) }
      out += "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      out += "{"
      for (position, member) in members.enumerated() {
        if position > 0 { out += "," }
        if pretty { JSONValue.newline(&out, indent + 1) }
        JSONValue.writeString(member.0, to: &out)
        out += pretty ? ": " : ":"
        member.1.write(to: &out, indent: indent + 1, pretty: pretty)
      }
      if pretty { JSONValue.newline(&out, indent) }
      out += "}"
    }
  }

  private static func newline(_ out: inout String, _ indent: Int) {
    out += "\n"
    out += String(repeating: "  ", count: indent)
  }

  /// Appends `text` as a JSON string literal; non-ASCII characters are kept as UTF-8.
  static func writeString(_ text: String, to out: inout String) {
    out += "\""
    // Fast path: nothing to escape (no quote, backslash or control character).
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      out += text
      out += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
