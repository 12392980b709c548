import Course
import Foundation
import JSON
import Testing

@testable import Grader

/// Scenarios: cold starts and log occurrences counted across invocations.
@Suite struct GraderScenarioTests {
  @Test(arguments: Languages.available)
  func idempotentHandlerPassesScenarios(language: Language) throws {
    let report = try GraderFixture.grade("orders", language, "pass")
    #expect(report.results.map(\.kind) == [.case, .scenario, .scenario])
    #expect(report.passed, "\(report.results.flatMap(\.sentences))")
    #expect(report.results[1].invocations == 3)
  }

  @Test(arguments: Languages.available)
  func naiveHandlerChargesTwice(language: Language) throws {
    let report = try GraderFixture.grade("orders", language, "naive")
    // Key order differs from the spec's result: JSON values are compared, not text.
    #expect(report.results[0].passed)
    #expect(
      report.results[1].sentences == [
        "logOccurrences \"connecting to the bank\": expected 1, got 3"
      ])
    #expect(report.results[2].sentences == ["logOccurrences \"charging o-1\": expected 1, got 2"])
  }

  @Test(arguments: Languages.available)
  func crashingHandlerColdStartsEveryTime(language: Language) throws {
    let report = try GraderFixture.grade("orders", language, "crashes")
    let scenario = report.results[1]
    #expect(scenario.sentences.contains("coldStarts: expected 1, got 3 over 3 invocations"))
    #expect(
      scenario.sentences.contains { $0.hasPrefix("invocation 1 failed with Runtime.ExitError") })
    #expect(scenario.error != nil)
  }

  @Test(arguments: Languages.available)
  func concurrentScenarioNeedsOneEnvironmentPerWorker(language: Language) throws {
    var exercise = try GraderFixture.exercise("orders")
    exercise.cases = []
    exercise.scenarios[0].concurrency = 3
    exercise.scenarios[0].logOccurrences = [:]
    exercise.scenarios.removeLast()
    let report = Grader.grade(
      exercise: exercise, codeFile: GraderFixture.handler("orders", language, "pass"),
      language: language)
    let scenario = try #require(report.results.first)
    // Events at once on an empty pool cannot share one environment: more than one cold start.
    #expect(scenario.sentences.count == 1)
    #expect(scenario.sentences.first?.hasPrefix("coldStarts: expected 1, got") == true)
    #expect(scenario.sentences.first?.hasPrefix("coldStarts: expected 1, got 1 ") == false)
  }
  /// `each` holds for every invocation, the last one included, also when `last` is set.
  @Test(arguments: Languages.available)
  func eachAppliesToTheLastInvocationToo(language: Language) throws {
    var exercise = try GraderFixture.exercise("orders")
    exercise.cases = []
    exercise.scenarios.removeFirst()
    // Events o-1, o-1, o-2: the third answer has id o-2.
    var each = Expectation()
    each.bodyFields = ["id": .string("o-1")]
    var last = Expectation()
    last.bodyFields = ["charged": .bool(true)]
    exercise.scenarios[0].each = each
    exercise.scenarios[0].last = last
    let code = GraderFixture.handler("orders", language, "pass")
    let report = Grader.grade(exercise: exercise, codeFile: code, language: language)
    let scenario = try #require(report.results.first)
    #expect(scenario.failures.map(\.path) == ["each.3.body.id"])
    #expect(scenario.sentences.first?.contains("each (invocation 3)") == true)

    each.bodyFields = ["charged": .bool(true)]
    last.bodyFields = ["id": .string("o-2")]
    exercise.scenarios[0].each = each
    exercise.scenarios[0].last = last
    let passing = Grader.grade(exercise: exercise, codeFile: code, language: language)
    #expect(passing.passed, "\(passing.results.flatMap(\.sentences))")
  }
}
