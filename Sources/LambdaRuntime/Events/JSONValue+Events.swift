import JSON

/// Helpers the event templates use on `JSONValue`.
extension JSONValue {
  /// Whether this is a number or a boolean.
  var isScalarNumberOrBool: Bool {
    switch self {
    case .number, .bool: return true
    default: return false
    }
  }

  /// A value for a field AWS always sends as a string: strings stay, anything else becomes its
  /// compact JSON text (so `--set Records.0.body={"id":1}` yields the string `{"id":1}`).
  static func text(_ value: JSONValue) -> JSONValue {
    if case .string = value { return value }
    return .string(value.compact())
  }
}
