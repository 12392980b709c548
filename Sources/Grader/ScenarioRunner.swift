import Course
import Foundation
import LambdaRuntime

/// Runs a scenario's events in order on one function, `concurrency` at a time, and checks the
/// cold starts and log occurrences across all of them.
enum ScenarioRunner {
  static func run(_ scenario: Scenario, on function: LambdaFunction) -> CaseResult {
    var result = CaseResult(
      name: scenario.name, kind: .scenario, line: scenario.line,
      invocations: scenario.events.count)
    var events: [Data] = []
    do {
      events = try scenario.events.map(Grader.eventData)
    } catch {
      result.failures = ["the scenario's events could not be built: \(error)"]
      return result
    }
    let outcomes = invokeAll(events, concurrency: max(1, scenario.concurrency), on: function)
    result.durationMs = outcomes.last?.record.durationMs ?? 0
    var failures: [String] = []
    for (index, outcome) in outcomes.enumerated() where outcome.isError {
      failures.append("invocation \(index + 1) failed with \(outcome.errorLine)")
      if result.error == nil { result.error = outcome.errorDescription() }
    }
    let cold = outcomes.filter(\.record.cold).count
    if let expected = scenario.expectedColdStarts, cold != expected {
      failures.append(
        "coldStarts: expected \(expected), got \(cold) over \(outcomes.count) invocation(s)")
    }
    for (text, expected) in scenario.logOccurrences.sorted(by: { $0.key < $1.key }) {
      let count = outcomes.reduce(0) { $0 + $1.occurrences(of: text) }
      if count != expected {
        failures.append(
          "logOccurrences \(ExpectationChecker.quoted(text)): expected \(expected), got \(count)")
      }
    }
    result.failures = failures
    if !result.passed {
      result.logTail = Array(outcomes.flatMap { $0.logTail() }.suffix(10))
    }
    return result
  }

  /// Invokes every event; with concurrency above 1, workers take the next event in order.
  static func invokeAll(_ events: [Data], concurrency: Int, on function: LambdaFunction)
    -> [InvocationOutcome]
  {
    if concurrency == 1 {
      return events.map { InvocationOutcome(function.invoke(event: $0)) }
    }
    let records = ConcurrentInvocations.run(count: events.count, concurrency: concurrency) {
      function.invoke(event: events[$0])
    }
    return records.map(InvocationOutcome.init)
  }
}
