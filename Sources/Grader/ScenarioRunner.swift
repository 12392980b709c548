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
      result.record([
        Mismatch(path: "events", message: "the scenario's events could not be built: \(error)")
      ])
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
    var found: [Mismatch] = []
    if outcomes.count < events.count, let stopped = outcomes.last {
      found.append(
        Mismatch(
          path: "invocations", expected: "\(events.count)", actual: "\(outcomes.count)",
          message: "invocation \(outcomes.count) timed out after "
            + "\(GradeRun.seconds(entry.configuration.timeout)); the other "
            + "\(events.count - outcomes.count) were not run"))
      if result.error == nil { result.error = stopped.errorDescription() }
    }
    found += invocationChecks(scenario, outcomes, result: &result)
    found += countChecks(scenario, outcomes)
    found += ExpectationChecker.scratchChecks(scenario.scratchFiles, entry.scratchFolder)
    result.record(found)
    if !result.passed {
      result.logTail = Array(outcomes.flatMap { $0.logTail() }.suffix(10))
    }
    return Run(result: result)
  }

  /// Errors nobody expected, throttles, `each` and `last`.
  private static func invocationChecks(
    _ scenario: Scenario, _ outcomes: [InvocationOutcome], result: inout CaseResult
  ) -> [Mismatch] {
    var found: [Mismatch] = []
    for (index, outcome) in outcomes.enumerated() {
      let number = index + 1
      if outcome.record.status == .throttled {
        if scenario.throttles == nil {
          found.append(
            Mismatch(
              path: "invocations.\(number)", expected: "to run", actual: "throttled",
              message: "invocation \(number) was throttled (TooManyRequestsException)"))
        }
        continue
      }
      let isLast = index == outcomes.count - 1
      let expectation = isLast && scenario.last != nil ? nil : scenario.each
      if let expectation {
        let misses = ExpectationChecker.mismatches(expectation, outcome)
        if let first = misses.first, !found.contains(where: { $0.path.hasPrefix("each") }) {
          found.append(prefixed(first, "each (invocation \(number))", path: "each.\(number)"))
          if result.error == nil { result.error = outcome.errorDescription() }
        }
      } else if outcome.isError, !(isLast && scenario.last?.wantsError == true) {
        found.append(
          Mismatch(
            path: "invocations.\(number)", expected: "a result", actual: outcome.errorLine,
            message: "invocation \(number) failed with \(outcome.errorLine)"))
        if result.error == nil { result.error = outcome.errorDescription() }
      }
    }
    if let last = scenario.last, let outcome = outcomes.last {
      for miss in ExpectationChecker.mismatches(last, outcome) {
        found.append(prefixed(miss, "last invocation", path: "last"))
      }
    }
    return found
  }

  /// Cold starts, throttles, log occurrences and warm durations.
  private static func countChecks(_ scenario: Scenario, _ outcomes: [InvocationOutcome])
    -> [Mismatch]
  {
    var found: [Mismatch] = []
    let cold = outcomes.filter(\.record.cold).count
    if let expected = scenario.expectedColdStarts, cold != expected {
      found.append(
        Mismatch(
          path: "coldStarts", expected: "\(expected)", actual: "\(cold)",
          message: "coldStarts: expected \(expected), got \(cold) over \(outcomes.count) "
            + "invocation(s)"))
    }
    let throttled = outcomes.filter { $0.record.status == .throttled }.count
    if let expected = scenario.throttles, throttled != expected {
      found.append(
        Mismatch(
          path: "throttles", expected: "\(expected)", actual: "\(throttled)",
          message: "throttles: expected \(expected), got \(throttled) over \(outcomes.count) "
            + "invocation(s)"))
    }
    for (text, expected) in scenario.logOccurrences.sorted(by: { $0.key < $1.key }) {
      let count = outcomes.reduce(0) { $0 + $1.occurrences(of: text) }
      if count != expected {
        let path = "logOccurrences \(ExpectationChecker.quoted(text))"
        found.append(
          Mismatch(
            path: path, expected: "\(expected)", actual: "\(count)",
            message: "\(path): expected \(expected), got \(count)"))
      }
    }
    if let bound = scenario.maxWarmDurationMs {
      let warm = outcomes.enumerated().filter {
        !$0.element.record.cold && $0.element.record.status != .throttled
      }
      let slow = warm.filter { $0.element.record.durationMs > bound }
      if let first = slow.first {
        let got = ExpectationChecker.format(first.element.record.durationMs)
        found.append(
          Mismatch(
            path: "maxWarmDurationMs", expected: "at most \(ExpectationChecker.format(bound)) ms",
            actual: "\(got) ms",
            message: "warm duration: expected at most \(ExpectationChecker.format(bound)) ms, "
              + "but invocation \(first.offset + 1) took \(got) ms (\(slow.count) of "
              + "\(warm.count) warm invocation(s) were slower)"))
      }
    }
    return found
  }

  private static func prefixed(_ miss: Mismatch, _ label: String, path: String) -> Mismatch {
    var copy = miss
    copy.path = miss.path.isEmpty ? path : "\(path).\(miss.path)"
    copy.message = "\(label): \(miss.message)"
    return copy
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
          function.invoke(event: event, qualifier: qualifier), scratchFolder: scratch)
        outcomes.append(outcome)
        if stopOnTimeout && outcome.timedOut { break }
        if outcome.record.initFailed && stopOnTimeout { break }
      }
      return outcomes
    }
    let records = ConcurrentInvocations.run(count: events.count, concurrency: concurrency) {
      function.invoke(event: events[$0], qualifier: qualifier)
    }
    return records.map { InvocationOutcome($0, scratchFolder: scratch) }
  }
}
