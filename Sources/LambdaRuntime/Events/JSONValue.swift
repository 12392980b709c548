/// A JSON document that keeps the order of object keys, so generated events print their fields
/// in the order AWS documents them.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number kept as its JSON text, so integers and decimals round-trip exactly.
  case number(String)
  case string(String)
  case array([JSONValue])
  /// Members in insertion order; keys are unique.
  case object([(String, JSONValue)])

  /// An integer number.
  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

  /// The member named `key` when this is an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The element at `index` when this is an array.
  public subscript(index: Int) -> JSONValue? {
    guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
    return elements[index]
  }

  /// The text when this is a string.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The elements when this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// The members when this is an object.
  public var objectMembers: [(String, JSONValue)]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// A short name of the JSON type, for error messages.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// Returns a copy of this object with `key` set to `value`: replaced in place when present,
  /// appended otherwise. A non-object becomes an object holding only that member.
  public func setting(_ key: String, to value: JSONValue) -> JSONValue {
    var members = objectMembers ?? []
    if let index = members.firstIndex(where: { $0.0 == key }) {
      members[index].1 = value
    } else {
      members.append((key, value))
    }
    return .object(members)
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }
}

/// Literal syntax for building events; dictionary literals keep their written order.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    var members: [(String, JSONValue)] = []
    for (key, value) in elements {
      if let index = members.firstIndex(where: { $0.0 == key }) {
        members[index].1 = value
      } else {
        members.append((key, value))
      }
    }
    self = .object(members)
  }

  /// A value for a field AWS always sends as a string: strings stay, anything else becomes its
  /// compact JSON text (so `--set Records.0.body={"id":1}` yields the string `{"id":1}`).
  static func text(_ value: JSONValue) -> JSONValue {
    if case .string = value { return value }
    return .string(value.compact())
  }
}
