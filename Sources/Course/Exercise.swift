import JSON
import SystemSupport

/// A language an exercise can be solved in.
public enum Language: String, Sendable, CaseIterable, Codable {
  case python
  case node

  /// The file a learner edits.
  public var handlerFile: String {
    switch self {
    case .python: return "lambda_function.py"
    case .node: return "index.mjs"
    }
  }

  /// The default `module.function` handler.
  public var defaultHandler: String {
    switch self {
    case .python: return "lambda_function.lambda_handler"
    case .node: return "index.handler"
    }
  }

  /// The interpreter a learner needs on PATH.
  public var interpreter: String {
    switch self {
    case .python: return "python3"
    case .node: return "node"
    }
  }
}

/// An exercise: a folder in `exercises/` with a statement, a spec, hints, starters and solutions.
public struct Exercise: Sendable, Equatable {
  public var id: String
  public var title: String
  public var chapterID: String?
  public var order: Int
  /// The exercise folder.
  public var directory: AbsolutePath
  /// The task statement (Markdown after the header of `exercise.md`).
  public var statement: String
  /// The line of `exercise.md` where `statement` starts (for diagnostics about its text).
  public var statementStartLine: Int = 1
  public var languages: [Language]
  /// `module.function` per language.
  public var handlers: [Language: String]
  public var timeoutSeconds: Double
  public var memoryMB: Int
  public var cases: [ExerciseCase]
  public var scenarios: [Scenario]
  /// Hints in order, each stronger than the last.
  public var hints: [String]
  /// True when the starters come with a learner-editable `function.json` (handler, timeout,
  /// memory, environment) that the grader reads next to the handler file.
  public var usesConfigFile: Bool = false

  /// The name of the learner-editable function configuration file.
  public static let configFileName = "function.json"

  /// The starter file a learner begins from.
  public func starterPath(_ language: Language) -> AbsolutePath {
    directory.appending("starter/\(language.rawValue)/\(language.handlerFile)")
  }

  /// The reference solution.
  public func solutionPath(_ language: Language) -> AbsolutePath {
    directory.appending("solution/\(language.rawValue)/\(language.handlerFile)")
  }

  /// The starter's `function.json`, copied to the workspace with the starter.
  public func starterConfigPath(_ language: Language) -> AbsolutePath {
    directory.appending("starter/\(language.rawValue)/\(Exercise.configFileName)")
  }

  /// The settings the exercise header gives (timeout, memory, handler per language).
  public var headerSettings: FunctionSettings {
    var settings = FunctionSettings()
    settings.handlers = handlers
    settings.timeoutSeconds = timeoutSeconds
    settings.memoryMB = memoryMB
    return settings
  }
}

/// Where a case's event comes from.
public enum EventSource: Sendable, Equatable {
  /// JSON text written in the spec.
  case inline(String)
  /// A named sample event (`events list`) with `path=value` overrides.
  case template(name: String, overrides: [Override])

  /// One `path=value` override of a template.
  public struct Override: Sendable, Equatable {
    public var path: String
    public var value: String

    public init(path: String, value: String) {
      self.path = path
      self.value = value
    }
  }
}

/// One graded invocation: an event and what the result must look like.
public struct ExerciseCase: Sendable, Equatable {
  public var name: String
  /// Line of the case in `spec.json`.
  public var line: Int
  public var event: EventSource
  public var expect: Expectation
  /// Settings this case runs with, over the exercise's (e.g. a missing environment variable).
  public var function = FunctionSettings()
  /// Invoke a version or alias (`live`), so the invoked ARN ends with `:live`.
  public var qualifier: String?
  /// The case as written in `spec.json`, for reports.
  public var source = ""

  public init(
    name: String, line: Int, event: EventSource, expect: Expectation,
    function: FunctionSettings = FunctionSettings(), qualifier: String? = nil, source: String = ""
  ) {
    self.name = name
    self.line = line
    self.event = event
    self.expect = expect
    self.function = function
    self.qualifier = qualifier
    self.source = source
  }
}

/// What a result must satisfy. Every field is optional; unset fields are not checked.
public struct Expectation: Sendable, Equatable {
  public var statusCode: Int?
  /// Header name (case-insensitive) to exact value.
  public var headers: [String: String] = [:]
  /// Dotted path inside the JSON body (or result) to the expected JSON value.
  public var bodyFields: [String: JSONValue] = [:]
  /// The whole result must equal this JSON.
  public var result: JSONValue?
  /// The invocation must fail with this error type (e.g. `ValueError`, `Sandbox.Timedout`).
  public var errorType: String?
  public var errorMessageContains: String?
  /// Each string must appear in the function's log output.
  public var logContains: [String] = []
  public var maxDurationMs: Double?
  /// The error message must equal this exactly.
  public var errorMessage: String?
  /// None of these strings may appear in the function's log output.
  public var logNotContains: [String] = []
  /// Each object must match one JSON log line (every field equal; `"$requestId"` stands for
  /// the invocation's request id).
  public var logJSON: [JSONValue] = []
  /// Every line the function printed must be a JSON object.
  public var logLinesAreJSON = false
  public var minDurationMs: Double?
  /// Path in the function's scratch folder (`/tmp`, `TMPDIR`) to whether it must exist.
  public var scratchFiles: [String: Bool] = [:]
  /// Whether the invocation must (true) or must not (false) be a cold start.
  public var coldStart: Bool?

  public init() {}

  /// True when no check is set.
  public var isEmpty: Bool {
    self == Expectation()
  }

  /// True when the expectation is about a failed invocation.
  public var wantsError: Bool {
    errorType != nil || errorMessageContains != nil || errorMessage != nil
  }
}

/// Several invocations graded together, e.g. "init runs once across warm calls".
public struct Scenario: Sendable, Equatable {
  public var name: String
  public var line: Int
  public var events: [EventSource]
  public var concurrency: Int
  public var expectedColdStarts: Int?
  /// Log text that must appear exactly this many times across all invocations.
  public var logOccurrences: [String: Int]
  /// Every warm invocation's Duration must be at most this.
  public var maxWarmDurationMs: Double?
  /// How many invocations must be throttled (429, reserved concurrency).
  public var throttles: Int?
  /// Checked on every invocation that was not throttled.
  public var each: Expectation?
  /// Checked on the last invocation.
  public var last: Expectation?
  /// Path in the scratch folder to whether it must exist after the last invocation.
  public var scratchFiles: [String: Bool] = [:]
  /// Settings the scenario's function runs with.
  public var function = FunctionSettings()
  public var qualifier: String?
  /// The scenario as written in `spec.json`.
  public var source = ""
  /// Set when the events go through the asynchronous invoker or an event source poller.
  public var delivery: Delivery?
  /// What must hold after the delivery ran (only with `delivery`).
  public var deliveryExpect = DeliveryExpectation()

  public init(
    name: String, line: Int, events: [EventSource], concurrency: Int = 1,
    expectedColdStarts: Int? = nil, logOccurrences: [String: Int] = [:]
  ) {
    self.name = name
    self.line = line
    self.events = events
    self.concurrency = concurrency
    self.expectedColdStarts = expectedColdStarts
    self.logOccurrences = logOccurrences
  }
}
