import JSON

extension JSONValue {
  /// Equality of JSON values: numbers by value, objects regardless of key order.
  func sameJSON(as other: JSONValue) -> Bool {
    switch (self, other) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number, .number): return doubleValue == other.doubleValue
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.sameJSON(as: $1) }
    case (.object(let a), .object(let b)):
      guard a.count == b.count else { return false }
      return a.allSatisfy { member in
        guard let match = b.first(where: { $0.key == member.key }) else { return false }
        return member.value.sameJSON(as: match.value)
      }
    default: return false
    }
  }

  /// The value at a dotted path (`a.b.0.c`); array elements by index, `-1` for the last.
  func value(atPath path: String) -> JSONValue? {
    let (found, rest) = deepest(along: path.split(separator: ".", omittingEmptySubsequences: false))
    return rest.isEmpty ? found : nil
  }

  /// How far `segments` lead from here: the deepest value they reach and the segments left
  /// over (empty when the whole path exists).
  func deepest<S: StringProtocol>(along segments: [S]) -> (value: JSONValue, rest: ArraySlice<S>) {
    var current = self
    for (offset, segment) in segments.enumerated() {
      let key = String(segment)
      if let member = current[key] {
        current = member
      } else if let items = current.arrayValue, let index = Int(key),
        items.indices.contains(index < 0 ? items.count + index : index)
      {
        current = items[index < 0 ? items.count + index : index]
      } else {
        return (current, segments[offset...])
      }
    }
    return (current, [])
  }

  /// The member `key` of an object, matching the name case-insensitively.
  func member(caseInsensitive key: String) -> JSONValue? {
    objectMembers?.first { $0.key.lowercased() == key.lowercased() }?.value
  }

  /// Compact JSON shortened to `limit` characters, for messages.
  public func shortText(limit: Int = 200) -> String {
    let text = compact()
    guard text.count > limit else { return text }
    return String(text.prefix(limit)) + "..."
  }
}
