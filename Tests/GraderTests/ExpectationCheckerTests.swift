import Course
import Foundation
import JSON
import Testing

@testable import CLI
@testable import Grader
@testable import LambdaRuntime

/// The checks on hand-made invocation records: no interpreter needed.
@Suite struct ExpectationCheckerTests {
  /// A record with `result` as its payload.
  static func record(
    _ result: String, status: InvocationRecord.Status = .success, errorType: String? = nil,
    logs: String = "", durationMs: Double = 5
  ) -> InvocationOutcome {
    InvocationOutcome(
      InvocationRecord(
        requestID: "id", environmentID: 1, cold: false, initDurationMs: nil,
        durationMs: durationMs, billedDurationMs: 5, memorySizeMB: 128, maxMemoryUsedMB: 30,
        status: status, statusCode: 200, errorType: errorType, result: Data(result.utf8),
        logs: logs, droppedLogBytes: 0, initSpan: nil, invokeSpan: 0...1))
  }

  /// The failures as the learner reads them.
  static func sentences(_ expect: CaseExpectation, _ outcome: InvocationOutcome) -> [String] {
    ExpectationChecker.failures(expect, outcome).map(\.sentence)
  }

  /// An expectation parsed from spec JSON, as the course loader would.
  static func node(_ text: String) throws -> JSONValue {
    try #require(JSONValue.parse(text))
  }

  @Test func headersMatchCaseInsensitivelyAndValuesExactly() throws {
    var expect = Expectation()
    expect.headers = ["Content-Type": "application/json", "X-Trace": "on"]
    let outcome = Self.record(#"{"headers":{"content-type":"application/json","x-trace":"off"}}"#)
    #expect(
      Self.sentences(expect, outcome) == [
        #"headers.X-Trace: expected "on", got "off""#
      ])
    expect.headers = ["Missing": "x"]
    #expect(
      Self.sentences(expect, outcome) == [
        #"headers.Missing: expected "x", got no such header"#
      ])
  }

  @Test func resultComparesJSONValuesNotText() throws {
    var expect = Expectation()
    expect.result = try Self.node(#"{"a": 1, "b": [true, null]}"#)
    #expect(Self.sentences(expect, Self.record(#"{"b":[true,null],"a":1.0}"#)).isEmpty)
    #expect(
      Self.sentences(expect, Self.record(#"{"a":2,"b":[true,null]}"#)) == [
        #"result: expected {"a":1,"b":[true,null]}, got {"a":2,"b":[true,null]}"#
          + " (first difference at result.a)"
      ])
  }

  @Test func bodyPathsLookInsideAJSONStringBodyOrTheResult() throws {
    var expect = Expectation()
    expect.bodyFields = ["user.names.1": try Self.node(#""Bo""#)]
    let wrapped = Self.record(#"{"body":"{\"user\":{\"names\":[\"Al\",\"Bo\"]}}"}"#)
    #expect(Self.sentences(expect, wrapped).isEmpty)
    let bare = Self.record(#"{"user":{"names":["Al","Cy"]}}"#)
    #expect(
      Self.sentences(expect, bare) == [#"body.user.names.1: expected "Bo", got "Cy""#])
    let text = Self.record(#"{"body":"plain words"}"#)
    #expect(
      Self.sentences(expect, text) == [
        #"body: expected a JSON body, got "plain words""#
      ])
  }

  @Test func statusCodeMissingOrWrong() {
    var expect = Expectation()
    expect.statusCode = 201
    #expect(
      Self.sentences(expect, Self.record(#"{"statusCode":200}"#)) == [
        "statusCode: expected 201, got 200"
      ])
    let missing = Self.sentences(expect, Self.record("[1]"))
    #expect(missing == ["statusCode: expected 201, got no statusCode (the result is [1])"])
  }

  @Test func errorsExpectedAndUnexpected() {
    var expect = Expectation()
    let failed = Self.record(
      #"{"errorType":"KeyError","errorMessage":"'id'"}"#, status: .error, errorType: "KeyError")
    #expect(
      Self.sentences(expect, failed) == [
        "expected a result, but the invocation failed with KeyError: 'id'"
      ])
    expect.errorType = "ValueError"
    expect.errorMessageContains = "empty"
    #expect(
      Self.sentences(expect, failed) == [
        "errorType: expected ValueError, got KeyError",
        #"errorMessage: expected to contain "empty", got "'id'""#,
      ])
    #expect(
      Self.sentences(expect, Self.record("null")) == [
        "expected the invocation to fail, but it returned null"
      ])
  }

  @Test func logsAndDuration() {
    var expect = Expectation()
    expect.logContains = ["saved order", "sent mail"]
    expect.maxDurationMs = 100
    let outcome = Self.record("null", logs: "START RequestId: x\nsaved order 7\n", durationMs: 250)
    #expect(
      Self.sentences(expect, outcome) == [
        #"logs: expected to contain "sent mail", but they do not"#,
        "duration: expected at most 100.00 ms, got 250.00 ms",
      ])
    #expect(outcome.logTail() == ["saved order 7"])
    #expect(outcome.occurrences(of: "order") == 1)
  }
}
