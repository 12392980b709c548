import Course
import JSON

extension ExpectationChecker {
  /// Text that must (or must not) be in the logs, JSON log lines and their fields.
  static func logChecks(_ expect: Expectation, _ outcome: InvocationOutcome) -> [GradeFailure] {
    var found: [GradeFailure] = []
    let logs = outcome.record.logs
    for text in expect.logContains where !logs.contains(text) {
      found.append(GradeFailure(.logMissing(text: text)))
    }
    for text in expect.logNotContains where logs.contains(text) {
      let line = InvocationOutcome.functionLines(logs).first { $0.contains(text) } ?? ""
      found.append(GradeFailure(.logPresent(text: text, line: line)))
    }
    let lines = InvocationOutcome.functionLines(logs)
    if expect.logLinesAreJSON {
      if let line = lines.first(where: { LogLine.jsonObject(in: $0) == nil }) {
        found.append(GradeFailure(.logLineNotJSON(line: line)))
      }
    }
    guard !expect.logJSON.isEmpty else { return found }
    let objects = lines.compactMap(LogLine.jsonObject)
    for (index, wanted) in expect.logJSON.enumerated() {
      if let failure = logJSONCheck(
        wanted, index: index, objects, requestID: outcome.record.requestID)
      {
        found.append(GradeFailure(failure))
      }
    }
    return found
  }

  /// One `logJSON` object: some JSON log line must have every field; otherwise the closest
  /// line's first differing field is named.
  private static func logJSONCheck(
    _ wanted: JSONValue, index: Int, _ objects: [JSONValue], requestID: String
  ) -> GradeFailure.Kind? {
    let fields = (wanted.objectMembers ?? []).map { member -> (String, JSONValue) in
      if member.value.stringValue == "$requestId" {
        return (member.key, .string(requestID))
      }
      return (member.key, member.value)
    }
    var best: (misses: [ValueMismatch], line: JSONValue)?
    for object in objects {
      let misses = fields.compactMap { key, value in
        JSONMatch.check(value, object.value(atPath: key), path: "logJSON[\(index)].\(key)")
      }
      if misses.isEmpty { return nil }
      if misses.count < best?.misses.count ?? .max { best = (misses, object) }
    }
    guard let best else {
      return .logJSONNoLines(index: index, wanted: .object(fields))
    }
    return .logJSONField(index: index, best.misses[0], closest: best.line)
  }
}

/// Finds the JSON object in a log line: the whole line, or the part after a runtime prefix
/// such as Node's `<time>\t<request id>\tINFO\t` or Python's `[INFO]\t<time>\t<id>\t`.
enum LogLine {
  static func jsonObject(in line: String) -> JSONValue? {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix("{"), let node = JSONValue.parse(trimmed), node.objectMembers != nil {
      return node
    }
    guard let tab = trimmed.lastIndex(of: "\t") else { return nil }
    let tail = String(trimmed[trimmed.index(after: tab)...])
    guard tail.hasPrefix("{"), let node = JSONValue.parse(tail), node.objectMembers != nil else {
      return nil
    }
    return node
  }
}
