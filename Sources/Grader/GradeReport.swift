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
  /// The function did not start (the file does not load, the handler is not found, init code
  /// failed): reported once here; the cases it stopped are marked `skipped`.
  public var loadFailure: LoadFailure?
  /// The learner's `function.json` that was read, when the exercise has one.
  public var configFile: String?
  /// The API template served for the exercise's HTTP requests (`serverless.yml`), when it
  /// has an `api.json`: the learner may have to edit it as well as the handler.
  public var templateFile: String?

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
    setupError == nil && loadFailure == nil && !results.isEmpty && results.allSatisfy(\.passed)
  }

  /// How many cases and scenarios passed.
  public var passedCount: Int { results.filter(\.passed).count }

  /// The first failing case, for one-line summaries.
  public var firstFailure: CaseResult? { results.first { !$0.passed } }

  /// A one-line summary such as `1/2 passed; first failure: greets Ada: statusCode: ...`.
  public var summary: String {
    if let setupError { return "could not run: \(setupError)" }
    var text = "\(passedCount)/\(results.count) passed"
    if let loadFailure {
      return text + "; the function does not start: \(loadFailure.headline)"
    }
    if let failure = firstFailure {
      text += "; first failure: \(failure.name)"
      if let message = failure.failures.first { text += ": \(message)" }
    }
    return text
  }
}

/// One difference between what a check expected and what happened, located by a JSON path
/// such as `body.items.0.id` or `logJSON[0].requestId`.
public struct Mismatch: Sendable, Equatable, Codable {
  /// Where the difference is: `statusCode`, `body.message`, `headers.Content-Type`, ...
  public var path: String
  /// The expected value, as JSON or text; nil when the check is not about one value.
  public var expected: String?
  /// What was there instead.
  public var actual: String?
  /// The whole sentence, e.g. `statusCode: expected 200, got 500`.
  public var message: String

  public init(path: String, expected: String? = nil, actual: String? = nil, message: String) {
    self.path = path
    self.expected = expected
    self.actual = actual
    self.message = message
  }

  /// `path: expected X, got Y`.
  static func value(_ path: String, expected: String, got: String) -> Mismatch {
    Mismatch(
      path: path, expected: expected, actual: got,
      message: "\(path): expected \(expected), got \(got)")
  }
}

/// The function could not start: where and why, shown once for all the cases it stopped.
public struct LoadFailure: Sendable, Equatable, Codable {
  /// `Runtime.UserCodeSyntaxError`, `Runtime.ImportModuleError`, `Runtime.HandlerNotFound`, ...
  public var errorType: String
  public var message: String
  /// The learner's file and the line the error points at (0 when unknown).
  public var file: String
  public var line: Int
  /// The handler string that was used (`lambda_function.lambda_handler`).
  public var handler: String
  /// The error with its first stack lines, and the last lines the function printed.
  public var details: String?
  public var logTail: [String]
  /// The case whose own `function.handler` was not found (nil: the exercise's handler).
  public var caseName: String?

  /// `lambda_function.py:3: Runtime.UserCodeSyntaxError: ...`.
  public var headline: String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    let location = line > 0 ? "\(name):\(line): " : ""
    return "\(location)\(errorType): \(message)"
  }

  /// True when the file itself does not load (as opposed to the handler string being wrong).
  public var isFileProblem: Bool {
    errorType != "Runtime.HandlerNotFound" && errorType != "Runtime.MalformedHandlerName"
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
  /// Line in the file that declares the case: `spec.json`, or `specFile` when set.
  public var line: Int
  /// The file that declares the case when it is not `spec.json` (`api.json` for requests).
  public var specFile: String?
  /// Each failed check, e.g. `statusCode: expected 200, got 500`. Empty when passed.
  public var failures: [String]
  /// The same failures with their JSON path, expected and actual values.
  public var mismatches: [Mismatch] = []
  /// Why the case was not run (an earlier case timed out, the function does not start).
  public var skipped: String?
  /// The handler's error (type, message, first stack trace lines), when it failed.
  public var error: String?
  /// The last lines the function printed, when the case failed.
  public var logTail: [String]
  /// Invocations run.
  public var invocations: Int
  /// Duration of the (last) invocation in ms.
  public var durationMs: Double
  /// The case as written in spec.json.
  public var source: String = ""

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

  public var passed: Bool { failures.isEmpty && skipped == nil }

  /// `spec.json:12` or `api.json:5`: where the case is declared.
  public var location: String { "\(specFile ?? "spec.json"):\(line)" }

  /// Sets the failures from mismatches.
  mutating func record(_ found: [Mismatch]) {
    mismatches = found
    failures = found.map(\.message)
  }

  /// Marks the case as not run, with the reason as its one failure.
  mutating func skip(_ reason: String) {
    skipped = reason
    invocations = 0
    record([Mismatch(path: "", message: "not run: \(reason)")])
  }
}
