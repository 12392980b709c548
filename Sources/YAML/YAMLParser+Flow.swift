/// Flow collections: `[a, b]` and `{k: v}`, possibly over several lines, nested in any way.
extension YAMLParser {
  /// A `[...]` or `{...}` starting at the current position.
  mutating func parseFlowCollection() throws -> YAMLNode {
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maxDepth {
      throw error("the document nests more than \(Self.maxDepth) levels deep; simplify it")
    }
    let start = pos
    let mapping = current == UInt8(ascii: "{")
    let close = mapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
    pos += 1
    var items: [YAMLNode] = []
    var entries: [YAMLEntry] = []
    var seen: [String: Int] = [:]
    while true {
      try skipFlowSpace(openedAt: start, close: close)
      if current == close {
        pos += 1
        break
      }
      if current == UInt8(ascii: ",") {
        throw error("unexpected ',' (an empty entry); remove the extra comma")
      }
      let itemStart = pos
      let first = try parseFlowNode(openedAt: start, close: close)
      try skipFlowSpace(openedAt: start, close: close)
      var value: YAMLNode?
      if current == UInt8(ascii: ":") {
        pos += 1
        try skipFlowSpace(openedAt: start, close: close)
        if current == UInt8(ascii: ",") || current == close {
          value = node(.scalar("", .plain), at: pos)
        } else {
          value = try parseFlowNode(openedAt: start, close: close)
        }
        try skipFlowSpace(openedAt: start, close: close)
      }
      if mapping || value != nil {
        guard let key = first.scalarText, first.tag == nil, first.items == nil else {
          throw error("keys in a flow mapping must be text", at: itemStart)
        }
        let entry = YAMLEntry(
          key: key, keyLine: first.line, keyColumn: first.column,
          value: value ?? node(.scalar("", .plain), at: pos))
        if mapping {
          if let line = seen[key] {
            throw error(
              "duplicate key '\(key)' (first at line \(line)); remove or rename one of them",
              at: itemStart)
          }
          seen[key] = first.line
          entries.append(entry)
        } else {
          items.append(YAMLNode(.mapping([entry]), line: first.line, column: first.column))
        }
      } else {
        items.append(first)
      }
      if current == UInt8(ascii: ",") {
        pos += 1
      } else if current != close {
        throw error(
          "expected ',' or '\(Character(Unicode.Scalar(close)))' here, found "
            + "'\(excerpt(from: pos))'")
      }
    }
    return node(mapping ? .mapping(entries) : .sequence(items), at: start)
  }

  /// Skips blanks, line breaks and comments inside a flow collection.
  mutating func skipFlowSpace(openedAt start: Int, close: UInt8) throws {
    while true {
      if Self.isBlank(current) || current == 0x0A {
        pos += 1
      } else if current == UInt8(ascii: "#") && Self.isSeparator(byte(pos - 1)) {
        skipToLineEnd()
      } else {
        break
      }
    }
    if atEnd || documentMarker(at: pos) != nil {
      throw error(
        "this '\(mappingOpen(close))' is never closed; add '\(Character(Unicode.Scalar(close)))'",
        at: start)
    }
  }

  func mappingOpen(_ close: UInt8) -> String { close == UInt8(ascii: "}") ? "{" : "[" }

  /// One node inside a flow collection.
  mutating func parseFlowNode(openedAt open: Int, close: UInt8) throws -> YAMLNode {
    let start = pos
    let (tag, anchor) = try parseProperties()
    try skipFlowSpace(openedAt: open, close: close)
    var result: YAMLNode
    switch current {
    case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"):
      guard tag != nil || anchor != nil else {
        throw error("expected a value here, found '\(excerpt(from: pos))'")
      }
      result = node(.scalar("", .plain), at: start)
    case UInt8(ascii: "*"):
      result = try parseAlias()
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      result = try parseFlowCollection()
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      result = try parseQuotedScalar()
    default:
      if current == UInt8(ascii: "-") && Self.isSeparator(byte(pos + 1)) {
        throw error("a block list ('- ') cannot appear inside '[...]' or '{...}'")
      }
      result = try parsePlainScalar(parentIndent: -1, flow: true)
    }
    if let tag { result.tag = tag }
    let (line, column) = location(of: start)
    result.line = line
    result.column = column
    if let anchor { anchors[anchor] = (result, Self.size(of: result)) }
    return result
  }
}
