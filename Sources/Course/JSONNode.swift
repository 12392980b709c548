/// A JSON value that remembers the line it starts on, so course diagnostics can say where.
public struct JSONNode: Sendable, Equatable {
  /// The kinds of JSON value.
  public indirect enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number and its text exactly as written.
    case number(Double, text: String)
    case string(String)
    case array([JSONNode])
    case object([Member])
  }

  /// One `"key": value` pair of an object, in file order.
  public struct Member: Sendable, Equatable {
    public var key: String
    public var value: JSONNode
  }

  public var value: Value
  public var line: Int

  public init(_ value: Value, line: Int) {
    self.value = value
    self.line = line
  }

  /// The member `key` of an object.
  public subscript(key: String) -> JSONNode? {
    if case .object(let members) = value {
      return members.first { $0.key == key }?.value
    }
    return nil
  }

  public var string: String? {
    if case .string(let text) = value { return text }
    return nil
  }

  public var number: Double? {
    if case .number(let number, _) = value { return number }
    return nil
  }

  public var int: Int? {
    guard let number, number.rounded() == number, abs(number) < 1e15 else { return nil }
    return Int(number)
  }

  public var bool: Bool? {
    if case .bool(let flag) = value { return flag }
    return nil
  }

  public var array: [JSONNode]? {
    if case .array(let items) = value { return items }
    return nil
  }

  public var members: [Member]? {
    if case .object(let members) = value { return members }
    return nil
  }

  /// A short name of the value's kind, for messages ("a string", "an object").
  public var kindName: String {
    switch value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// Compact JSON text for the value, keys in file order.
  public func serialized() -> String {
    var out = ""
    write(to: &out)
    return out
  }

  private func write(to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .number(_, let text): out += text
    case .string(let text): JSONNode.writeString(text, to: &out)
    case .array(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        item.write(to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { out += "," }
        JSONNode.writeString(member.key, to: &out)
        out += ":"
        member.value.write(to: &out)
      }
      out += "}"
    }
  }

  static func writeString(_ text: String, to out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
