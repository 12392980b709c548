/// One node of a YAML document: a scalar, a sequence or a mapping, with its tag (`!Ref`,
/// `!Sub`, `!!str` ...) and the line and column where it starts (both 1-based).
public struct YAMLNode: Sendable, Equatable {
  /// How a scalar was written; plain scalars are the only ones resolved to null, booleans
  /// and numbers.
  public enum ScalarStyle: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  /// What the node holds.
  public indirect enum Content: Sendable, Equatable {
    case scalar(String, ScalarStyle)
    case sequence([YAMLNode])
    case mapping([YAMLEntry])
  }

  public var content: Content
  /// The tag as written (`!Ref`, `!GetAtt`, `!!str`), nil when untagged.
  public var tag: String?
  public var line: Int
  public var column: Int

  public init(_ content: Content, tag: String? = nil, line: Int, column: Int) {
    self.content = content
    self.tag = tag
    self.line = line
    self.column = column
  }

  /// The text of a scalar of any style (null scalars give their text, often "").
  public var scalarText: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }

  /// The text of a scalar that is not null (`~`, `null` or empty when plain).
  public var string: String? {
    guard !isNull else { return nil }
    return scalarText
  }

  /// Whether this is an untagged plain null: empty, `~` or `null`.
  public var isNull: Bool {
    guard tag == nil, case .scalar(let text, .plain) = content else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(text)
  }

  /// The value of a plain `true`/`false` (YAML 1.2 core schema).
  public var bool: Bool? {
    guard tag == nil || tag == "!!bool", case .scalar(let text, .plain) = content else {
      return nil
    }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }

  /// The value of a plain integer (decimal, `0x` hex or `0o` octal).
  public var int: Int? {
    guard tag == nil || tag == "!!int", case .scalar(let text, .plain) = content else {
      return nil
    }
    if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
    if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
    return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
  }

  /// The value of a plain number (integer or decimal).
  public var double: Double? {
    guard tag == nil || tag == "!!float" || tag == "!!int",
      case .scalar(let text, .plain) = content
    else { return nil }
    if let int { return Double(int) }
    return Double(text)
  }

  /// The elements of a sequence.
  public var items: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// The entries of a mapping, in written order.
  public var entries: [YAMLEntry]? {
    if case .mapping(let entries) = content { return entries }
    return nil
  }

  /// The value under `key` when this is a mapping.
  public subscript(key: String) -> YAMLNode? {
    entries?.first { $0.key == key }?.value
  }

  /// A short name of the node's kind for error messages ("a list", "a mapping", "text").
  public var kindName: String {
    switch content {
    case .scalar: return isNull ? "empty" : "text"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
  }
}

/// One `key: value` pair of a mapping. Keys are scalars.
public struct YAMLEntry: Sendable, Equatable {
  public var key: String
  public var keyLine: Int
  public var keyColumn: Int
  public var value: YAMLNode

  public init(key: String, keyLine: Int, keyColumn: Int, value: YAMLNode) {
    self.key = key
    self.keyLine = keyLine
    self.keyColumn = keyColumn
    self.value = value
  }
}
