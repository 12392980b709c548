import YAML

/// Serverless Framework variables: `${self:path.to.value}`, `${opt:stage, 'dev'}`,
/// `${env:NAME, 'fallback'}` and `${sls:stage}`; a fallback follows a comma.
extension TemplateReader {
  /// The text of a scalar with its variables resolved; problems are recorded at `node`.
  mutating func serverlessText(_ node: YAMLNode?, stage: String?, depth: Int = 0) -> String? {
    guard let node, let text = node.string else { return nil }
    return resolveVariables(text, at: node, stage: stage, depth: depth)
  }

  mutating func resolveVariables(_ text: String, at node: YAMLNode, stage: String?, depth: Int)
    -> String?
  {
    guard text.contains("${") else { return text }
    guard depth < 10 else {
      problem(node, "variables refer to each other in a loop; check the ${...} references")
      return nil
    }
    var output = ""
    var rest = Substring(text)
    while let start = rest.range(of: "${") {
      output += rest[..<start.lowerBound]
      // Find the matching brace (variables may nest in fallbacks).
      var level = 0
      var end: Substring.Index?
      var index = start.lowerBound
      while index < rest.endIndex {
        let character = rest[index]
        if character == "{" { level += 1 }
        if character == "}" {
          level -= 1
          if level == 0 {
            end = index
            break
          }
        }
        index = rest.index(after: index)
      }
      guard let end else {
        problem(node, "'${' is never closed with '}' in '\(text)'")
        return nil
      }
      let inner = String(rest[start.upperBound..<end])
      guard let value = resolveVariable(inner, at: node, stage: stage, depth: depth) else {
        return nil
      }
      output += value
      rest = rest[rest.index(after: end)...]
    }
    return output + rest
  }

  /// One `${...}` body: `source:address` with an optional `, fallback`.
  mutating func resolveVariable(_ inner: String, at node: YAMLNode, stage: String?, depth: Int)
    -> String?
  {
    let (reference, fallback) = Self.splitFallback(inner)
    var value: String?
    let trimmed = reference.trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix("self:") {
      var target: YAMLNode? = root
      for part in trimmed.dropFirst(5).split(separator: ".") { target = target?[String(part)] }
      if let target, let text = target.string {
        value = resolveVariables(text, at: target, stage: stage, depth: depth + 1)
        if value == nil { return nil }
      }
    } else if trimmed == "opt:stage" || trimmed == "sls:stage" {
      value = stage ?? (trimmed == "sls:stage" ? "dev" : nil)
    } else if trimmed == "opt:region" {
      value = nil
    } else if trimmed.hasPrefix("env:") {
      value = environment[String(trimmed.dropFirst(4))]
    } else if trimmed.hasPrefix("'") || trimmed.hasPrefix("\"") {
      value = Self.unquote(trimmed)
    } else {
      problem(
        node,
        "the variable ${\(inner)} is not one the local gateway resolves; use self:, opt:stage, "
          + "sls:stage or env:, or write the value itself")
      return nil
    }
    if let value { return value }
    guard let fallback else {
      problem(
        node,
        "the variable ${\(inner)} has no value here; give it a fallback such as "
          + "${\(reference), 'dev'}")
      return nil
    }
    let text = fallback.trimmingCharacters(in: .whitespaces)
    if text.hasPrefix("${") {
      return resolveVariables(text, at: node, stage: stage, depth: depth + 1)
    }
    if text.hasPrefix("self:") || text.hasPrefix("env:") || text.hasPrefix("opt:") {
      return resolveVariable(text, at: node, stage: stage, depth: depth + 1)
    }
    return Self.unquote(text)
  }

  /// `self:a, 'b'` as (`self:a`, `'b'`), splitting at the first top-level comma.
  static func splitFallback(_ inner: String) -> (String, String?) {
    var level = 0
    var quote: Character?
    for index in inner.indices {
      let character = inner[index]
      if let open = quote {
        if character == open { quote = nil }
        continue
      }
      switch character {
      case "'", "\"": quote = character
      case "{": level += 1
      case "}": level -= 1
      case "," where level == 0:
        return (String(inner[..<index]), String(inner[inner.index(after: index)...]))
      default: break
      }
    }
    return (inner, nil)
  }

  static func unquote(_ text: String) -> String {
    if text.count >= 2, let first = text.first, first == "'" || first == "\"",
      text.last == first
    {
      return String(text.dropFirst().dropLast())
    }
    return text
  }
}
