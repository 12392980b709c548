import Course
import Foundation

/// Compares one invocation with an `Expectation` and names every difference precisely.
enum ExpectationChecker {
  /// Every failed check, e.g. `statusCode: expected 200, got 500`; empty when all pass.
  static func failures(_ expect: Expectation, _ outcome: InvocationOutcome) -> [String] {
    var failures = errorChecks(expect, outcome)
    if !outcome.isError {
      failures += resultChecks(expect, outcome)
    }
    for text in expect.logContains where !outcome.record.logs.contains(text) {
      failures.append("logs: expected to contain \(quoted(text)), but they do not")
    }
    if let limit = expect.maxDurationMs, outcome.record.durationMs > limit {
      failures.append(
        "duration: expected at most \(format(limit)) ms, got \(format(outcome.record.durationMs)) ms"
      )
    }
    return failures
  }

  /// The error checks, and a failure when an error happened that nobody expected.
  private static func errorChecks(_ expect: Expectation, _ outcome: InvocationOutcome) -> [String] {
    let wantsError = expect.errorType != nil || expect.errorMessageContains != nil
    guard wantsError else {
      return outcome.isError
        ? ["expected a result, but the invocation failed with \(outcome.errorLine)"] : []
    }
    guard outcome.isError else {
      let got = outcome.result?.shortText() ?? outcome.record.resultText
      return ["expected the invocation to fail, but it returned \(got)"]
    }
    var failures: [String] = []
    if let type = expect.errorType, outcome.errorType != type {
      failures.append("errorType: expected \(type), got \(outcome.errorType ?? "none")")
    }
    if let text = expect.errorMessageContains, !outcome.errorMessage.contains(text) {
      failures.append(
        "errorMessage: expected to contain \(quoted(text)), got \(quoted(outcome.errorMessage))")
    }
    return failures
  }

  /// statusCode, headers, body fields and whole-result checks on a successful result.
  private static func resultChecks(_ expect: Expectation, _ outcome: InvocationOutcome)
    -> [String]
  {
    guard let result = outcome.result else {
      return ["the result is not JSON: \(outcome.record.resultText.prefix(200))"]
    }
    var failures: [String] = []
    if let status = expect.statusCode {
      if let got = result["statusCode"] {
        if got.int != status {
          failures.append("statusCode: expected \(status), got \(got.shortText())")
        }
      } else {
        failures.append(
          "statusCode: expected \(status), got no statusCode (the result is \(result.shortText()))")
      }
    }
    for (name, value) in expect.headers.sorted(by: { $0.key < $1.key }) {
      let got = result["headers"]?.member(caseInsensitive: name)
      let text = got.map { $0.string ?? $0.serialized() }
      if text != value {
        failures.append(
          "headers.\(name): expected \(quoted(value)), got \(text.map(quoted) ?? "no such header")")
      }
    }
    failures += bodyChecks(expect, result)
    if let expected = expect.result, !expected.sameJSON(as: result) {
      failures.append("result: expected \(expected.shortText()), got \(result.shortText())")
    }
    return failures
  }

  /// `body` paths, looked up in the parsed body when the result has one, else in the result.
  private static func bodyChecks(_ expect: Expectation, _ result: JSONNode) -> [String] {
    guard !expect.bodyFields.isEmpty else { return [] }
    var root = result
    if let body = result["body"] {
      if let text = body.string {
        guard let parsed = JSONNode.parsing(text) else {
          return ["body: expected a JSON body, got \(quoted(String(text.prefix(200))))"]
        }
        root = parsed
      } else {
        root = body
      }
    }
    var failures: [String] = []
    for (path, expected) in expect.bodyFields.sorted(by: { $0.key < $1.key }) {
      guard let got = root.value(atPath: path) else {
        failures.append(
          "body.\(path): expected \(expected.shortText()), got nothing (no such field in "
            + "\(root.shortText(limit: 120)))")
        continue
      }
      if !got.sameJSON(as: expected) {
        failures.append("body.\(path): expected \(expected.shortText()), got \(got.shortText())")
      }
    }
    return failures
  }

  static func quoted(_ text: String) -> String {
    JSONNode(.string(text), line: 0).serialized()
  }

  static func format(_ milliseconds: Double) -> String {
    String(format: "%.2f", milliseconds)
  }
}
