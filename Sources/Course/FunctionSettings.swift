/// Function settings that a case or scenario sets for itself, or that a learner's
/// `function.json` sets for the whole exercise. Unset values keep what comes before them:
/// the exercise header, then the learner's file, then the case.
public struct FunctionSettings: Sendable, Equatable {
  /// `module.function` per language; `nil` key order does not matter.
  public var handlers: [Language: String] = [:]
  /// A handler for every language (a plain string in the file).
  public var handler: String?
  public var timeoutSeconds: Double?
  public var memoryMB: Int?
  /// Variables to set; a `nil` value removes a variable set earlier.
  public var environment: [String: String?] = [:]
  public var reservedConcurrency: Int?
  /// The line where these settings were written (0 when they come from nowhere).
  public var line: Int = 0

  public init() {}

  /// True when nothing is set.
  public var isEmpty: Bool {
    handlers.isEmpty && handler == nil && timeoutSeconds == nil && memoryMB == nil
      && environment.isEmpty && reservedConcurrency == nil
  }

  /// The handler for `language`, when one is set.
  public func handler(for language: Language) -> String? {
    handlers[language] ?? handler
  }

  /// These settings with `other`'s values written over them.
  public func overridden(by other: FunctionSettings) -> FunctionSettings {
    var result = self
    for (language, value) in other.handlers { result.handlers[language] = value }
    if let handler = other.handler {
      result.handler = handler
      result.handlers = other.handlers
    }
    result.timeoutSeconds = other.timeoutSeconds ?? timeoutSeconds
    result.memoryMB = other.memoryMB ?? memoryMB
    for (key, value) in other.environment { result.environment[key] = value }
    result.reservedConcurrency = other.reservedConcurrency ?? reservedConcurrency
    return result
  }

  /// The environment with removals applied.
  public var resolvedEnvironment: [String: String] {
    environment.compactMapValues { $0 }
  }
}
