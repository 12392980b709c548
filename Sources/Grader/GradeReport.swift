import Course
import SystemSupport

/// The outcome of grading one handler file against an exercise's cases and scenarios.
public struct GradeReport: Sendable, Equatable {
  /// The exercise graded.
  public var exerciseID: String
  /// The language of the handler file.
  public var language: Language
  /// The handler file that was run.
  public var codeFile: AbsolutePath
  /// Every case, then every scenario, in spec order.
  public var results: [CaseResult]
  /// Why nothing could run at all (missing interpreter, missing file, bad configuration).
  public var setupError: String?
  /// The function did not start (the file does not load, the handler is not found, init code
  /// failed): reported once here; the cases it stopped are marked `skipped`.
  public var loadFailure: LoadFailure?
  /// The learner's `function.json` that was read, when the exercise has one.
  public var configFile: AbsolutePath?
  /// The API template served for the exercise's HTTP requests (`serverless.yml`), when it
  /// has an `api.json`: the learner may have to edit it as well as the handler.
  public var templateFile: String?

  public init(
    exerciseID: String, language: Language, codeFile: AbsolutePath, results: [CaseResult] = [],
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
public struct CaseResult: Sendable, Equatable {
  /// Whether this is a single-invocation case or a multi-invocation scenario.
  public enum Kind: String, Sendable, Codable {
    case `case`
    case scenario
  }

  public var name: String
  public var kind: Kind
  /// Line in `specFile` (0 when the file has no line for it).
  public var line: Int
  /// The exercise file that defines this check: `spec.json`, `api.json` or `deployment.json`.
  public var specFile = "spec.json"
  /// Each failed check. Empty when passed.
  public var failures: [GradeFailure]
  /// Why the case was not run (an earlier case timed out, the function does not start).
  public var skipped: SkipReason?
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
    name: String, kind: Kind, line: Int, failures: [GradeFailure] = [], error: String? = nil,
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

  /// `spec.json:12` or `api.json:5`: where the case is declared (the file alone without a line).
  public var location: String { line > 0 ? "\(specFile):\(line)" : specFile }

  /// Sets the failures, each located in this case's spec file (at the case's line unless the
  /// failure knows a line of its own).
  public mutating func record(_ found: [GradeFailure]) {
    failures = found.map { failure in
      var located = failure
      located.specFile = specFile
      if located.line == 0 { located.line = line }
      return located
    }
  }

  /// Sets the failures from their kinds.
  public mutating func record(_ kinds: [GradeFailure.Kind]) {
    record(kinds.map { GradeFailure($0) })
  }

  /// Marks the case as not run, with the reason as its one failure.
  mutating func skip(_ reason: SkipReason) {
    skipped = reason
    invocations = 0
    record([GradeFailure.Kind.notRun(reason)])
  }
}
