import SystemSupport

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

/// "Did you mean" hints: the name a learner most likely meant (the one rule set of
/// `DidYouMean`).
extension EventTemplateError {
  static func closest(to name: String, among candidates: [String]) -> String? {
    DidYouMean.closest(to: name, among: candidates)
  }
}
