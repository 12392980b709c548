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
  public var directory: String
  /// The task statement (Markdown after the header of `exercise.md`).
  public var statement: String
  public var languages: [Language]
  /// `module.function` per language.
  public var handlers: [Language: String]
  public var timeoutSeconds: Double
  public var memoryMB: Int
  public var cases: [ExerciseCase]
  public var scenarios: [Scenario]
  /// Hints in order, each stronger than the last.
  public var hints: [String]

  /// The starter file a learner begins from.
  public func starterPath(_ language: Language) -> String {
    "\(directory)/starter/\(language.rawValue)/\(language.handlerFile)"
  }

  /// The reference solution.
  public func solutionPath(_ language: Language) -> String {
    "\(directory)/solution/\(language.rawValue)/\(language.handlerFile)"
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
}

/// What a result must satisfy. Every field is optional; unset fields are not checked.
public struct Expectation: Sendable, Equatable {
  public var statusCode: Int?
  /// Header name (case-insensitive) to exact value.
  public var headers: [String: String] = [:]
  /// Dotted path inside the JSON body (or result) to the expected JSON value.
  public var bodyFields: [String: JSONNode] = [:]
  /// The whole result must equal this JSON.
  public var result: JSONNode?
  /// The invocation must fail with this error type (e.g. `ValueError`, `Sandbox.Timedout`).
  public var errorType: String?
  public var errorMessageContains: String?
  /// Each string must appear in the function's log output.
  public var logContains: [String] = []
  public var maxDurationMs: Double?

  public init() {}
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
}
