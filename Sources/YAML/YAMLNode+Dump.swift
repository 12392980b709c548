/// A one-line, unambiguous rendering of a node for tests and messages: plain scalars as
/// written, other scalars double-quoted with `\n` escapes, `[a, b]`, `{k: v}`, tags in front.
extension YAMLNode {
  public func dump() -> String {
    var text: String
    switch content {
    case .scalar(let value, .plain):
      text = value
    case .scalar(let value, _):
      text = "\"" + Self.escape(value) + "\""
    case .sequence(let items):
      text = "[" + items.map { $0.dump() }.joined(separator: ", ") + "]"
    case .mapping(let entries):
      text =
        "{"
        + entries.map { Self.escapeKey($0.key) + ": " + $0.value.dump() }
        .joined(separator: ", ") + "}"
    }
    if let tag { text = text.isEmpty ? tag : tag + " " + text }
    return text
  }

  static func escape(_ value: String) -> String {
    var out = ""
    for character in value.unicodeScalars {
      switch character {
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      default: out.unicodeScalars.append(character)
      }
    }
    return out
  }

  static func escapeKey(_ key: String) -> String {
    let plain =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy { scalar in
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
          || "_-./$<>".unicodeScalars
            .contains(scalar)
      }
    return plain ? key : "\"" + escape(key) + "\""
  }
}
