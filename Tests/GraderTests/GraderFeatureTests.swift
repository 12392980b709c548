import Course
import Foundation
import JSON
import Testing

@testable import Grader

/// The newer expectations: matchers, qualifiers, per-case settings, JSON logs, exact errors,
/// scratch files, throttles, warm durations; each must pass a right handler and name its path
/// on a wrong one.
@Suite(.enabled(if: GraderFixture.hasPython, "python3 is not on PATH"))
struct GraderFeatureTests {
  @Test func rightHandlerPassesEveryExpectation() throws {
    let report = try GraderFixture.grade("features", .python, "pass")
    #expect(report.setupError == nil)
    for result in report.results {
      #expect(result.passed, "\(result.name): \(result.sentences)")
    }
    #expect(report.results.count == 8)
  }

  @Test func wrongHandlerFailsEachWithItsPath() throws {
    let report = try GraderFixture.grade("features", .python, "wrong")
    let byName = Dictionary(uniqueKeysWithValues: report.results.map { ($0.name, $0) })
    func paths(_ name: String) -> [String] { byName[name]?.failures.map(\.path) ?? [] }
    #expect(paths("matchers") == ["body.items", "body.items.-1", "body.name"])
    #expect(paths("qualifier") == ["body.arn"])
    #expect(paths("own settings") == ["result.stage"])
    #expect(paths("json logs") == ["logLinesAreJSON", "logJSON[0].level"])
    let log = try #require(byName["json logs"]?.sentences.last)
    #expect(log.contains("closest log line"))
    #expect(paths("errors") == ["errorType"])
    #expect(paths("scratch") == ["scratchFiles.seen.txt"])
    let scenario = try #require(byName["reserved concurrency throttles"])
    #expect(scenario.passed == false)
  }

  @Test func throttlesAreCountedNotFailed() throws {
    let report = try GraderFixture.grade("features", .python, "pass")
    let scenario = try #require(
      report.results.first { $0.name == "reserved concurrency throttles" })
    #expect(scenario.passed, "\(scenario.sentences)")
    #expect(scenario.invocations == 3)
  }

  @Test func failuresCarryExpectedAndActual() throws {
    let report = try GraderFixture.grade("features", .python, "wrong")
    let settings = try #require(report.results.first { $0.name == "own settings" })
    let failure = try #require(settings.failures.first)
    #expect(failure.expected?.compact() == "\"test\"")
    #expect(failure.actual?.compact() == "\"prod\"")
    #expect(settings.source.contains("\"STAGE\""))
  }
}
