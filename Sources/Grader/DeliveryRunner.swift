import Course
import Foundation
import JSON
import LambdaRuntime

/// Runs a scenario with a `delivery` through LambdaRuntime's asynchronous invoker or an event
/// source poller, on a virtual clock of its own (retries that take minutes on AWS take no wall
/// time), then checks what the delivery left behind: invocations, processed and failed counts,
/// the records each destination or dead-letter queue received, SQS receive counts, log
/// occurrences, cold starts and scratch files.
enum DeliveryRunner {
  /// Most invocations one delivery scenario may make: a poison message without a redrive
  /// policy would otherwise come back for days of virtual time.
  static let maxInvocations = 500

  /// What a run left behind.
  struct Ran {
    var log: DeliveryLog
    var processed: Int
    var failed: Int
    /// SQS: body to receive count, per message in the order sent.
    var receives: [(body: String, count: Int)] = []
    var stoppedEarly = false
  }

  static func run(
    _ scenario: Scenario, _ delivery: Delivery, on entry: FunctionPool.Entry,
    into start: CaseResult
  ) -> ScenarioRunner.Run {
    var result = start
    let ran: Ran
    do {
      let events = try scenario.events.map(Grader.eventData)
      let function = entry.function
      let qualifier = scenario.qualifier
      let target = InvocationTarget(
        functionARN: function.configuration.functionARN, timeout: function.configuration.timeout
      ) { event, requestID in
        function.invoke(event, qualifier: qualifier, requestID: requestID)
      }
      switch delivery.source {
      case .async: ran = try runAsync(delivery, events, target)
      case .sqs: ran = try runSQS(delivery, events, target)
      case .dynamodb, .kinesis: ran = try runStream(delivery, events, target)
      }
    } catch {
      result.record([
        GradeFailure.Kind.deliveryNotStarted(source: delivery.source, reason: "\(error)")
      ])
      return ScenarioRunner.Run(result: result)
    }
    let deliveries = ran.log.entries(.delivery)
    let outcomes = deliveries.compactMap(\.invocation).map {
      InvocationOutcome($0, scratchFolder: entry.scratchFolder)
    }
    if let first = outcomes.first, first.record.initFailed {
      return ScenarioRunner.Run(result: result, initFailure: first)
    }
    result.invocations = outcomes.count
    result.durationMs = outcomes.last?.record.durationMs ?? 0
    var found = checks(scenario, ran, outcomes)
    found += ExpectationChecker.scratchChecks(scenario.scratchFiles, entry.scratchFolder).map {
      GradeFailure($0)
    }
    result.record(found)
    if !result.passed {
      if ran.stoppedEarly {
        result.error =
          "the delivery stopped after \(maxInvocations) invocations with work left "
          + "(a message or record that always fails, and nothing to move it aside)"
      } else {
        result.error = outcomes.last(where: \.isError)?.errorDescription()
      }
      result.logTail = Array(outcomes.flatMap { $0.logTail() }.suffix(10))
    }
    return ScenarioRunner.Run(result: result)
  }

  // MARK: - Running

  private static func destination(_ text: String?, _ role: DestinationTarget.Role) throws
    -> DestinationTarget?
  {
    try text.map { try DestinationTarget.parse($0, role: role) }
  }

  private static func runAsync(_ delivery: Delivery, _ events: [Data], _ target: InvocationTarget)
    throws -> Ran
  {
    let configuration = AsyncInvokeConfiguration(
      maximumRetryAttempts: delivery.retries ?? 2,
      maximumEventAgeInSeconds: delivery.maxEventAge ?? 21_600,
      onSuccess: try destination(delivery.onSuccess, .onSuccess),
      onFailure: try destination(delivery.onFailure, .onFailure),
      deadLetterQueue: try destination(delivery.deadLetterQueue, .deadLetterQueue),
      duplicateRate: delivery.duplicates ?? 0, seed: UInt64(delivery.seed ?? 1))
    let log = DeliveryLog()
    let invoker = try AsyncInvoker(target: target, configuration: configuration, log: log)
    var ids: [String] = []
    for (index, event) in events.enumerated() {
      let answer = invoker.submit(event)
      guard let id = answer.requestID else {
        throw GraderError(
          "event \(index + 1) was refused with \(answer.statusCode) "
            + "\(answer.errorType ?? ""): \(answer.body)")
      }
      ids.append(id)
    }
    invoker.drain()
    let outcomes = ids.compactMap { invoker.outcome(of: $0) }
    let processed = outcomes.filter { $0 == .succeeded }.count
    return Ran(log: log, processed: processed, failed: outcomes.count - processed)
  }

  private static func runSQS(_ delivery: Delivery, _ events: [Data], _ target: InvocationTarget)
    throws -> Ran
  {
    let configuration = SQSEventSourceConfiguration(
      queueName: delivery.fifo ? "my-queue.fifo" : "my-queue",
      batchSize: delivery.batchSize ?? 10,
      maximumBatchingWindowInSeconds: delivery.batchWindow ?? 0,
      reportBatchItemFailures: delivery.reportBatchItemFailures,
      visibilityTimeout: delivery.visibilityTimeout ?? 30,
      maxReceiveCount: delivery.maxReceiveCount, maxInvocations: maxInvocations)
    let log = DeliveryLog()
    let poller = try SQSPoller(target: target, configuration: configuration, log: log)
    for (index, event) in events.enumerated() {
      poller.send(try SQSMessageInput.list(from: try document(event, index)))
    }
    poller.run()
    let messages = poller.messages
    return Ran(
      log: log, processed: messages.filter(\.deleted).count,
      failed: messages.filter { $0.movedToDLQ || $0.expired }.count,
      receives: messages.map { ($0.body, $0.receiveCount) }, stoppedEarly: poller.stoppedEarly)
  }

  private static func runStream(
    _ delivery: Delivery, _ events: [Data], _ target: InvocationTarget
  ) throws -> Ran {
    let configuration = StreamEventSourceConfiguration(
      kind: delivery.source == .dynamodb ? .dynamodb : .kinesis, shards: delivery.shards ?? 1,
      batchSize: delivery.batchSize ?? 100,
      maximumBatchingWindowInSeconds: delivery.batchWindow ?? 0,
      bisectBatchOnFunctionError: delivery.bisect,
      maximumRetryAttempts: delivery.retries ?? -1,
      maximumRecordAgeInSeconds: delivery.maxRecordAge ?? -1,
      reportBatchItemFailures: delivery.reportBatchItemFailures,
      onFailure: try destination(delivery.onFailure, .onFailure),
      maxInvocations: maxInvocations)
    let log = DeliveryLog()
    let poller = try StreamPoller(target: target, configuration: configuration, log: log)
    for (index, event) in events.enumerated() {
      try poller.put(try document(event, index))
    }
    poller.run()
    return Ran(
      log: log, processed: Set(poller.shards.flatMap(\.processed)).count,
      failed: poller.shards.map(\.discarded.count).reduce(0, +),
      stoppedEarly: poller.stoppedEarly)
  }

  private static func document(_ event: Data, _ index: Int) throws -> JSONValue {
    guard let value = JSONValue.parse(String(decoding: event, as: UTF8.self)) else {
      throw GraderError("event \(index + 1) is not JSON")
    }
    return value
  }

  // MARK: - Checking

  private static func checks(
    _ scenario: Scenario, _ ran: Ran, _ outcomes: [InvocationOutcome]
  ) -> [GradeFailure] {
    let expect = scenario.deliveryExpect
    let source = scenario.delivery?.source ?? .async
    var found: [GradeFailure] = []
    func count(_ counted: GradeFailure.Counted, _ expected: Int?, _ actual: Int) {
      guard let expected, expected != actual else { return }
      found.append(
        GradeFailure(
          .deliveryCount(counted, expected: expected, actual: actual, source: source)))
    }
    count(.invocations, expect.invocations, outcomes.count)
    count(.processed, expect.processed, ran.processed)
    count(.failed, expect.failed, ran.failed)
    count(.coldStarts, scenario.expectedColdStarts, outcomes.filter(\.record.cold).count)
    for (text, expected) in scenario.logOccurrences.sorted(by: { $0.key < $1.key }) {
      count(.logOccurrences(text), expected, outcomes.reduce(0) { $0 + $1.occurrences(of: text) })
    }
    found += recordChecks(expect.records, ran.log.entries)
    found += receiveChecks(expect.receives, ran.receives).map { GradeFailure($0) }
    return found
  }

  /// Each target's records, in order, against its patterns.
  static func recordChecks(
    _ expected: [(target: String, patterns: [JSONValue])], _ entries: [DeliveryEntry]
  ) -> [GradeFailure] {
    var found: [GradeFailure] = []
    let kept = entries.filter { $0.kind == .destination || $0.kind == .deadLetter }
    for (target, patterns) in expected {
      let records = kept.filter { $0.target == target }.compactMap(\.payload)
      let path = "records.\(target)"
      if records.count != patterns.count {
        let others = Set(kept.compactMap(\.target)).subtracting([target]).sorted()
        found.append(
          GradeFailure(
            .recordCount(
              target: target, expected: patterns.count, actual: records.count,
              elsewhere: others)))
        continue
      }
      for (index, (pattern, record)) in zip(patterns, records).enumerated() {
        let actual: JSONValue? = record
        if let miss = subset(pattern, actual, path: "\(path).\(index)") {
          found.append(GradeFailure(.record(miss)))
          break
        }
      }
    }
    return found
  }

  /// SQS receive counts by body; `*` covers every message not named.
  static func receiveChecks(_ expected: [String: Int], _ actual: [(body: String, count: Int)])
    -> [GradeFailure.Kind]
  {
    var found: [GradeFailure.Kind] = []
    for (body, wanted) in expected.sorted(by: { $0.key < $1.key }) where body != "*" {
      let matching = actual.filter { $0.body == body }
      if matching.isEmpty {
        found.append(.noMessage(body: body))
      } else if let wrong = matching.first(where: { $0.count != wanted }) {
        found.append(.receives(body: body, expected: wanted, actual: wrong.count))
      }
    }
    if let wanted = expected["*"],
      let wrong = actual.first(where: { expected[$0.body] == nil && $0.count != wanted })
    {
      found.append(.otherReceives(body: wrong.body, expected: wanted, actual: wrong.count))
    }
    return found
  }

  /// The first difference when `actual` lacks what `pattern` lists: objects need only the
  /// listed fields, arrays the same length, matchers and other values as `JSONMatch`.
  static func subset(_ pattern: JSONValue, _ actual: JSONValue?, path: String) -> ValueMismatch? {
    if JSONMatch.matcher(pattern) != nil { return JSONMatch.check(pattern, actual, path: path) }
    switch pattern {
    case .object(let members):
      guard let actual, actual.objectMembers != nil else {
        return ValueMismatch(path: path, rule: .equal(pattern), actual: actual)
      }
      for member in members {
        if let miss = subset(member.value, actual[member.key], path: "\(path).\(member.key)") {
          return miss
        }
      }
      return nil
    case .array(let items):
      guard let theirs = actual?.arrayValue, theirs.count == items.count else {
        return ValueMismatch(path: path, rule: .equal(pattern), actual: actual)
      }
      for (index, item) in items.enumerated() {
        if let miss = subset(item, theirs[index], path: "\(path).\(index)") { return miss }
      }
      return nil
    default:
      return JSONMatch.check(pattern, actual, path: path)
    }
  }
}
