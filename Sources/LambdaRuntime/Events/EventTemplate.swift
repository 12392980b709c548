import JSON

/// One sample event of the catalogue: how to build it, what it accepts, how overrides apply.
public struct EventTemplate: Sendable {
  /// The name used on the command line, e.g. `s3-put`.
  public let name: String
  /// The AWS service that sends this event, e.g. `Amazon S3`.
  public let trigger: String
  /// One line on what the event represents.
  public let description: String
  /// Convenience parameters accepted as `--set NAME=value`.
  public let parameters: [EventParameter]
  /// How `--count` applies, or `nil` when the event always has a fixed shape.
  public let count: EventCount?
  /// Builds the event from the resolved parameters and count.
  let build: @Sendable (EventInput) -> JSONValue
  /// Adjusts a `--set path=value` value before it is stored (e.g. URL-encoding S3 keys).
  let adjust: @Sendable (_ path: [String], _ value: JSONValue) -> JSONValue
  /// Recomputes derived fields after overrides (checksums, compressed payloads).
  let finish: @Sendable (JSONValue, EventInput) -> JSONValue

  init(
    name: String, trigger: String, description: String,
    parameters: [EventParameter] = [], count: EventCount? = nil,
    build: @escaping @Sendable (EventInput) -> JSONValue,
    adjust: @escaping @Sendable ([String], JSONValue) -> JSONValue = { $1 },
    finish: @escaping @Sendable (JSONValue, EventInput) -> JSONValue = { value, _ in value }
  ) {
    self.name = name
    self.trigger = trigger
    self.description = description
    self.parameters = parameters
    self.count = count
    self.build = build
    self.adjust = adjust
    self.finish = finish
  }
}

/// A named shortcut such as `body` or `key` that fills one or more fields of an event.
public struct EventParameter: Sendable, Equatable {
  /// The name used in `--set NAME=value`.
  public let name: String
  /// The value used when the parameter is not given.
  public let defaultValue: String
  /// What the parameter fills in.
  public let help: String
  /// Whether the value must be a whole number (AWS sends it as a number or numeric string).
  public let isInteger: Bool

  init(name: String, defaultValue: String, help: String, isInteger: Bool = false) {
    self.name = name
    self.defaultValue = defaultValue
    self.help = help
    self.isInteger = isInteger
  }
}

/// How `--count` shapes an event: the number of records, messages or log events.
public struct EventCount: Sendable, Equatable {
  /// The count used when `--count` is not given.
  public let defaultValue: Int
  /// The counts AWS allows for this event.
  public let range: ClosedRange<Int>
  /// What is counted, e.g. `messages`.
  public let noun: String
}

/// What a template builds from: parameter values (defaults filled in), the count, and the paths
/// that `--set` overrides, so derived fields know which values the learner chose.
struct EventInput: Sendable {
  let parameters: [String: String]
  let count: Int
  let overriddenPaths: [[String]]

  /// The value of parameter `name` (its default when not given).
  func parameter(_ name: String) -> String { parameters[name] ?? "" }

  /// Whether an override set `path` or something inside it, e.g. `Records.0.md5OfBody`.
  func overrode(_ path: [String]) -> Bool {
    overriddenPaths.contains { $0.count >= path.count && Array($0.prefix(path.count)) == path }
  }
}
