/// The outcome of grading one handler file against an exercise's cases and scenarios.
public struct GradeReport: Sendable, Equatable, Codable {
  /// The exercise graded.
  public var exerciseID: String
  /// `python` or `node`.
  public var language: String
  /// The handler file that was run.
  public var codeFile: String
  /// Every case, then every scenario, in spec order.
  public var results: [CaseResult]
  /// Why nothing could run at all (missing interpreter, missing file, bad configuration).
  public var setupError: String?

  public init(
    exerciseID: String, language: String, codeFile: String, results: [CaseResult] = [],
    setupError: String? = nil
  ) {
    self.exerciseID = exerciseID
    self.language = language
    self.codeFile = codeFile
    self.results = results
    self.setupError = setupError
  }

  /// True when the handler ran and every case and scenario passed.
  public var passed: Bool {
    setupError == nil && !results.isEmpty && results.allSatisfy(\.passed)
  }

  /// How many cases and scenarios passed.
  public var passedCount: Int { results.filter(\.passed).count }

  /// The first failing case, for one-line summaries.
  public var firstFailure: CaseResult? { results.first { !$0.passed } }

  /// A one-line summary such as `1/2 passed; first failure: greets Ada: statusCode: ...`.
  public var summary: String {
    if let setupError { return "could not run: \(setupError)" }
    var text = "\(passedCount)/\(results.count) passed"
    if let failure = firstFailure {
      text += "; first failure: \(failure.name)"
      if let message = failure.failures.first { text += ": \(message)" }
    }
    return text
  }
}

/// The outcome of one case or scenario.
public struct CaseResult: Sendable, Equatable, Codable {
  /// Whether this is a single-invocation case or a multi-invocation scenario.
  public enum Kind: String, Sendable, Codable {
    case `case`
    case scenario
  }

  public var name: String
  public var kind: Kind
  /// Line in `spec.json`.
  public var line: Int
  /// Each failed check, e.g. `statusCode: expected 200, got 500`. Empty when passed.
  public var failures: [String]
  /// The handler's error (type, message, first stack trace lines), when it failed.
  public var error: String?
  /// The last lines the function printed, when the case failed.
  public var logTail: [String]
  /// Invocations run.
  public var invocations: Int
  /// Duration of the (last) invocation in ms.
  public var durationMs: Double

  public init(
    name: String, kind: Kind, line: Int, failures: [String] = [], error: String? = nil,
    logTail: [String] = [], invocations: Int = 1, durationMs: Double = 0
  ) {
    self.name = name
    self.kind = kind
    self.line = line
    self.failures = failures
    self.error = error
    self.logTail = logTail
    self.invocations = invocations
    self.durationMs = durationMs
  }

  public var passed: Bool { failures.isEmpty }
}
