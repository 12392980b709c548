import JSON

/// Dotted paths such as `Records.0.s3.object.key` into a JSON document.
extension JSONValue {
  /// Splits a dotted path into segments; `\.` stands for a dot inside a key.
  static func pathSegments(_ path: String) -> [String] {
    var segments: [String] = []
    var current = ""
    var escaped = false
    for character in path {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "." {
        segments.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current.append("\\") }
    segments.append(current)
    return segments
  }

  /// The value at `path`, or `nil` when some segment does not exist.
  public func value(at path: String) -> JSONValue? {
    var node: JSONValue? = self
    for segment in JSONValue.pathSegments(path) {
      guard let container = node else { return nil }
      if case .array = container {
        guard let position = Int(segment) else { return nil }
        node = container[position]
      } else {
        node = container[segment]
      }
    }
    return node
  }

  /// Returns a copy with the value at `path` replaced by `newValue`. Missing object members are
  /// created; an array index may point at an element or one past the end (to append).
  public func setting(path: String, to newValue: JSONValue) throws -> JSONValue {
    let segments = JSONValue.pathSegments(path)
    if let empty = segments.firstIndex(of: "") {
      let reason =
        empty == 0 && segments.count == 1
        ? "the path is empty"
        : "segment \(empty + 1) is empty (two dots in a row, or a dot at an end)"
      throw EventTemplateError.invalidPath(path: path, reason: reason)
    }
    return try setting(segments[...], to: newValue, path: path, depth: 0)
  }

  private func setting(
    _ segments: ArraySlice<String>, to newValue: JSONValue, path: String, depth: Int
  ) throws -> JSONValue {
    guard let segment = segments.first else { return newValue }
    let rest = segments.dropFirst()
    let walked = JSONValue.pathSegments(path).prefix(depth).joined(separator: ".")
    let place = walked.isEmpty ? "the top level" : "`\(walked)`"
    switch self {
    case .array(var elements):
      guard let position = Int(segment), position >= 0 else {
        throw EventTemplateError.invalidPath(
          path: path,
          reason:
            "\(place) is an array, so `\(segment)` must be an index from 0 to \(elements.count)")
      }
      guard position <= elements.count else {
        throw EventTemplateError.invalidPath(
          path: path,
          reason:
            "\(place) has \(elements.count) element(s); use an index from 0 to \(elements.count)")
      }
      let child = position < elements.count ? elements[position] : .null
      let updated = try child.setting(rest, to: newValue, path: path, depth: depth + 1)
      if position < elements.count {
        elements[position] = updated
      } else {
        elements.append(updated)
      }
      return .array(elements)
    case .object(let members):
      let existing: JSONValue? = self[segment]
      if case .none = existing, !rest.isEmpty {
        let keys = members.map(\.0)
        let hint = EventTemplateError.closest(to: segment, among: keys).map {
          "; did you mean `\($0)`?"
        }
        throw EventTemplateError.invalidPath(
          path: path,
          reason: "\(place) has no field `\(segment)`\(hint ?? "") (fields: "
            + keys.joined(separator: ", ") + ")")
      }
      let child = existing ?? JSONValue.null
      return setting(
        segment, to: try child.setting(rest, to: newValue, path: path, depth: depth + 1))
    case .null:
      if let position = Int(segment) {
        guard position == 0 else {
          throw EventTemplateError.invalidPath(
            path: path, reason: "\(place) does not exist yet, so the only index allowed is 0")
        }
        return .array([try JSONValue.null.setting(rest, to: newValue, path: path, depth: depth + 1)]
        )
      }
      let child = try JSONValue.null.setting(rest, to: newValue, path: path, depth: depth + 1)
      return .object([(segment, child)])
    default:
      throw EventTemplateError.invalidPath(
        path: path,
        reason:
          "\(place) is \(typeName), which has no field `\(segment)`; set \(place) itself instead")
    }
  }

  /// Returns a copy with the value at the existing path `segments` transformed by `change`;
  /// unchanged when the path does not exist.
  func updating(_ segments: [String], _ change: (JSONValue) -> JSONValue) -> JSONValue {
    guard let first = segments.first else { return change(self) }
    let rest = Array(segments.dropFirst())
    switch self {
    case .object:
      guard let child = self[first] else { return self }
      return setting(first, to: child.updating(rest, change))
    case .array(var elements):
      guard let position = Int(first), elements.indices.contains(position) else { return self }
      elements[position] = elements[position].updating(rest, change)
      return .array(elements)
    default:
      return self
    }
  }
}
