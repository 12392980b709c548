/// A JSON value (RFC 8259): the one JSON type of the package.
///
/// Object members keep the order they were written or built in, and numbers keep their text, so
/// a document prints back exactly as it was read (`compact()`, `prettyPrinted()`) and events
/// print their fields in the order AWS documents them.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number kept as its JSON text (`-0`, `1e400` and big integers survive unchanged).
  case number(String)
  case string(String)
  case array([JSONValue])
  /// Members in order; keys are unique (the parser keeps the last of repeated keys).
  case object([(key: String, value: JSONValue)])

  /// An integer number.
  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

  /// A number from a `Double`, written as Swift writes it (`1.5`, `1e-07`); a whole number
  /// within ±2^53 is written without a fraction. Infinity and NaN have no JSON form: `null`.
  public static func double(_ value: Double) -> JSONValue {
    guard value.isFinite else { return .null }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return .number(value == 0 && value.sign == .minus ? "-0" : String(Int(value)))
    }
    return .number(String(value))
  }

  /// The member named `key` when this is an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
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

  /// The flag when this is a boolean.
  public var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  /// The number as a `Double` (nearest value) when this is a number.
  public var doubleValue: Double? {
    if case .number(let text) = self { return Double(text) }
    return nil
  }

  /// The number when this is a whole number that an `Int` holds exactly (`3`, `3.0`, `3e2`).
  public var intValue: Int? {
    guard case .number(let text) = self else { return nil }
    if let exact = Int(text) { return exact }
    guard let number = Double(text), number == number.rounded(), abs(number) < 1e15 else {
      return nil
    }
    return Int(number)
  }

  /// The elements when this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// The members when this is an object.
  public var objectMembers: [(key: String, value: JSONValue)]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// A short name of the JSON type, for messages ("a string", "an object").
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
    if let index = members.firstIndex(where: { $0.key == key }) {
      members[index].value = value
    } else {
      members.append((key, value))
    }
    return .object(members)
  }

  /// Structural equality: numbers by their text, object members in order.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }
}

/// Literal syntax for building values; dictionary literals keep their written order.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    var object = JSONValue.object([])
    for (key, value) in elements { object = object.setting(key, to: value) }
    self = object
  }
}
