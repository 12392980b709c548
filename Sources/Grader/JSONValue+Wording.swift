import JSON

// Expected values as the learner reads them: a spec's matchers (`{"$type": "object"}`,
// `{"$gte": 1}`...) in words, never in their raw syntax. `check --json` keeps the structure.

extension JSONValue {
  /// An expected value for a sentence: a matcher in words (`an object`, `a number of at least
  /// 1`), plain values as compact JSON, and objects or arrays holding matchers as JSON with
  /// each matcher in words (`{"id": a string, "total": 3}`); shortened to `limit` characters.
  public func expectedText(limit: Int = 200) -> String {
    guard containsMatcher else { return shortText(limit: limit) }
    let text = wording
    guard text.count > limit else { return text }
    return String(text.prefix(limit)) + "..."
  }

  /// An actual value named with its kind, for sentences about types and matchers: `the string
  /// "hi"`, `the number 3`, `true`, `null`, `an array [1,2]`, `an object {"a":1}`.
  public func typedText(limit: Int = 200) -> String {
    switch self {
    case .string: return "the string " + shortText(limit: limit)
    case .number: return "the number " + shortText(limit: limit)
    case .bool: return "the boolean " + shortText(limit: limit)
    case .null: return "null"
    case .array(let items) where items.isEmpty: return "an empty array"
    case .array: return "the array " + shortText(limit: limit)
    case .object(let members) where members.isEmpty: return "an empty object"
    case .object: return "the object " + shortText(limit: limit)
    }
  }

  /// Whether a matcher appears anywhere in this value.
  var containsMatcher: Bool {
    if JSONMatch.matcher(self) != nil { return true }
    switch self {
    case .object(let members): return members.contains { $0.value.containsMatcher }
    case .array(let items): return items.contains { $0.containsMatcher }
    default: return false
    }
  }

  /// The whole value with its matchers in words.
  private var wording: String {
    if let (name, argument) = JSONMatch.matcher(self) {
      return JSONMatch.rule(name, argument).sentence
    }
    switch self {
    case .object(let members):
      let inner = members.map { JSONValue.quote($0.key) + ": " + $0.value.wording }
      return "{" + inner.joined(separator: ", ") + "}"
    case .array(let items):
      return "[" + items.map(\.wording).joined(separator: ", ") + "]"
    default:
      return compact()
    }
  }
}

extension JSONMatch {
  /// The rule a matcher stands for (the rule its failure reports).
  static func rule(_ name: String, _ argument: JSONValue) -> ValueRule {
    switch name {
    case "$exists": return argument.boolValue ?? true ? .present : .noField
    case "$type": return .type(argument.stringValue ?? "")
    case "$gte": return .atLeast(argument)
    case "$lte": return .atMost(argument)
    case "$length": return .length(argument.intValue ?? 0)
    case "$contains": return .contains(argument)
    default: return .unknownMatcher(name)
    }
  }
}

extension ValueRule {
  /// `an object`, `a string`, `an integer`, `null`..., for `$type`.
  static func typePhrase(_ name: String) -> String {
    switch name {
    case "null": return "null"
    case "object", "array", "integer": return "an \(name)"
    case "string", "number", "boolean": return "a \(name)"
    default: return "a value of type \(JSONValue.quote(name))"
    }
  }
}
