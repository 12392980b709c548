import Course
import Foundation
import JSON
import LambdaRuntime
import Testing

@testable import Grader

/// The grader's case, scenario and delivery logic on in-memory fake functions: no python3 or
/// node runs, so every outcome (pass, each kind of failure, error, timeout, a function that
/// does not start) is produced on purpose and checked as structure.
@Suite struct GraderLogicTests {
  /// The fixture exercise `greet` with `cases` and `scenarios` of the test's own; its Python
  /// handler file exists (the grader checks that) but never runs.
  static func exercise(
    cases: [ExerciseCase] = [], scenarios: [Scenario] = []
  ) throws -> Exercise {
    var exercise = try GraderFixture.exercise("greet")
    exercise.cases = cases
    exercise.scenarios = scenarios
    return exercise
  }

  static func grade(_ exercise: Exercise, _ maker: FakeFunctionMaker) -> GradeReport {
    Grader.grade(
      exercise: exercise, codeFile: GraderFixture.handler("greet", .python, "pass"),
      language: .python, functions: maker)
  }

  static func node(_ text: String) throws -> JSONValue {
    try #require(JSONValue.parse(text))
  }

  static func expecting(_ configure: (inout CaseExpectation) -> Void) -> CaseExpectation {
    var expect = CaseExpectation()
    configure(&expect)
    return expect
  }

  static func item(_ name: String, line: Int, _ expect: CaseExpectation) -> ExerciseCase {
    ExerciseCase(name: name, line: line, event: .inline(#"{"name":"Ada"}"#), expect: expect)
  }

  @Test func passingCasePassesAndEveryFunctionIsShutDown() throws {
    let maker = FakeFunctionMaker { _ in .result(#"{"statusCode":200}"#) }
    let exercise = try Self.exercise(cases: [
      Self.item("ok", line: 3, Self.expecting { $0.statusCode = 200 })
    ])
    let report = Self.grade(exercise, maker)
    #expect(report.passed)
    #expect(report.language == .python)
    #expect(report.results.map(\.invocations) == [1])
    #expect(maker.calls.map(\.event) == [#"{"name":"Ada"}"#])
    #expect(maker.functions.allSatisfy { $0.wasShutDown })
  }

  @Test func wrongStatusIsAValueLocatedAtTheCase() throws {
    let maker = FakeFunctionMaker { _ in .result(#"{"statusCode":500}"#) }
    let exercise = try Self.exercise(cases: [
      Self.item("status", line: 7, Self.expecting { $0.statusCode = 200 })
    ])
    let result = try #require(Self.grade(exercise, maker).results.first)
    let failure = try #require(result.failures.first)
    #expect(result.failures.count == 1)
    guard case .statusCode(let expected, let actual, _) = failure.kind else {
      Issue.record("not a status code failure: \(failure)")
      return
    }
    #expect(expected == 200)
    #expect(actual?.intValue == 500)
    #expect(failure.path == "statusCode")
    #expect(failure.expected?.compact() == "200")
    #expect(failure.actual?.compact() == "500")
    #expect(failure.specFile == "spec.json")
    #expect(failure.line == 7)
  }

  @Test func aBodyFieldFailureCarriesTheLineOfItsCase() throws {
    let maker = FakeFunctionMaker { _ in .result(#"{"body":"{\"message\":\"Hi\"}"}"#) }
    let wanted = JSONValue.string("Hello")
    let exercise = try Self.exercise(cases: [
      Self.item("body", line: 9, Self.expecting { $0.bodyFields = ["message": wanted] })
    ])
    let failure = try #require(Self.grade(exercise, maker).results.first?.failures.first)
    guard case .bodyField(let miss, let lookedIn) = failure.kind else {
      Issue.record("not a body field failure: \(failure)")
      return
    }
    #expect(miss.path == "body.message")
    #expect(miss.rule == .equal(wanted))
    #expect(miss.actual?.stringValue == "Hi")
    #expect(lookedIn == nil, "the field is there, with another value")
    #expect(failure.line == 9)
  }

  @Test func headerLogDurationAndColdStartFailuresAreEachTheirOwnKind() throws {
    let maker = FakeFunctionMaker { _ in
      .result(#"{"headers":{"x-trace":"off"}}"#, logs: "saved\n", durationMs: 250)
    }
    let exercise = try Self.exercise(cases: [
      Self.item(
        "many", line: 2,
        Self.expecting {
          $0.headers = ["X-Trace": "on"]
          $0.logContains = ["sent"]
          $0.logNotContains = ["saved"]
          $0.maxDurationMs = 100
          $0.coldStart = false
        })
    ])
    let kinds = try #require(Self.grade(exercise, maker).results.first).failures.map(\.kind)
    #expect(
      kinds == [
        .header(name: "X-Trace", expected: "on", actual: "off"),
        .logMissing(text: "sent"),
        .logPresent(text: "saved", line: "saved"),
        .duration(bound: .atMost, limitMs: 100, actualMs: 250),
        .coldStart(expected: false, actual: true),
      ])
  }

  @Test func aRaisingHandlerIsAnUnexpectedErrorWithItsStackAndLogs() throws {
    let maker = FakeFunctionMaker { _ in
      .error(type: "KeyError", message: "'name'", logs: "looking up\n")
    }
    let exercise = try Self.exercise(cases: [
      Self.item("raises", line: 2, Self.expecting { $0.statusCode = 200 }),
      Self.item(
        "wrong error", line: 5,
        Self.expecting {
          $0.errorType = "ValueError"
          $0.errorMessageContains = "empty"
        }),
    ])
    let report = Self.grade(exercise, maker)
    let raises = report.results[0]
    #expect(
      raises.failures.map(\.kind) == [.unexpectedError(errorType: "KeyError", message: "'name'")])
    #expect(raises.error?.hasPrefix("KeyError: 'name'\n  File") == true, "\(raises.error ?? "")")
    #expect(raises.logTail == ["looking up"])
    #expect(
      report.results[1].failures.map(\.kind) == [
        .errorType(expected: "ValueError", actual: "KeyError"),
        .errorMessageContains(expected: "empty", actual: "'name'"),
      ])
  }

  @Test func anExpectedErrorThatDoesNotHappenIsNamed() throws {
    let maker = FakeFunctionMaker { _ in .result("null") }
    let exercise = try Self.exercise(cases: [
      Self.item("must fail", line: 2, Self.expecting { $0.errorType = "ValueError" })
    ])
    let failure = try #require(Self.grade(exercise, maker).results.first?.failures.first)
    #expect(
      failure.kind
        == .missingError(expectedType: "ValueError", returned: try Self.node("null"), text: "null"))
  }

  @Test func afterATimeoutTheLaterCasesAreSkippedNotInvoked() throws {
    let maker = FakeFunctionMaker { _ in .timeout }
    let exercise = try Self.exercise(cases: [
      Self.item("slow", line: 3, Self.expecting { $0.statusCode = 200 }),
      Self.item("next", line: 8, Self.expecting { $0.statusCode = 200 }),
    ])
    let report = Self.grade(exercise, maker)
    #expect(maker.calls.count == 1, "the second case never reaches the function")
    guard case .unexpectedError(let type, _)? = report.results[0].failures.first?.kind else {
      Issue.record("\(report.results[0].failures)")
      return
    }
    #expect(type == "Sandbox.Timedout")
    let skipped = report.results[1]
    #expect(skipped.skipped == .earlierTimeout(caseName: "slow", line: 3, timeoutSeconds: 1))
    #expect(skipped.invocations == 0)
    #expect(
      skipped.failures.map(\.kind) == [
        .notRun(.earlierTimeout(caseName: "slow", line: 3, timeoutSeconds: 1))
      ])
    #expect(!report.passed)
  }

  @Test func aFunctionThatDoesNotStartIsReportedOnceAndItsCasesSkipped() throws {
    let maker = FakeFunctionMaker { _ in
      .initFailure(type: "Runtime.UserCodeSyntaxError", message: "invalid syntax (x.py, line 4)")
    }
    var own = FunctionSettings()
    own.environment = ["STAGE": "test"]
    var third = Self.item("own settings", line: 9, Self.expecting { $0.statusCode = 200 })
    third.function = own
    let exercise = try Self.exercise(
      cases: [
        Self.item("first", line: 2, Self.expecting { $0.statusCode = 200 }),
        Self.item("second", line: 5, Self.expecting { $0.statusCode = 200 }), third,
      ],
      scenarios: [Scenario(name: "twice", line: 20, events: [.inline("{}"), .inline("{}")])])
    let report = Self.grade(exercise, maker)
    let failure = try #require(report.loadFailure)
    #expect(failure.errorType == "Runtime.UserCodeSyntaxError")
    #expect(failure.isFileProblem)
    #expect(report.results.count == 4)
    #expect(report.results.allSatisfy { $0.skipped != nil && $0.invocations == 0 })
    #expect(report.results[1].skipped == .doesNotStart(errorType: "Runtime.UserCodeSyntaxError"))
    // Two configurations (the shared one and the case's own) each tried once; the second case
    // and the scenario are not invoked once their configuration is known not to start.
    #expect(maker.calls.count == 2, "\(maker.calls.map(\.number))")
  }

  @Test func casesWithTheirOwnSettingsRunOnAFunctionOfTheirOwnInSpecOrder() throws {
    let maker = FakeFunctionMaker { call in
      .result(#"{"stage":"\#(call.configuration.environment["STAGE"] ?? "none")"}"#)
    }
    var own = FunctionSettings()
    own.environment = ["STAGE": "test"]
    var second = Self.item(
      "own", line: 5, Self.expecting { $0.result = try? Self.node(#"{"stage":"test"}"#) })
    second.function = own
    let exercise = try Self.exercise(cases: [
      Self.item(
        "shared", line: 2, Self.expecting { $0.result = try? Self.node(#"{"stage":"none"}"#) }),
      second,
      Self.item(
        "shared again", line: 8, Self.expecting { $0.result = try? Self.node(#"{"stage":"none"}"#) }
      ),
    ])
    let report = Self.grade(exercise, maker)
    #expect(report.passed, "\(report.results.map(\.sentences))")
    #expect(report.results.map(\.name) == ["shared", "own", "shared again"])
    #expect(maker.functions.count == 2)
    #expect(maker.functions.map(\.received.count).sorted() == [1, 2])
  }

  @Test func aMissingInterpreterIsASetupError() throws {
    let maker = FakeFunctionMaker(missingInterpreter: true) { _ in .result("null") }
    let exercise = try Self.exercise(cases: [Self.item("ok", line: 2, CaseExpectation())])
    let report = Self.grade(exercise, maker)
    #expect(report.setupError?.contains("python3") == true, "\(report.setupError ?? "")")
    #expect(!report.passed)
  }

  // MARK: - Scenarios

  @Test func scenarioCountsColdStartsAndLogOccurrences() throws {
    let maker = FakeFunctionMaker { _ in .result("{}", logs: "charging o-1\n") }
    var scenario = Scenario(
      name: "charges once", line: 14, events: Array(repeating: .inline("{}"), count: 3),
      expectedColdStarts: 1, logOccurrences: ["charging o-1": 1])
    scenario.function = FunctionSettings()
    let report = Self.grade(try Self.exercise(scenarios: [scenario]), maker)
    let result = try #require(report.results.first)
    #expect(result.kind == .scenario)
    #expect(result.invocations == 3)
    #expect(
      result.failures.map(\.kind) == [
        .scenarioCount(.logOccurrences("charging o-1"), expected: 1, actual: 3, invocations: 3)
      ])
    #expect(result.failures.first?.line == 14)
    #expect(result.failures.first?.path == #"logOccurrences "charging o-1""#)
  }

  @Test func scenarioEachNamesTheInvocationThatFailedAndLastIsCheckedToo() throws {
    let maker = FakeFunctionMaker { call in .result(#"{"id":"o-\#(call.number)"}"#) }
    var scenario = Scenario(
      name: "same id", line: 4, events: Array(repeating: .inline("{}"), count: 3))
    scenario.each = Self.expecting { $0.bodyFields = ["id": JSONValue.string("o-1")] }
    scenario.last = Self.expecting { $0.bodyFields = ["id": JSONValue.string("o-9")] }
    let result = try #require(
      Self.grade(try Self.exercise(scenarios: [scenario]), maker).results.first)
    #expect(result.failures.map(\.path) == ["each.2.body.id", "last.body.id"])
    #expect(result.failures.map(\.invocation) == [2, nil])
    #expect(result.failures.map(\.line) == [4, 4])
    guard case .each(2, .bodyField(let miss, _)) = result.failures[0].kind else {
      Issue.record("\(result.failures[0].kind)")
      return
    }
    #expect(miss.actual?.stringValue == "o-2")
  }

  @Test func anUnexpectedTimeoutStopsASequentialScenario() throws {
    let maker = FakeFunctionMaker { call in call.number == 1 ? .timeout : .result("{}") }
    let scenario = Scenario(
      name: "stops", line: 4, events: Array(repeating: .inline("{}"), count: 3))
    let result = try #require(
      Self.grade(try Self.exercise(scenarios: [scenario]), maker).results.first)
    #expect(maker.calls.count == 1)
    #expect(result.failures.first?.kind == .timedOut(invocation: 1, timeoutSeconds: 1, notRun: 2))
    #expect(
      result.failures.contains {
        if case .invocationFailed(1, "Sandbox.Timedout", _) = $0.kind { return true }
        return false
      })
    #expect(result.error?.contains("Task timed out after 1.00 seconds") == true)
  }

  @Test func aScenarioWhoseFunctionDoesNotStartIsSkippedWithTheLoadFailure() throws {
    let maker = FakeFunctionMaker { _ in
      .initFailure(type: "Runtime.ImportModuleError", message: "No module named 'x'")
    }
    let scenario = Scenario(name: "s", line: 4, events: [.inline("{}"), .inline("{}")])
    let report = Self.grade(try Self.exercise(scenarios: [scenario]), maker)
    #expect(report.loadFailure?.errorType == "Runtime.ImportModuleError")
    #expect(report.results.first?.skipped != nil)
    #expect(maker.calls.count == 1)
  }

  // MARK: - Deliveries

  @Test func anAsyncEventThatAlwaysFailsIsRetriedAndCounted() throws {
    let maker = FakeFunctionMaker { _ in .error(type: "ValueError", message: "boom") }
    var scenario = Scenario(name: "retries", line: 30, events: [.inline(#"{"id":"e-1"}"#)])
    var delivery = Delivery(source: .async)
    delivery.retries = 2
    delivery.onFailure = "sqs:failed"
    scenario.delivery = delivery
    scenario.deliveryExpect.invocations = 1
    scenario.deliveryExpect.failed = 1
    scenario.deliveryExpect.records = [
      (
        target: "sqs:failed",
        patterns: [
          try Self.node(#"{"requestContext": {"condition": "RetriesExhausted"}}"#),
          try Self.node(#"{"requestContext": {"condition": "RetriesExhausted"}}"#),
        ]
      )
    ]
    let result = try #require(
      Self.grade(try Self.exercise(scenarios: [scenario]), maker).results.first)
    #expect(maker.calls.count == 3, "one attempt and two retries")
    #expect(result.invocations == 3)
    #expect(
      result.failures.map(\.kind) == [
        .deliveryCount(.invocations, expected: 1, actual: 3, source: .async),
        .recordCount(target: "sqs:failed", expected: 2, actual: 1, elsewhere: []),
      ])
    #expect(result.error?.hasPrefix("ValueError: boom") == true)
  }

  @Test func sqsMessagesThatFailComeBackUntilTheyReachTheQueue() throws {
    let maker = FakeFunctionMaker { call in
      call.event.contains("bad")
        ? .error(type: "ValueError", message: "bad message") : .result("{}")
    }
    var scenario = Scenario(
      name: "dlq", line: 40,
      events: [.inline(#"[{"body":"good"},{"body":"bad"}]"#)])
    var delivery = Delivery(source: .sqs)
    delivery.maxReceiveCount = 2
    delivery.batchSize = 1
    scenario.delivery = delivery
    scenario.deliveryExpect.processed = 2
    scenario.deliveryExpect.receives = ["bad": 1]
    let result = try #require(
      Self.grade(try Self.exercise(scenarios: [scenario]), maker).results.first)
    #expect(
      result.failures.map(\.kind) == [
        .deliveryCount(.processed, expected: 2, actual: 1, source: .sqs),
        .receives(body: "bad", expected: 1, actual: 2),
      ], "\(result.sentences)")
  }
}
