import Course
import Grader
import JSON

/// `check --json`: the exercism test-runner results (version 2) — `version`, `status`,
/// `message`, `tests` with `name`, `status`, `message`, `output`, `test_code` — plus our extras
/// (exercise, language, file, counts, next step; per test: kind, spec line, duration,
/// invocations, each failure as structure, skip reason).
struct TestRunnerDocument: Encodable {
  /// One failed check: its kind, path, expected and actual JSON values, where the spec
  /// declares it, and the sentence the terminal shows.
  struct Failure: Encodable {
    var kind: String
    var path: String
    var expected: EncodedJSON?
    var actual: EncodedJSON?
    /// `each` or `last` for a scenario's per-invocation expectations.
    var scope: String?
    var invocation: Int?
    var specFile: String
    var line: Int
    var message: String

    init(_ failure: GradeFailure) {
      kind = failure.name
      path = failure.path
      expected = failure.expected.map(EncodedJSON.init)
      actual = failure.actual.map(EncodedJSON.init)
      switch failure.kind {
      case .each: scope = "each"
      case .last: scope = "last"
      default: scope = nil
      }
      invocation = failure.invocation
      specFile = failure.specFile
      line = failure.line
      message = failure.sentence
    }
  }

  /// The step after a pass: what it is and the command that starts it.
  struct Next: Encodable {
    var kind: String
    var id: String
    var description: String
    var command: String
  }

  struct Test: Encodable {
    var name: String
    /// `pass`, `fail` or `error` (the handler raised where a result was expected).
    var status: String
    var message: String?
    var output: String?
    var testCode: String
    var kind: String
    /// The file that defines the test (`spec.json`, `api.json`, `deployment.json`) and its line.
    var specFile: String
    var line: Int
    var durationMs: Double
    var invocations: Int
    var failures: [Failure]
    var skipped: String?

    private enum CodingKeys: String, CodingKey {
      case name, status, message, output, kind, specFile, line, durationMs, invocations
      case failures
      case skipped
      case testCode = "test_code"
    }

    init(_ result: CaseResult) {
      name = result.kind == .scenario ? "scenario: \(result.name)" : result.name
      if result.passed {
        status = "pass"
      } else if result.error != nil && result.failures.first?.path == "errorType" {
        status = "error"
      } else {
        status = "fail"
      }
      var lines = result.failures.map(\.sentence)
      if let error = result.error { lines.append("handler error:\n\(error)") }
      message = result.passed ? nil : lines.joined(separator: "\n")
      output =
        result.logTail.isEmpty ? nil : String(result.logTail.joined(separator: "\n").prefix(500))
      testCode = result.source
      kind = result.kind.rawValue
      specFile = result.specFile
      line = result.line
      durationMs = (result.durationMs * 100).rounded() / 100
      invocations = result.invocations
      failures = result.failures.map(Failure.init)
      skipped = result.skipped?.sentence
    }
  }

  var version = 2
  var status: String
  /// Why nothing could be graded (setup error, or the function does not start); null otherwise.
  var message: String?
  var tests: [Test]
  var exercise: String
  var language: String
  var file: String
  var configFile: String?
  var passed: Bool
  var passedCount: Int
  var total: Int
  var loadFailure: LoadFailure?
  var next: Next?

  init(_ report: GradeReport, next: Next?) {
    if report.setupError != nil {
      status = "error"
    } else if report.loadFailure != nil && report.results.allSatisfy({ $0.skipped != nil }) {
      status = "error"
    } else {
      status = report.passed ? "pass" : "fail"
    }
    if let setup = report.setupError {
      message = setup
    } else if let failure = report.loadFailure, report.results.allSatisfy({ $0.skipped != nil }) {
      message = "the function does not start: \(failure.headline)"
    } else {
      message = nil
    }
    tests = report.results.map(Test.init)
    exercise = report.exerciseID
    language = report.language.rawValue
    file = report.codeFile.string
    configFile = report.configFile?.string
    passed = report.passed
    passedCount = report.passedCount
    total = report.results.count
    loadFailure = report.loadFailure
    self.next = next
  }

  private enum CodingKeys: String, CodingKey {
    case version, status, message, tests, exercise, language, file, configFile, passed
    case passedCount, total, loadFailure, next, nextStep
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(version, forKey: .version)
    try container.encode(status, forKey: .status)
    // exercism wants "message": null, not a missing key.
    try container.encode(message, forKey: .message)
    try container.encode(tests, forKey: .tests)
    try container.encode(exercise, forKey: .exercise)
    try container.encode(language, forKey: .language)
    try container.encode(file, forKey: .file)
    try container.encodeIfPresent(configFile, forKey: .configFile)
    try container.encode(passed, forKey: .passed)
    try container.encode(passedCount, forKey: .passedCount)
    try container.encode(total, forKey: .total)
    try container.encodeIfPresent(loadFailure, forKey: .loadFailure)
    // `next` is the command (as before); `nextStep` says what the step is.
    try container.encodeIfPresent(next?.command, forKey: .next)
    try container.encodeIfPresent(next, forKey: .nextStep)
  }
}

/// A grading JSON value written through `Encoder`: numbers as numbers, objects with their keys.
struct EncodedJSON: Encodable {
  let node: JSONValue

  init(_ node: JSONValue) { self.node = node }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  func encode(to encoder: Encoder) throws {
    switch node {
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let flag):
      var container = encoder.singleValueContainer()
      try container.encode(flag)
    case .number(let text):
      var container = encoder.singleValueContainer()
      if let integer = Int(text) {
        try container.encode(integer)
      } else {
        try container.encode(node.doubleValue ?? 0)
      }
    case .string(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .array(let items):
      var container = encoder.unkeyedContainer()
      for item in items { try container.encode(EncodedJSON(item)) }
    case .object(let members):
      var container = encoder.container(keyedBy: Key.self)
      for member in members {
        try container.encode(EncodedJSON(member.value), forKey: Key(stringValue: member.key))
      }
    }
  }
}
