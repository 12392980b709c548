import Foundation
import SystemSupport

/// Asynchronous invocation (`InvocationType: Event`) on the local runtime.
///
/// ```swift
/// let invoker = try AsyncInvoker(function: function, configuration: .init(onFailure: target))
/// let answer = invoker.submit(Data(#"{"id": 1}"#.utf8))   // 202, answer.requestID
/// invoker.drain()                                        // runs attempts, retries, records
/// invoker.log.entries                                    // what happened, in virtual time
/// ```
///
/// `submit` queues the event and answers at once. Attempts run on the invoker's
/// `DeliveryScheduler` (each attempt a value carrying the event's counters): when the caller calls `drain()`, or by themselves on a background queue
/// when created with `runsInBackground: true` (for servers). Rules, as AWS documents them
/// (invocation-async-error-handling.html):
/// - a function error, timeout or crash is retried `maximumRetryAttempts` times (default 2),
///   1 minute after the first attempt and 2 minutes after the second; every attempt keeps the
///   event's request id;
/// - a throttle (429) or system error (5xx) is retried with a back-off from 1 s doubling to
///   5 minutes, for as long as the event is younger than `maximumEventAgeInSeconds`;
/// - an event older than that is dropped with condition `EventAgeExceeded`;
/// - on success the on-success destination gets a `Success` record; on final failure the
///   on-failure destination gets a `RetriesExhausted` or `EventAgeExceeded` record and the
///   dead-letter queue gets the event with `RequestID`, `ErrorCode`, `ErrorMessage` attributes.
public final class AsyncInvoker: Sendable {
  /// How an event ended.
  public enum Outcome: String, Sendable {
    case pending, succeeded
    /// Every attempt failed (`RetriesExhausted`).
    case retriesExhausted
    /// Too old to try again (`EventAgeExceeded`).
    case eventAgeExceeded
  }

  public let target: InvocationTarget
  public let configuration: AsyncInvokeConfiguration
  private let scheduler: DeliveryScheduler<Attempt>
  /// Every delivery, retry, destination record and drop.
  public let log: DeliveryLog
  public var clock: VirtualClock { scheduler.clock }

  /// An event and its counters so far; each scheduled attempt carries its own copy, so the
  /// retries of one event form a chain of values and nothing about an event is shared.
  private struct Event: Sendable {
    let requestID: String
    let payload: Data
    let enqueuedAt: Double
    var invokeCount = 0
    var functionErrors = 0
    var throttles = 0
  }

  /// What the scheduler holds: the next attempt at an event.
  private struct Attempt: Sendable {
    var event: Event
    /// A seeded duplicate delivery of an event that already succeeded.
    var duplicate = false
  }

  /// How events ended, in submission order, and the duplicate-delivery dice.
  private struct Ledger: Sendable {
    var outcomes: [String: Outcome] = [:]
    var order: [String] = []
    var generator: SeededGenerator
  }

  private let ledger: Locked<Ledger>
  private let background: DispatchQueue?

  /// An invoker for `target`; throws `DeliveryError` for settings AWS would refuse.
  public init(
    target: InvocationTarget, configuration: AsyncInvokeConfiguration = .init(),
    clock: VirtualClock = VirtualClock(), log: DeliveryLog = DeliveryLog(),
    runsInBackground: Bool = false
  ) throws {
    try configuration.validate()
    self.target = target
    self.configuration = configuration
    self.scheduler = DeliveryScheduler(clock: clock)
    self.log = log
    ledger = Locked(Ledger(generator: SeededGenerator(seed: configuration.seed)))
    background =
      runsInBackground ? DispatchQueue(label: "lambdalings.async-invoker") : nil
  }

  /// An invoker for a function on the local runtime.
  public convenience init(
    function: LambdaFunction, configuration: AsyncInvokeConfiguration = .init(),
    clock: VirtualClock = VirtualClock(), log: DeliveryLog = DeliveryLog(),
    runsInBackground: Bool = false
  ) throws {
    try self.init(
      target: InvocationTarget(function: function), configuration: configuration, clock: clock,
      log: log, runsInBackground: runsInBackground)
  }

  /// Queues `event` and answers as the Invoke API does: 202 and a request id, or 413/400
  /// with an error document when the payload is over 1 MB or not JSON.
  @discardableResult
  public func submit(_ event: Data) -> AsyncSubmission {
    if let refusal = AsyncSubmission.refusal(for: event) { return refusal }
    let requestID = UUID().uuidString.lowercased()
    let queued = Event(requestID: requestID, payload: event, enqueuedAt: clock.now)
    ledger.withLock { ledger in
      ledger.outcomes[requestID] = .pending
      ledger.order.append(requestID)
    }
    scheduler.schedule(at: queued.enqueuedAt, Attempt(event: queued))
    if let background { background.async { [self] in runScheduled() } }
    return AsyncSubmission(statusCode: 202, requestID: requestID, errorType: nil, body: "")
  }

  /// Runs every queued attempt and retry until nothing is left (returns at once in
  /// background mode once the background queue is idle).
  public func drain() {
    if let background {
      background.sync {}
      return
    }
    runScheduled()
  }

  /// Runs the scheduler's attempts until none is left.
  private func runScheduled() {
    scheduler.run { attempt($0.event, duplicate: $0.duplicate) }
  }

  /// How the event with `requestID` ended (nil for an unknown id).
  public func outcome(of requestID: String) -> Outcome? {
    ledger.withLock { $0.outcomes[requestID] }
  }

  /// Request ids in the order they were submitted.
  public var requestIDs: [String] { ledger.withLock { $0.order } }

  private func attempt(_ event: Event, duplicate: Bool) {
    var event = event
    let age = clock.now - event.enqueuedAt
    if !duplicate && age > Double(configuration.maximumEventAgeInSeconds) {
      fail(event, condition: "EventAgeExceeded", last: nil)
      return
    }
    event.invokeCount += 1
    let started = clock.now
    let record = target.invoke(event.payload, event.requestID)
    clock.elapse(((record.initDurationMs ?? 0) + record.durationMs) / 1000)
    log.append(
      DeliveryEntry(
        source: "async", kind: .delivery, at: started, lane: "async",
        requestID: event.requestID, attempt: event.invokeCount, invocation: record,
        duplicate: duplicate,
        detail: duplicate ? "duplicate delivery of an event that already succeeded" : ""))
    if duplicate { return }
    switch record.status {
    case .success:
      succeed(event, record)
    case .throttled:
      retryAfterThrottle(event, record)
    case _ where record.statusCode >= 500:
      retryAfterThrottle(event, record)
    case .error, .timeout, .rejected:
      event.functionErrors += 1
      guard event.functionErrors <= configuration.maximumRetryAttempts else {
        fail(event, condition: "RetriesExhausted", last: record)
        return
      }
      let delay: Double = event.functionErrors == 1 ? 60 : 120
      log.append(
        DeliveryEntry(
          source: "async", kind: .retry, at: clock.now, lane: "async",
          requestID: event.requestID, attempt: event.invokeCount + 1,
          detail: "retry \(event.functionErrors) of \(configuration.maximumRetryAttempts) in "
            + "\(Int(delay)) s after \(record.errorType ?? "an error")"))
      scheduler.schedule(after: delay, Attempt(event: event))
    }
  }

  private func retryAfterThrottle(_ event: Event, _ record: InvocationRecord) {
    var event = event
    let delay = min(300, pow(2, Double(event.throttles)))
    event.throttles += 1
    log.append(
      DeliveryEntry(
        source: "async", kind: .retry, at: clock.now, lane: "async", requestID: event.requestID,
        attempt: event.invokeCount + 1,
        detail: "retry in \(Int(delay)) s after \(record.errorType ?? "a throttle") "
          + "(\(record.statusCode)); throttles retry until the event is too old"))
    scheduler.schedule(after: delay, Attempt(event: event))
  }

  private func succeed(_ event: Event, _ record: InvocationRecord) {
    ledger.withLock { $0.outcomes[event.requestID] = .succeeded }
    if let destination = configuration.onSuccess {
      send(event, to: destination, condition: "Success", last: record)
    }
    let duplicate = ledger.withLock { $0.generator.unit() } < configuration.duplicateRate
    if duplicate {
      scheduler.schedule(after: 1, Attempt(event: event, duplicate: true))
    }
  }

  private func fail(_ event: Event, condition: String, last: InvocationRecord?) {
    ledger.withLock {
      $0.outcomes[event.requestID] =
        condition == "EventAgeExceeded" ? .eventAgeExceeded : .retriesExhausted
    }
    let now = clock.now
    var kept = false
    if let destination = configuration.onFailure {
      send(event, to: destination, condition: condition, last: last)
      kept = true
    }
    if let queue = configuration.deadLetterQueue {
      let message = DestinationRecords.deadLetterMessage(
        event: event.payload, requestID: event.requestID, response: last)
      log.append(
        DeliveryEntry(
          source: "async", kind: .deadLetter, at: now, lane: "async",
          requestID: event.requestID, attempt: event.invokeCount, target: queue.description,
          payload: message, detail: "\(condition): the event went to the dead-letter queue"))
      kept = true
    }
    if !kept {
      log.append(
        DeliveryEntry(
          source: "async", kind: .dropped, at: now, lane: "async", requestID: event.requestID,
          attempt: event.invokeCount,
          detail: "\(condition): the event was discarded (no on-failure destination or DLQ)"))
    }
  }

  private func send(
    _ event: Event, to destination: DestinationTarget, condition: String,
    last: InvocationRecord?
  ) {
    let now = clock.now
    let record = DestinationRecords.asyncInvocation(
      timestamp: clock.timestamp(at: now), requestID: event.requestID,
      functionARN: target.functionARN, condition: condition,
      approximateInvokeCount: event.invokeCount, requestPayload: event.payload, response: last)
    log.append(
      DeliveryEntry(
        source: "async", kind: .destination, at: now, lane: "async", requestID: event.requestID,
        attempt: event.invokeCount, target: destination.description, payload: record,
        detail: "\(condition) record"))
  }
}
