import Course
import JSON

/// Compares an expected JSON value, or a matcher such as `{"$gte": 1}`, with an actual value.
enum JSONMatch {
  /// The mismatch at `path`, or nil when `actual` satisfies `expected`. Matchers may appear
  /// anywhere inside `expected`; the mismatch names the deepest path that differs.
  static func check(_ expected: JSONValue, _ actual: JSONValue?, path: String) -> ValueMismatch? {
    if let (name, argument) = matcher(expected) {
      return checkMatcher(name, argument, actual, path: path)
    }
    guard let actual else {
      return ValueMismatch(path: path, rule: .equal(expected), actual: nil)
    }
    switch (expected, actual) {
    case (.object(let members), .object(let theirs)):
      for member in members {
        if let miss = check(member.value, actual[member.key], path: "\(path).\(member.key)") {
          return miss
        }
      }
      if let extra = theirs.first(where: { expected[$0.key] == nil }) {
        return ValueMismatch(path: "\(path).\(extra.key)", rule: .noField, actual: extra.value)
      }
      return nil
    case (.array(let items), .array(let theirs)):
      for (index, item) in items.enumerated() {
        let inner = index < theirs.count ? theirs[index] : nil
        if let miss = check(item, inner, path: "\(path).\(index)") { return miss }
      }
      if theirs.count > items.count {
        return ValueMismatch(
          path: "\(path).\(items.count)", rule: .noItem, actual: theirs[items.count])
      }
      return nil
    default:
      return expected.sameJSON(as: actual)
        ? nil : ValueMismatch(path: path, rule: .equal(expected), actual: actual)
    }
  }

  /// The matcher's name and argument when `node` is `{"$name": argument}`.
  static func matcher(_ node: JSONValue) -> (String, JSONValue)? {
    guard let members = node.objectMembers, members.count == 1, members[0].key.hasPrefix("$") else {
      return nil
    }
    return (members[0].key, members[0].value)
  }

  private static func checkMatcher(
    _ name: String, _ argument: JSONValue, _ actual: JSONValue?, path: String
  ) -> ValueMismatch? {
    func fail(_ rule: ValueRule) -> ValueMismatch {
      ValueMismatch(path: path, rule: rule, actual: actual)
    }
    switch name {
    case "$exists":
      let wanted = argument.boolValue ?? true
      return (actual != nil) == wanted ? nil : fail(wanted ? .present : .noField)
    case "$type":
      let wanted = argument.stringValue ?? ""
      return actual.map { typeName($0, matching: wanted) } == true ? nil : fail(.type(wanted))
    case "$gte":
      let bound = argument.doubleValue ?? 0
      guard let value = actual?.doubleValue, value >= bound else { return fail(.atLeast(argument)) }
      return nil
    case "$lte":
      let bound = argument.doubleValue ?? 0
      guard let value = actual?.doubleValue, value <= bound else { return fail(.atMost(argument)) }
      return nil
    case "$length":
      let wanted = argument.intValue ?? 0
      let count = actual?.arrayValue?.count ?? actual?.stringValue?.count
      return count == wanted ? nil : fail(.length(wanted))
    case "$contains":
      let text = argument.stringValue ?? ""
      return actual?.stringValue?.contains(text) == true ? nil : fail(.contains(argument))
    default:
      return fail(.unknownMatcher(name))
    }
  }

  private static func typeName(_ node: JSONValue, matching wanted: String) -> Bool {
    switch (node, wanted) {
    case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"),
      (.object, "object"), (.number, "number"):
      return true
    case (.number, "integer"):
      return node.doubleValue.map { $0 == $0.rounded() } ?? false
    default:
      return false
    }
  }
}

extension JSONValue {
  /// The dotted path of the first place where `other` differs from this value, descending
  /// into objects and arrays; "" when the values differ at the top; nil when equal.
  func firstDifference(from other: JSONValue) -> String? {
    if sameJSON(as: other) { return nil }
    switch (self, other) {
    case (.object(let mine), .object):
      for member in mine {
        guard let theirs = other[member.key] else { return member.key }
        if let inner = member.value.firstDifference(from: theirs) {
          return inner.isEmpty ? member.key : "\(member.key).\(inner)"
        }
      }
      for member in other.objectMembers ?? [] where self[member.key] == nil { return member.key }
      return ""
    case (.array(let mine), .array(let theirs)):
      for (index, item) in mine.enumerated() {
        guard index < theirs.count else { return "\(index)" }
        if let inner = item.firstDifference(from: theirs[index]) {
          return inner.isEmpty ? "\(index)" : "\(index).\(inner)"
        }
      }
      return mine.count < theirs.count ? "\(mine.count)" : ""
    default:
      return ""
    }
  }
}
