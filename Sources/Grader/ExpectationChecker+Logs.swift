import Course
import JSON

extension ExpectationChecker {
  /// Text that must (or must not) be in the logs, JSON log lines and their fields.
  static func logChecks(_ expect: Expectation, _ outcome: InvocationOutcome) -> [Mismatch] {
    var found: [Mismatch] = []
    let logs = outcome.record.logs
    for text in expect.logContains where !logs.contains(text) {
      found.append(
        Mismatch(
          path: "logs", expected: quoted(text), actual: nil,
          message: "logs: expected to contain \(quoted(text)), but they do not"))
    }
    for text in expect.logNotContains where logs.contains(text) {
      let line = InvocationOutcome.functionLines(logs).first { $0.contains(text) } ?? ""
      found.append(
        Mismatch(
          path: "logs", expected: "no \(quoted(text))", actual: line,
          message: "logs: expected no \(quoted(text)), but this line has it: \(line)"))
    }
    let lines = InvocationOutcome.functionLines(logs)
    if expect.logLinesAreJSON {
      if let line = lines.first(where: { LogLine.jsonObject(in: $0) == nil }) {
        found.append(
          Mismatch(
            path: "logLinesAreJSON", expected: "every line a JSON object", actual: line,
            message: "logs: expected every line to be a JSON object, but this one is not: \(line)"))
      }
    }
    guard !expect.logJSON.isEmpty else { return found }
    let objects = lines.compactMap(LogLine.jsonObject)
    for (index, wanted) in expect.logJSON.enumerated() {
      found += logJSONCheck(wanted, index: index, objects, requestID: outcome.record.requestID)
    }
    return found
  }

  /// One `logJSON` object: some JSON log line must have every field; otherwise the closest
  /// line's first differing field is named.
  private static func logJSONCheck(
    _ wanted: JSONValue, index: Int, _ objects: [JSONValue], requestID: String
  ) -> [Mismatch] {
    let fields = (wanted.objectMembers ?? []).map { member -> (String, JSONValue) in
      if member.value.stringValue == "$requestId" {
        return (member.key, .string(requestID))
      }
      return (member.key, member.value)
    }
    var best: (misses: [Mismatch], line: JSONValue)?
    for object in objects {
      let misses = fields.compactMap { key, value in
        JSONMatch.check(value, object.value(atPath: key), path: "logJSON[\(index)].\(key)")
      }
      if misses.isEmpty { return [] }
      if best == nil || misses.count < best!.misses.count { best = (misses, object) }
    }
    let wantedText =
      "{" + fields.map { "\(quoted($0.0)):\($0.1.compact())" }.joined(separator: ",") + "}"
    guard let best else {
      return [
        Mismatch(
          path: "logJSON[\(index)]", expected: wantedText, actual: "no JSON log lines",
          message: "logJSON[\(index)]: expected a JSON log line with \(wantedText), but the "
            + "function printed no JSON lines")
      ]
    }
    var miss = best.misses[0]
    miss.message += " (closest log line: \(best.line.shortText(limit: 160)))"
    return [miss]
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
