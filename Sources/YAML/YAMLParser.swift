/// The recursive-descent reader behind `YAML.parse`. It works on UTF-8 bytes with line breaks
/// normalised to `\n`; `0` stands for the end of input (the input holds no NUL: it is refused).
struct YAMLParser {
  static let maxDepth = 200
  static let maxAliasNodes = 200_000

  var bytes: [UInt8]
  var pos = 0
  var depth = 0
  var anchors: [String: (node: YAMLNode, size: Int)] = [:]
  var aliasNodes = 0
  var lineStarts: [Int] = [0]
  /// An error found while preparing the input, reported by `parseDocument`.
  var inputError: YAMLError?

  init(_ text: String) {
    var raw = Array(text.utf8)
    if raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
    var normalised: [UInt8] = []
    normalised.reserveCapacity(raw.count)
    var index = 0
    while index < raw.count {
      let byte = raw[index]
      if byte == 0x0D {
        normalised.append(0x0A)
        if index + 1 < raw.count, raw[index + 1] == 0x0A { index += 1 }
      } else {
        normalised.append(byte)
      }
      index += 1
    }
    bytes = normalised
    for (offset, byte) in bytes.enumerated() where byte == 0x0A {
      lineStarts.append(offset + 1)
    }
    if let bad = bytes.firstIndex(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F }) {
      let (line, column) = location(of: bad)
      inputError = YAMLError(
        "control character 0x\(String(bytes[bad], radix: 16)) is not allowed in YAML; "
          + "remove it or save the file as plain text",
        line: line, column: column)
    }
  }

  // MARK: Positions

  /// The byte at `offset`, or 0 past the end.
  func byte(_ offset: Int) -> UInt8 { offset < bytes.count && offset >= 0 ? bytes[offset] : 0 }
  var current: UInt8 { byte(pos) }
  var atEnd: Bool { pos >= bytes.count }

  /// Index of the line holding `offset` (0-based).
  func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// 1-based line and column (counted in characters) of `offset`.
  func location(of offset: Int) -> (Int, Int) {
    let index = lineIndex(of: offset)
    let start = lineStarts[index]
    var column = 1
    var cursor = start
    while cursor < min(offset, bytes.count) {
      if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
      cursor += 1
    }
    if offset > bytes.count { column += offset - bytes.count }
    return (index + 1, column)
  }

  /// Byte column (0-based; indentation is spaces, so bytes and characters agree there).
  func column(of offset: Int) -> Int { offset - lineStarts[lineIndex(of: offset)] }
  var column: Int { column(of: pos) }

  func error(_ message: String, at offset: Int? = nil) -> YAMLError {
    let (line, column) = location(of: offset ?? pos)
    return YAMLError(message, line: line, column: column)
  }

  func node(_ content: YAMLNode.Content, at offset: Int, tag: String? = nil) -> YAMLNode {
    let (line, column) = location(of: offset)
    return YAMLNode(content, tag: tag, line: line, column: column)
  }

  static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
  /// Space, tab, line break or end of input.
  static func isSeparator(_ byte: UInt8) -> Bool { isBlank(byte) || byte == 0x0A || byte == 0 }
  static func isFlowIndicator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
      || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
  }

  /// The rest of the current line from `offset`, for messages (at most 40 characters).
  func excerpt(from offset: Int) -> String {
    var end = offset
    while end < bytes.count, bytes[end] != 0x0A, end - offset < 40 { end += 1 }
    return String(decoding: bytes[min(offset, bytes.count)..<end], as: UTF8.self)
  }

  // MARK: Whitespace, comments and markers

  /// Whether only spaces and tabs precede `offset` on its line.
  func atIndentation(_ offset: Int) -> Bool {
    var cursor = lineStarts[lineIndex(of: offset)]
    while cursor < offset {
      if !Self.isBlank(bytes[cursor]) { return false }
      cursor += 1
    }
    return true
  }

  /// Skips spaces and tabs on the current line.
  mutating func skipInlineBlanks() {
    while Self.isBlank(current) { pos += 1 }
  }

  /// Skips to the end of the line (not past the line break).
  mutating func skipToLineEnd() {
    while !atEnd && current != 0x0A { pos += 1 }
  }

  /// Skips spaces, comments and line breaks up to the next content. A tab used as
  /// indentation before content is an error.
  mutating func skipSpaceAndComments() throws {
    while !atEnd {
      switch current {
      case 0x20: pos += 1
      case 0x09:
        if atIndentation(pos) {
          var ahead = pos
          while Self.isBlank(byte(ahead)) { ahead += 1 }
          let next = byte(ahead)
          if next != 0x0A && next != 0 && next != UInt8(ascii: "#") {
            throw error(
              "a tab is used for indentation here; YAML allows only spaces: "
                + "replace the tab with spaces")
          }
        }
        pos += 1
      case UInt8(ascii: "#"): skipToLineEnd()
      case 0x0A: pos += 1
      default: return
      }
    }
  }

  /// Whether `offset` starts a `---` or `...` document marker (at column 0, then a separator).
  func documentMarker(at offset: Int) -> UInt8? {
    guard column(of: offset) == 0, offset + 2 < bytes.count || offset + 3 <= bytes.count
    else { return nil }
    let first = byte(offset)
    guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return nil }
    guard byte(offset + 1) == first, byte(offset + 2) == first,
      Self.isSeparator(byte(offset + 3))
    else { return nil }
    return first
  }

  /// End of input or a document marker: nothing more for the current document.
  var atDocumentEnd: Bool { atEnd || documentMarker(at: pos) != nil }

  /// After a value that ended on its line: only blanks and a comment may follow.
  mutating func expectLineEnd(after what: String) throws {
    skipInlineBlanks()
    if current == UInt8(ascii: "#") { skipToLineEnd() }
    guard atEnd || current == 0x0A else {
      if current == UInt8(ascii: ":") {
        throw error(
          "unexpected ':' after \(what): a mapping cannot start on the same line as another "
            + "key or value; put it on its own line, indented, or quote the text")
      }
      throw error(
        "unexpected text '\(excerpt(from: pos))' after \(what); "
          + "a value ends at the end of its line (quote text that has special characters)")
    }
  }

  // MARK: Document

  mutating func parseDocument() throws -> YAMLNode {
    if let inputError { throw inputError }
    // Directives (%YAML, %TAG) before the document are skipped.
    try skipSpaceAndComments()
    while current == UInt8(ascii: "%") && column == 0 {
      skipToLineEnd()
      try skipSpaceAndComments()
    }
    let start = pos
    if documentMarker(at: pos) == UInt8(ascii: "-") {
      pos += 3
      skipInlineBlanks()
      if current == UInt8(ascii: "#") { skipToLineEnd() }
    }
    try skipSpaceAndComments()
    var root = node(.scalar("", .plain), at: start)
    if !atDocumentEnd {
      root = try parseBlockContent(parentIndent: -1, allowCollection: true)
      try skipSpaceAndComments()
    }
    if documentMarker(at: pos) == UInt8(ascii: ".") {
      pos += 3
      try skipSpaceAndComments()
    }
    if documentMarker(at: pos) == UInt8(ascii: "-") {
      throw error(
        "a second document starts here; a template holds one document: "
          + "remove this '---' line and what follows, or split the file")
    }
    if !atEnd {
      if column(of: pos) <= 0 || root.entries == nil {
        throw error(
          "unexpected '\(excerpt(from: pos))': the document has already ended; "
            + "check the indentation of this line")
      }
      throw error("unexpected '\(excerpt(from: pos))'; check the indentation of this line")
    }
    return root
  }

  // MARK: Block structure

  /// The value after a `key:` or a `- ` indicator whose line indentation is `indent`.
  /// `allowSequenceAtIndent`: a list may sit at the key's own indentation (`key:\n- a`).
  mutating func parseValue(
    indicatorIndent indent: Int, allowSequenceAtIndent: Bool, sameLineCollections: Bool
  ) throws -> YAMLNode {
    let start = pos
    skipInlineBlanks()
    if atEnd || current == 0x0A || current == UInt8(ascii: "#") {
      try skipSpaceAndComments()
      if atDocumentEnd { return node(.scalar("", .plain), at: start) }
      let col = column
      if col > indent {
        return try parseBlockContent(parentIndent: indent, allowCollection: true)
      }
      if col == indent && allowSequenceAtIndent && atSequenceEntry {
        return try parseBlockSequence(indent: col)
      }
      return node(.scalar("", .plain), at: start)
    }
    return try parseBlockContent(
      parentIndent: indent, allowCollection: sameLineCollections,
      sequenceAtParentIndent: allowSequenceAtIndent)
  }

  /// A `-` followed by a separator.
  var atSequenceEntry: Bool {
    current == UInt8(ascii: "-") && Self.isSeparator(byte(pos + 1))
  }

  /// Any node starting at the current position, whose lines must be indented more than
  /// `parentIndent`. `allowCollection`: a block mapping or list may start here.
  mutating func parseBlockContent(
    parentIndent: Int, allowCollection: Bool, sequenceAtParentIndent: Bool = false
  ) throws -> YAMLNode {
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maxDepth {
      throw error("the document nests more than \(Self.maxDepth) levels deep; simplify it")
    }
    let start = pos
    let (tag, anchor) = try parseProperties()
    var result: YAMLNode
    if tag != nil || anchor != nil {
      skipInlineBlanks()
      if atEnd || current == 0x0A || current == UInt8(ascii: "#") {
        try skipSpaceAndComments()
        if !atDocumentEnd && column > parentIndent {
          result = try parseBlockContent(parentIndent: parentIndent, allowCollection: true)
        } else if !atDocumentEnd && sequenceAtParentIndent && column == parentIndent
          && atSequenceEntry
        {
          result = try parseBlockSequence(indent: column)
        } else {
          result = node(.scalar("", .plain), at: start)
        }
      } else {
        result = try parseBlockContentBody(parentIndent: parentIndent, allowCollection: false)
      }
      if let tag { result.tag = tag }
      let (line, column) = location(of: start)
      result.line = line
      result.column = column
      if let anchor { anchors[anchor] = (result, Self.size(of: result)) }
      return result
    }
    return try parseBlockContentBody(parentIndent: parentIndent, allowCollection: allowCollection)
  }

  /// The node itself, after any properties.
  mutating func parseBlockContentBody(parentIndent: Int, allowCollection: Bool) throws
    -> YAMLNode
  {
    let start = pos
    let col = column
    switch current {
    case UInt8(ascii: "*"):
      let alias = try parseAlias()
      if current == UInt8(ascii: ":") || lookingAtKeyIndicator() {
        throw error("an alias cannot be used as a key; write the key as text", at: start)
      }
      try expectLineEnd(after: "the alias")
      return alias
    case UInt8(ascii: "-") where Self.isSeparator(byte(pos + 1)):
      guard allowCollection else {
        throw error(
          "a list cannot start on the same line as its key; "
            + "put '- item' on the next line, indented")
      }
      return try parseBlockSequence(indent: col)
    case UInt8(ascii: "|"), UInt8(ascii: ">"):
      return try parseBlockScalar(parentIndent: parentIndent)
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      let collection = try parseFlowCollection()
      if lookingAtKeyIndicator() {
        throw error(
          "a flow collection cannot be a key; keys in templates are plain text", at: start)
      }
      try expectLineEnd(after: "the closing bracket")
      return collection
    case UInt8(ascii: "?") where Self.isSeparator(byte(pos + 1)):
      throw error("complex keys ('? key') are not supported; write 'key: value'")
    default:
      if allowCollection, try lineStartsMappingEntry() {
        return try parseBlockMapping(indent: col)
      }
      let scalar = try parseBlockScalarValue(parentIndent: parentIndent)
      if lineIndex(of: pos) != lineIndex(of: start) && lookingAtKeyIndicator() {
        var lineContent = lineStarts[lineIndex(of: pos)]
        while Self.isBlank(byte(lineContent)) { lineContent += 1 }
        throw error(
          "this line continues the value above (it is indented more than that key) but holds "
            + "'key: value'; align it with the keys above, or quote the text",
          at: lineContent)
      }
      try expectLineEnd(after: "the value")
      return scalar
    }
  }

  /// After skipping blanks: a `:` followed by a separator. Does not move.
  func lookingAtKeyIndicator() -> Bool {
    var ahead = pos
    while Self.isBlank(byte(ahead)) { ahead += 1 }
    return byte(ahead) == UInt8(ascii: ":") && Self.isSeparator(byte(ahead + 1))
  }

  /// Whether the current line, from here, is `key: ...` (a plain or quoted single-line key).
  mutating func lineStartsMappingEntry() throws -> Bool {
    let saved = pos
    defer { pos = saved }
    guard (try? parseKey()) != nil else { return false }
    return lookingAtKeyIndicator()
  }

  /// A mapping key: a plain or quoted scalar on one line.
  mutating func parseKey() throws -> YAMLNode {
    switch current {
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      let start = pos
      let key = try parseQuotedScalar()
      if lineIndex(of: pos) != lineIndex(of: start) {
        throw error("a quoted key must fit on one line", at: start)
      }
      return key
    default:
      return try parsePlainScalar(parentIndent: Int.max, flow: false)
    }
  }

  mutating func parseBlockMapping(indent: Int) throws -> YAMLNode {
    let start = pos
    var entries: [YAMLEntry] = []
    var merges: [YAMLNode] = []
    var seen: [String: Int] = [:]
    while true {
      let keyStart = pos
      if current == UInt8(ascii: "?") && Self.isSeparator(byte(pos + 1)) {
        throw error("complex keys ('? key') are not supported; write 'key: value'")
      }
      if atSequenceEntry {
        throw error(
          "a list item appears among the keys of a mapping (keys at column \(indent + 1)); "
            + "indent the list under its key")
      }
      if current == UInt8(ascii: "&") || current == UInt8(ascii: "!")
        || current == UInt8(ascii: "*")
      {
        throw error("anchors, tags and aliases on keys are not supported; write the key as text")
      }
      let key = try parseKey()
      skipInlineBlanks()
      guard current == UInt8(ascii: ":"), Self.isSeparator(byte(pos + 1)) else {
        throw error(
          "expected 'key: value' here (this mapping's keys are at column \(indent + 1)); "
            + "add ': ' after the key or fix the indentation",
          at: keyStart)
      }
      pos += 1
      let value = try parseValue(
        indicatorIndent: indent, allowSequenceAtIndent: true, sameLineCollections: false)
      let keyText = key.scalarText ?? ""
      if keyText == "<<" && key.tag == nil, case .scalar(_, .plain) = key.content {
        merges.append(value)
      } else if let first = seen[keyText] {
        throw error(
          "duplicate key '\(keyText)' (first at line \(first)); remove or rename one of them",
          at: keyStart)
      } else {
        seen[keyText] = key.line
        entries.append(
          YAMLEntry(key: keyText, keyLine: key.line, keyColumn: key.column, value: value))
      }
      try skipSpaceAndComments()
      if atDocumentEnd { break }
      let col = column
      if col < indent { break }
      if col > indent {
        throw error(
          "this line is indented more than the keys of its mapping (column \(indent + 1)); "
            + "align it with them or nest it under a key that ends with ':'")
      }
    }
    for merge in merges {
      for source in try mergeSources(merge) {
        for entry in source where seen[entry.key] == nil {
          seen[entry.key] = entry.keyLine
          entries.append(entry)
        }
      }
    }
    return node(.mapping(entries), at: start)
  }

  /// The mappings a `<<` value brings in: one mapping or a list of them.
  func mergeSources(_ value: YAMLNode) throws -> [[YAMLEntry]] {
    if let entries = value.entries { return [entries] }
    if let items = value.items {
      return try items.map { item in
        guard let entries = item.entries else {
          throw YAMLError(
            "'<<' merges mappings, but this list item is \(item.kindName); "
              + "use aliases of mappings (<<: [*a, *b])",
            line: item.line, column: item.column)
        }
        return entries
      }
    }
    throw YAMLError(
      "'<<' merges a mapping, but its value is \(value.kindName); use an alias such as <<: *base",
      line: value.line, column: value.column)
  }

  mutating func parseBlockSequence(indent: Int) throws -> YAMLNode {
    let start = pos
    var items: [YAMLNode] = []
    while true {
      pos += 1
      items.append(
        try parseValue(
          indicatorIndent: indent, allowSequenceAtIndent: false, sameLineCollections: true))
      try skipSpaceAndComments()
      if atDocumentEnd { break }
      let col = column
      if col < indent || (col == indent && !atSequenceEntry) { break }
      if col > indent {
        throw error(
          "this line is indented more than the list's items (column \(indent + 1)); "
            + "align it with the '-' above or nest it under an item")
      }
    }
    return node(.sequence(items), at: start)
  }

  // MARK: Properties and aliases

  /// Reads `!tag` and `&anchor` (either order, each at most once) and the blanks after them.
  mutating func parseProperties() throws -> (tag: String?, anchor: String?) {
    var tag: String?
    var anchor: String?
    while true {
      if current == UInt8(ascii: "!") && tag == nil {
        let start = pos
        if byte(pos + 1) == UInt8(ascii: "<") {
          pos += 2
          while !atEnd && current != UInt8(ascii: ">") && current != 0x0A { pos += 1 }
          guard current == UInt8(ascii: ">") else {
            throw error("this verbatim tag '!<' is never closed with '>'", at: start)
          }
          pos += 1
        } else {
          pos += 1
          while !Self.isSeparator(current) && !Self.isFlowIndicator(current) { pos += 1 }
        }
        tag = String(decoding: bytes[start..<pos], as: UTF8.self)
      } else if current == UInt8(ascii: "&") && anchor == nil {
        let start = pos
        pos += 1
        anchor = readName()
        if anchor?.isEmpty ?? true {
          throw error("an anchor needs a name: write '&name'", at: start)
        }
      } else {
        return (tag, anchor)
      }
      guard Self.isSeparator(current) || Self.isFlowIndicator(current) else {
        throw error("expected a space after the tag or anchor")
      }
      skipInlineBlanks()
    }
  }

  /// An anchor or alias name: everything up to a separator or flow indicator.
  mutating func readName() -> String {
    let start = pos
    while !Self.isSeparator(current) && !Self.isFlowIndicator(current) { pos += 1 }
    return String(decoding: bytes[start..<pos], as: UTF8.self)
  }

  mutating func parseAlias() throws -> YAMLNode {
    let start = pos
    pos += 1
    let name = readName()
    guard !name.isEmpty else { throw error("an alias needs a name: write '*name'", at: start) }
    guard let (target, size) = anchors[name] else {
      throw error(
        "unknown alias '*\(name)'; define the anchor '&\(name)' before this line", at: start)
    }
    aliasNodes += size
    if aliasNodes > Self.maxAliasNodes {
      throw error("aliases expand to more than \(Self.maxAliasNodes) nodes; simplify them")
    }
    var copy = target
    let (line, column) = location(of: start)
    copy.line = line
    copy.column = column
    return copy
  }

  /// Number of nodes in a tree (for the alias expansion bound).
  static func size(of node: YAMLNode) -> Int {
    switch node.content {
    case .scalar: return 1
    case .sequence(let items): return items.reduce(1) { $0 + size(of: $1) }
    case .mapping(let entries): return entries.reduce(1) { $0 + size(of: $1.value) }
    }
  }
}
