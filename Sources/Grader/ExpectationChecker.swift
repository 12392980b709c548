import Course
import Foundation
import JSON

/// Compares one invocation with an `Expectation` and names every difference precisely.
enum ExpectationChecker {
  /// Every failed check as a sentence, e.g. `statusCode: expected 200, got 500`.
  static func failures(_ expect: Expectation, _ outcome: InvocationOutcome) -> [String] {
    mismatches(expect, outcome).map(\.message)
  }

  /// Every failed check with its path; empty when all pass.
  static func mismatches(_ expect: Expectation, _ outcome: InvocationOutcome) -> [Mismatch] {
    var found = errorChecks(expect, outcome)
    if !outcome.isError {
      found += resultChecks(expect, outcome)
    }
    found += logChecks(expect, outcome)
    found += timingChecks(expect, outcome)
    found += scratchChecks(expect.scratchFiles, outcome.scratchFolder)
    return found
  }

  /// The error checks, and a failure when an error happened that nobody expected.
  private static func errorChecks(_ expect: Expectation, _ outcome: InvocationOutcome)
    -> [Mismatch]
  {
    guard expect.wantsError else {
      guard outcome.isError else { return [] }
      return [
        Mismatch(
          path: "errorType", expected: "no error", actual: outcome.errorLine,
          message: "expected a result, but the invocation failed with \(outcome.errorLine)")
      ]
    }
    guard outcome.isError else {
      let got = outcome.result?.shortText() ?? outcome.record.resultText
      return [
        Mismatch(
          path: "errorType", expected: expect.errorType ?? "an error", actual: got,
          message: "expected the invocation to fail, but it returned \(got)")
      ]
    }
    var found: [Mismatch] = []
    if let type = expect.errorType, outcome.errorType != type {
      found.append(.value("errorType", expected: type, got: outcome.errorType ?? "none"))
    }
    if let text = expect.errorMessage, outcome.errorMessage != text {
      found.append(
        .value("errorMessage", expected: quoted(text), got: quoted(outcome.errorMessage)))
    }
    if let text = expect.errorMessageContains, !outcome.errorMessage.contains(text) {
      found.append(
        Mismatch(
          path: "errorMessage", expected: quoted(text), actual: quoted(outcome.errorMessage),
          message:
            "errorMessage: expected to contain \(quoted(text)), got \(quoted(outcome.errorMessage))"
        ))
    }
    return found
  }

  /// statusCode, headers, body fields and whole-result checks on a successful result.
  private static func resultChecks(_ expect: Expectation, _ outcome: InvocationOutcome)
    -> [Mismatch]
  {
    let needsResult =
      expect.statusCode != nil || !expect.headers.isEmpty || !expect.bodyFields.isEmpty
      || expect.result != nil
    guard needsResult else { return [] }
    guard let result = outcome.result else {
      let text = String(outcome.record.resultText.prefix(200))
      return [
        Mismatch(
          path: "result", expected: "JSON", actual: text,
          message: "the result is not JSON: \(text)")
      ]
    }
    var found: [Mismatch] = []
    if let status = expect.statusCode {
      if let got = result["statusCode"] {
        if got.intValue != status {
          found.append(.value("statusCode", expected: "\(status)", got: got.shortText()))
        }
      } else {
        found.append(
          .value(
            "statusCode", expected: "\(status)",
            got: "no statusCode (the result is \(result.shortText()))"))
      }
    }
    for (name, value) in expect.headers.sorted(by: { $0.key < $1.key }) {
      let got = result["headers"]?.member(caseInsensitive: name)
      let text = got.map { $0.stringValue ?? $0.compact() }
      if text != value {
        found.append(
          .value(
            "headers.\(name)", expected: quoted(value), got: text.map(quoted) ?? "no such header"))
      }
    }
    found += bodyChecks(expect, result)
    if let expected = expect.result, let miss = JSONMatch.check(expected, result, path: "result") {
      found.append(
        Mismatch(
          path: miss.path, expected: miss.expected, actual: miss.actual,
          message: "result: expected \(expected.shortText()), got \(result.shortText())"
            + (miss.path == "result" ? "" : " (first difference at \(miss.path))")))
    }
    return found
  }

  /// `body` paths, looked up in the parsed body when the result has one, else in the result.
  private static func bodyChecks(_ expect: Expectation, _ result: JSONValue) -> [Mismatch] {
    guard !expect.bodyFields.isEmpty else { return [] }
    var root = result
    if let body = result["body"] {
      if let text = body.stringValue {
        guard let parsed = JSONValue.parse(text) else {
          return [
            .value(
              "body", expected: "a JSON body", got: quoted(String(text.prefix(200))))
          ]
        }
        root = parsed
      } else {
        root = body
      }
    }
    var found: [Mismatch] = []
    for (path, expected) in expect.bodyFields.sorted(by: { $0.key < $1.key }) {
      if let problem = JSONMatch.check(expected, root.value(atPath: path), path: "body.\(path)") {
        if root.value(atPath: path) == nil, problem.actual == "nothing" {
          var located = problem
          located.message += " (no such field in \(root.shortText(limit: 120)))"
          found.append(located)
        } else {
          found.append(problem)
        }
      }
    }
    return found
  }

  /// Duration bounds and whether the invocation was cold.
  private static func timingChecks(_ expect: Expectation, _ outcome: InvocationOutcome)
    -> [Mismatch]
  {
    var found: [Mismatch] = []
    let duration = outcome.record.durationMs
    if let limit = expect.maxDurationMs, duration > limit {
      found.append(
        Mismatch(
          path: "duration", expected: "at most \(format(limit)) ms",
          actual: "\(format(duration)) ms",
          message: "duration: expected at most \(format(limit)) ms, got \(format(duration)) ms"))
    }
    if let floor = expect.minDurationMs, duration < floor {
      found.append(
        Mismatch(
          path: "duration", expected: "at least \(format(floor)) ms",
          actual: "\(format(duration)) ms",
          message: "duration: expected at least \(format(floor)) ms, got \(format(duration)) ms"))
    }
    if let cold = expect.coldStart, outcome.record.cold != cold {
      let word = { (flag: Bool) in flag ? "a cold start" : "a warm start" }
      found.append(.value("coldStart", expected: word(cold), got: word(outcome.record.cold)))
    }
    return found
  }

  /// Files that must (or must not) be in the function's scratch folder.
  static func scratchChecks(_ files: [String: Bool], _ folder: String?) -> [Mismatch] {
    guard !files.isEmpty else { return [] }
    guard let folder else {
      return [Mismatch(path: "scratchFiles", message: "scratchFiles: no scratch folder to look in")]
    }
    var found: [Mismatch] = []
    for (path, wanted) in files.sorted(by: { $0.key < $1.key }) {
      let exists = FileManager.default.fileExists(atPath: "\(folder)/\(path)")
      guard exists != wanted else { continue }
      let present = wanted ? "to exist" : "not to exist"
      let list = ScratchListing.describe(folder)
      found.append(
        Mismatch(
          path: "scratchFiles.\(path)", expected: wanted ? "present" : "absent",
          actual: exists ? "present" : "absent",
          message: "scratchFiles.\(path): expected \(present) in /tmp; /tmp holds \(list)"))
    }
    return found
  }

  static func quoted(_ text: String) -> String {
    JSONValue.quote(text)
  }

  static func format(_ milliseconds: Double) -> String {
    String(format: "%.2f", milliseconds)
  }
}

/// What is in a scratch folder, for messages.
enum ScratchListing {
  static func describe(_ folder: String) -> String {
    let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
    let files = names.filter { name in
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isDirectory)
      return !isDirectory.boolValue
    }.sorted()
    if files.isEmpty { return "no files" }
    let shown = files.prefix(8).joined(separator: ", ")
    return files.count > 8 ? "\(shown), ... (\(files.count) files)" : shown
  }
}
