/// What can go wrong when generating an event; each message says what to do next.
public enum EventTemplateError: Error, Equatable, CustomStringConvertible {
  /// No template has this name; `suggestion` is the closest one.
  case unknownTemplate(name: String, suggestion: String?, available: [String])
  /// A `--set` path cannot be applied to the event.
  case invalidPath(path: String, reason: String)
  /// A `--set` argument is not of the form `path=value`.
  case malformedOverride(String)
  /// A convenience parameter got a value of the wrong kind.
  case invalidParameter(template: String, name: String, value: String, expected: String)
  /// `--count` was given for a template that has a fixed shape.
  case countNotSupported(template: String)
  /// `--count` is outside what AWS allows.
  case countOutOfRange(template: String, count: Int, range: ClosedRange<Int>, noun: String)

  public var description: String {
    switch self {
    case .unknownTemplate(let name, let suggestion, let available):
      let hint = suggestion.map { " Did you mean `\($0)`?" } ?? ""
      return "unknown event template `\(name)`.\(hint) Available templates: "
        + available.joined(separator: ", ") + " (see `lambdalings events list`)."
    case .invalidPath(let path, let reason):
      return "cannot apply `--set \(path)=...`: \(reason). Paths are dotted field names with "
        + "array indices, e.g. `Records.0.body`; print the event without --set to see its fields."
    case .malformedOverride(let text):
      return "`--set \(text)` is not of the form path=value; write e.g. "
        + "`--set queryStringParameters.name=Ada`."
    case .invalidParameter(let template, let name, let value, let expected):
      return "`--set \(name)=\(value)` for the `\(template)` event: \(name) must be \(expected); "
        + "write e.g. `--set \(name)=42`."
    case .countNotSupported(let template):
      return "the `\(template)` event has a fixed shape and takes no --count; remove --count, "
        + "or pick a template that batches (sqs, dynamodb-*, cloudwatch-logs)."
    case .countOutOfRange(let template, let count, let range, let noun):
      return "--count \(count) is out of range for `\(template)`: AWS delivers "
        + "\(range.lowerBound) to \(range.upperBound) \(noun) per event; "
        + "choose a count in that range."
    }
  }
}

/// "Did you mean" hints: the name a learner most likely meant.
extension EventTemplateError {
  /// The Levenshtein distance between `a` and `b`, comparing characters case-insensitively.
  static func distance(_ a: String, _ b: String) -> Int {
    let left = Array(a.lowercased())
    let right = Array(b.lowercased())
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for i in 1...left.count {
      current[0] = i
      for j in 1...right.count {
        let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[right.count]
  }

  /// The candidate closest to `name`, trying in turn: an exact case-insensitive match, the
  /// first candidate starting with `name`, the first containing it, the longest one `name`
  /// starts with (`sqs-batch` gives `sqs`), and the smallest edit distance when it is at most
  /// half the length of `name` plus two. Ties go to the earlier candidate. `nil` when nothing
  /// is close.
  static func closest(to name: String, among candidates: [String]) -> String? {
    let lowered = name.lowercased()
    guard !lowered.isEmpty else { return nil }
    let lowerCandidates = candidates.map { $0.lowercased() }
    let rules: [(String) -> Bool] = [
      { $0 == lowered }, { $0.hasPrefix(lowered) }, { $0.contains(lowered) },
    ]
    for rule in rules {
      if let index = lowerCandidates.firstIndex(where: rule) { return candidates[index] }
    }
    let prefixes = candidates.indices.filter { lowered.hasPrefix(lowerCandidates[$0]) }
    if let index = prefixes.max(by: { candidates[$0].count < candidates[$1].count }) {
      return candidates[index]
    }
    var best: (index: Int, score: Int)?
    for (index, candidate) in candidates.enumerated() {
      let score = distance(name, candidate)
      if score < (best?.score ?? Int.max) { best = (index, score) }
    }
    guard let best, best.score <= lowered.count / 2 + 2 else { return nil }
    return candidates[best.index]
  }
}
