import Course
import Foundation
import LambdaRuntime

/// Runs a scenario's events in order on one function, `concurrency` at a time, and checks what
/// holds across all of them: cold starts, log occurrences, warm durations, throttles, each and
/// the last invocation, files left in the scratch folder.
enum ScenarioRunner {
  /// The checked result, or the outcome of an invocation whose INIT failed (reported once by
  /// the caller instead of as this scenario's failure).
  struct Run {
    var result: CaseResult
    var initFailure: InvocationOutcome?
  }

  static func run(_ scenario: Scenario, on entry: FunctionPool.Entry, into start: CaseResult)
    -> Run
  {
    var result = start
    var events: [Data] = []
    do {
      events = try scenario.events.map(Grader.eventData)
    } catch {
      result.record([GradeFailure.Kind.eventNotBuilt(scenario: true, reason: "\(error)")])
      return Run(result: result)
    }
    let expectsErrors = scenario.each?.wantsError == true || scenario.last?.wantsError == true
    let outcomes = invokeAll(
      events, concurrency: max(1, scenario.concurrency), qualifier: scenario.qualifier,
      stopOnTimeout: !expectsErrors, on: entry)
    if let first = outcomes.first, first.record.initFailed, !expectsErrors {
      return Run(result: result, initFailure: first)
    }
    result.durationMs = outcomes.last?.record.durationMs ?? 0
    result.invocations = outcomes.count
    var found: [GradeFailure] = []
    if outcomes.count < events.count, let stopped = outcomes.last {
      found.append(
        GradeFailure(
          .timedOut(
            invocation: outcomes.count, timeoutSeconds: entry.configuration.timeout,
            notRun: events.count - outcomes.count)))
      if result.error == nil { result.error = stopped.errorDescription() }
    }
    found += invocationChecks(scenario, outcomes, result: &result)
    found += countChecks(scenario, outcomes).map { GradeFailure($0) }
    found += ExpectationChecker.scratchChecks(scenario.scratchFiles, entry.scratchFolder).map {
      GradeFailure($0)
    }
    result.record(found)
    if !result.passed {
      result.logTail = Array(outcomes.flatMap { $0.logTail() }.suffix(10))
    }
    return Run(result: result)
  }

  /// Errors nobody expected, throttles, `each` and `last`.
  private static func invocationChecks(
    _ scenario: Scenario, _ outcomes: [InvocationOutcome], result: inout CaseResult
  ) -> [GradeFailure] {
    var found: [GradeFailure] = []
    var eachFailed = false
    for (index, outcome) in outcomes.enumerated() {
      let number = index + 1
      if outcome.record.status == .throttled {
        if scenario.throttles == nil {
          found.append(GradeFailure(.throttled(invocation: number)))
        }
        continue
      }
      let isLast = index == outcomes.count - 1
      if let expectation = scenario.each {
        let misses = ExpectationChecker.failures(expectation, outcome)
        if let first = misses.first, !eachFailed {
          eachFailed = true
          var failure = first
          failure.kind = .each(invocation: number, first.kind)
          found.append(failure)
          if result.error == nil { result.error = outcome.errorDescription() }
        }
      } else if outcome.isError, !(isLast && scenario.last?.wantsError == true) {
        found.append(
          GradeFailure(
            .invocationFailed(
              invocation: number, errorType: outcome.errorType, message: outcome.errorMessage)))
        if result.error == nil { result.error = outcome.errorDescription() }
      }
    }
    if let last = scenario.last, let outcome = outcomes.last {
      for miss in ExpectationChecker.failures(last, outcome) {
        var failure = miss
        failure.kind = .last(miss.kind)
        found.append(failure)
      }
    }
    return found
  }

  /// Cold starts, throttles, log occurrences and warm durations.
  private static func countChecks(_ scenario: Scenario, _ outcomes: [InvocationOutcome])
    -> [GradeFailure.Kind]
  {
    var found: [GradeFailure.Kind] = []
    let cold = outcomes.filter(\.record.cold).count
    if let expected = scenario.expectedColdStarts, cold != expected {
      found.append(
        .scenarioCount(
          .coldStarts, expected: expected, actual: cold, invocations: outcomes.count))
    }
    let throttled = outcomes.filter { $0.record.status == .throttled }.count
    if let expected = scenario.throttles, throttled != expected {
      found.append(
        .scenarioCount(
          .throttles, expected: expected, actual: throttled, invocations: outcomes.count))
    }
    for (text, expected) in scenario.logOccurrences.sorted(by: { $0.key < $1.key }) {
      let count = outcomes.reduce(0) { $0 + $1.occurrences(of: text) }
      if count != expected {
        found.append(
          .scenarioCount(
            .logOccurrences(text), expected: expected, actual: count,
            invocations: outcomes.count))
      }
    }
    if let bound = scenario.maxWarmDurationMs {
      let warm = outcomes.enumerated().filter {
        !$0.element.record.cold && $0.element.record.status != .throttled
      }
      let slow = warm.filter { $0.element.record.durationMs > bound }
      if let first = slow.first {
        found.append(
          .warmDuration(
            limitMs: bound, actualMs: first.element.record.durationMs,
            invocation: first.offset + 1, slower: slow.count, warm: warm.count))
      }
    }
    return found
  }

  /// Invokes every event; with concurrency above 1, workers take the next event in order.
  /// Sequential runs stop after an unexpected timeout (`stopOnTimeout`): the rest would wait as
  /// long.
  static func invokeAll(
    _ events: [Data], concurrency: Int, qualifier: String? = nil, stopOnTimeout: Bool = false,
    on entry: FunctionPool.Entry
  ) -> [InvocationOutcome] {
    let function = entry.function
    let scratch = entry.scratchFolder
    if concurrency == 1 {
      var outcomes: [InvocationOutcome] = []
      for event in events {
        let outcome = InvocationOutcome(
          function.invoke(event, qualifier: qualifier, requestID: nil),
          scratchFolder: scratch)
        outcomes.append(outcome)
        if stopOnTimeout && outcome.timedOut { break }
        if outcome.record.initFailed && stopOnTimeout { break }
      }
      return outcomes
    }
    let records = ConcurrentInvocations.run(count: events.count, concurrency: concurrency) {
      function.invoke(events[$0], qualifier: qualifier, requestID: nil)
    }
    return records.map { InvocationOutcome($0, scratchFolder: scratch) }
  }
}
