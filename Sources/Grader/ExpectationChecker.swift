import Course
import Foundation
import JSON
import SystemSupport

/// Compares one invocation with an `Expectation` and names every difference precisely, as
/// `GradeFailure` values (the printer words them).
enum ExpectationChecker {
  /// Every failed check; empty when all pass.
  static func failures(_ expect: Expectation, _ outcome: InvocationOutcome) -> [GradeFailure] {
    var found = errorChecks(expect, outcome).map { GradeFailure($0) }
    if !outcome.isError {
      found += resultChecks(expect, outcome)
    }
    found += logChecks(expect, outcome)
    found += timingChecks(expect, outcome).map { GradeFailure($0) }
    found += scratchChecks(expect.scratchFiles, outcome.scratchFolder).map { GradeFailure($0) }
    return found
  }

  /// The error checks, and a failure when an error happened that nobody expected.
  private static func errorChecks(_ expect: Expectation, _ outcome: InvocationOutcome)
    -> [GradeFailure.Kind]
  {
    guard expect.wantsError else {
      guard outcome.isError else { return [] }
      return [.unexpectedError(errorType: outcome.errorType, message: outcome.errorMessage)]
    }
    guard outcome.isError else {
      return [
        .missingError(
          expectedType: expect.errorType, returned: outcome.result,
          text: outcome.record.resultText)
      ]
    }
    var found: [GradeFailure.Kind] = []
    if let type = expect.errorType, outcome.errorType != type {
      found.append(.errorType(expected: type, actual: outcome.errorType))
    }
    if let text = expect.errorMessage, outcome.errorMessage != text {
      found.append(.errorMessage(expected: text, actual: outcome.errorMessage))
    }
    if let text = expect.errorMessageContains, !outcome.errorMessage.contains(text) {
      found.append(.errorMessageContains(expected: text, actual: outcome.errorMessage))
    }
    return found
  }

  /// statusCode, headers, body fields and whole-result checks on a successful result.
  private static func resultChecks(_ expect: Expectation, _ outcome: InvocationOutcome)
    -> [GradeFailure]
  {
    let needsResult =
      expect.statusCode != nil || !expect.headers.isEmpty || !expect.bodyFields.isEmpty
      || expect.result != nil
    guard needsResult else { return [] }
    guard let result = outcome.result else {
      return [GradeFailure(.resultNotJSON(text: String(outcome.record.resultText.prefix(200))))]
    }
    var found: [GradeFailure] = []
    if let status = expect.statusCode {
      let got = result["statusCode"]
      if got?.intValue != status {
        found.append(GradeFailure(.statusCode(expected: status, actual: got, result: result)))
      }
    }
    for (name, value) in expect.headers.sorted(by: { $0.key < $1.key }) {
      let got = result["headers"]?.member(caseInsensitive: name)
      let text = got.map { $0.stringValue ?? $0.compact() }
      if text != value {
        found.append(GradeFailure(.header(name: name, expected: value, actual: text)))
      }
    }
    found += bodyChecks(expect, result)
    if let expected = expect.result, let miss = JSONMatch.check(expected, result, path: "result") {
      found.append(
        GradeFailure(
          .result(expected: expected, actual: result, difference: miss)))
    }
    return found
  }

  /// `body` paths, looked up in the parsed body when the result has one, else in the result.
  private static func bodyChecks(_ expect: Expectation, _ result: JSONValue) -> [GradeFailure] {
    guard !expect.bodyFields.isEmpty else { return [] }
    var root = result
    if let body = result["body"] {
      if let text = body.stringValue {
        guard let parsed = JSONValue.parse(text) else {
          return [GradeFailure(.bodyNotJSON(text: String(text.prefix(200))))]
        }
        root = parsed
      } else {
        root = body
      }
    }
    var found: [GradeFailure] = []
    for (path, expected) in expect.bodyFields.sorted(by: { $0.key < $1.key }) {
      let value = root.value(atPath: path)
      if let problem = JSONMatch.check(expected, value, path: "body.\(path)") {
        let missing = value == nil && problem.actual == nil
        found.append(
          GradeFailure(.bodyField(problem, lookedIn: missing ? root : nil)))
      }
    }
    return found
  }

  /// Duration bounds and whether the invocation was cold.
  private static func timingChecks(_ expect: Expectation, _ outcome: InvocationOutcome)
    -> [GradeFailure.Kind]
  {
    var found: [GradeFailure.Kind] = []
    let duration = outcome.record.durationMs
    if let limit = expect.maxDurationMs, duration > limit {
      found.append(.duration(bound: .atMost, limitMs: limit, actualMs: duration))
    }
    if let floor = expect.minDurationMs, duration < floor {
      found.append(.duration(bound: .atLeast, limitMs: floor, actualMs: duration))
    }
    if let cold = expect.coldStart, outcome.record.cold != cold {
      found.append(.coldStart(expected: cold, actual: outcome.record.cold))
    }
    return found
  }

  /// Files that must (or must not) be in the function's scratch folder.
  static func scratchChecks(_ files: [String: Bool], _ folder: AbsolutePath?)
    -> [GradeFailure.Kind]
  {
    guard !files.isEmpty else { return [] }
    guard let folder else { return [.noScratchFolder] }
    var found: [GradeFailure.Kind] = []
    for (path, wanted) in files.sorted(by: { $0.key < $1.key }) {
      // `path` is as the spec writes it: relative to the scratch folder.
      let exists = FileManager.default.fileExists(atPath: folder.appending(path).string)
      guard exists != wanted else { continue }
      found.append(
        .scratchFile(path: path, shouldExist: wanted, files: ScratchListing.files(in: folder)))
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
  /// The files (not folders) under `folder`, as paths relative to it, sorted.
  static func files(in folder: AbsolutePath) -> [String] {
    let names =
      (FileManager.default.enumerator(atPath: folder.string)?.allObjects as? [String]) ?? []
    return names.filter { name in
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(
        atPath: folder.appending(name).string, isDirectory: &isDirectory)
      return !isDirectory.boolValue
    }.sorted()
  }
}
