import Foundation
import JSON

/// A local SQS queue and the event source mapping that polls it, on a virtual clock.
///
/// `send` puts messages on the queue; `run` polls until every message is deleted, moved to the
/// dead-letter queue or expired (or `maxInvocations` is reached). What it does, as with-sqs.html
/// and services-sqs-errorhandling.html describe:
/// - each poll takes up to `batchSize` visible messages (FIFO: at most 10, in order within each
///   message group, and no message of a group while an earlier one of that group is in flight);
///   with a batching window, a short batch waits up to the window for more;
/// - received messages stay hidden for the visibility timeout; `ApproximateReceiveCount` rises
///   on every receive;
/// - success deletes the batch; a function error leaves the whole batch to come back after the
///   visibility timeout; with `reportBatchItemFailures`, only the listed messages come back (a
///   malformed response fails the whole batch);
/// - a message received `maxReceiveCount` times is moved to the queue's dead-letter queue on
///   its next receive (the redrive policy); messages older than the retention period expire.
///
/// Not `Sendable`, on purpose: a poller and its messages live on the thread that creates and
/// runs it (the scheduler's actions are values, so nothing of it crosses threads), and the
/// compiler keeps it so. That is why its state needs no lock.
public final class SQSPoller {
  public let target: InvocationTarget
  public let configuration: SQSEventSourceConfiguration
  /// Polls to run; the value says whether the batching window was already waited for.
  private let scheduler: DeliveryScheduler<Bool>
  public let log: DeliveryLog
  public var clock: VirtualClock { scheduler.clock }

  /// A message on the queue.
  public final class Message {
    public let id: String
    public let body: String
    public let groupID: String?
    public let deduplicationID: String?
    public let sequenceNumber: String?
    public let sentAt: Double
    public internal(set) var receiveCount = 0
    public internal(set) var firstReceivedAt: Double?
    public internal(set) var visibleAt: Double
    /// Deleted after a successful invocation.
    public internal(set) var deleted = false
    /// Moved to the dead-letter queue.
    public internal(set) var movedToDLQ = false
    /// Expired (older than the retention period).
    public internal(set) var expired = false
    /// Invocations whose batch held this message.
    public internal(set) var deliveries = 0

    init(
      id: String, body: String, groupID: String?, deduplicationID: String?,
      sequenceNumber: String?, sentAt: Double
    ) {
      self.id = id
      self.body = body
      self.groupID = groupID
      self.deduplicationID = deduplicationID
      self.sequenceNumber = sequenceNumber
      self.sentAt = sentAt
      visibleAt = sentAt
    }

    var isGone: Bool { deleted || movedToDLQ || expired }
  }

  private var queue: [Message] = []
  private var invocations = 0
  /// Index of the first message that is not gone (everything before it is done).
  private var firstLive = 0
  /// True when the run stopped at `maxInvocations` with messages left.
  public private(set) var stoppedEarly = false

  public init(
    target: InvocationTarget, configuration: SQSEventSourceConfiguration = .init(),
    clock: VirtualClock = VirtualClock(), log: DeliveryLog = DeliveryLog()
  ) throws {
    try configuration.validate()
    self.target = target
    self.configuration = configuration
    self.scheduler = DeliveryScheduler(clock: clock)
    self.log = log
  }

  /// Advice about the settings (the visibility timeout rule), for the caller to show.
  public var warnings: [String] { configuration.warnings(functionTimeout: target.timeout) }

  /// Every message ever sent, in order.
  public var messages: [Message] { queue }

  /// Messages the redrive policy moved to the dead-letter queue, in the order they moved.
  public private(set) var deadLetterQueue: [Message] = []

  /// Puts messages on the queue now. FIFO queues need a message group (default `default`)
  /// and drop a message whose deduplication id was already used (default: the body's MD5).
  public func send(_ inputs: [SQSMessageInput]) {
    let now = clock.now
    var seen = Set(queue.compactMap(\.deduplicationID))
    for input in inputs {
      let index = queue.count
      let id = EventSamples.uuid("\(configuration.queueName) message \(index)")
      var group: String?
      var dedup: String?
      var sequence: String?
      if configuration.isFIFO {
        group = input.messageGroupID ?? "default"
        dedup = input.deduplicationID ?? MD5.hex(input.body)
        if let dedup, seen.contains(dedup) { continue }
        if let dedup { seen.insert(dedup) }
        sequence = "188494964604676" + String(format: "%05d", 96_128 + index)
      }
      queue.append(
        Message(
          id: id, body: input.body, groupID: group, deduplicationID: dedup,
          sequenceNumber: sequence, sentAt: now))
    }
  }

  /// Polls until the queue is empty (or only holds messages that can never come back).
  public func run() {
    scheduler.schedule(at: clock.now, false)
    scheduler.run { poll(windowWaited: $0) }
  }

  private func poll(windowWaited: Bool) {
    let now = clock.now
    expireOldMessages(now)
    let (batch, redriven) = collect(now)
    for message in redriven { moveToDeadLetterQueue(message, now) }
    if batch.isEmpty {
      // Visible messages left over are blocked behind an in-flight message of their FIFO
      // group, so the next thing that can change is a message becoming visible again.
      let next = queue.filter { !$0.isGone && $0.visibleAt > now }.map(\.visibleAt).min()
      if let next { scheduler.schedule(at: next, false) }
      return
    }
    let window = configuration.maximumBatchingWindowInSeconds
    if batch.count < configuration.batchSize && window > 0 && !windowWaited {
      scheduler.schedule(after: window, true)
      return
    }
    guard invocations < configuration.maxInvocations else {
      stoppedEarly = true
      log.append(
        DeliveryEntry(
          source: "sqs", kind: .parked, at: now, lane: "queue",
          items: queue.filter { !$0.isGone }.map(\.id),
          detail: "stopped after \(invocations) invocations with messages still in the queue"))
      return
    }
    invocations += 1
    deliver(batch, at: now)
    scheduler.schedule(at: clock.now, false)
  }

  /// The next batch (receive counts not yet raised) and the messages to redrive.
  private func collect(_ now: Double) -> ([Message], [Message]) {
    var batch: [Message] = []
    var redriven: [Message] = []
    var blockedGroups: Set<String> = []
    var bytes = 0
    let limit = configuration.isFIFO ? min(10, configuration.batchSize) : configuration.batchSize
    while firstLive < queue.count && queue[firstLive].isGone { firstLive += 1 }
    for message in queue[firstLive...] where !message.isGone {
      if batch.count >= limit { break }
      if message.visibleAt > now {
        if let group = message.groupID { blockedGroups.insert(group) }
        continue
      }
      if let group = message.groupID, blockedGroups.contains(group) { continue }
      if let max = configuration.maxReceiveCount, message.receiveCount >= max {
        redriven.append(message)
        continue
      }
      let size = message.body.utf8.count + 1024
      if !batch.isEmpty && bytes + size > RuntimeAPILimits.maxPayloadBytes { break }
      bytes += size
      batch.append(message)
    }
    return (batch, redriven)
  }

  private func deliver(_ batch: [Message], at now: Double) {
    let records: [JSONValue] = batch.map { message in
      message.receiveCount += 1
      message.deliveries += 1
      if message.firstReceivedAt == nil { message.firstReceivedAt = now }
      message.visibleAt = now + configuration.visibilityTimeout
      return record(for: message)
    }
    let event: JSONValue = ["Records": .array(records)]
    let requestID = UUID().uuidString.lowercased()
    let result = target.invoke(Data(event.compact().utf8), requestID)
    clock.elapse(((result.initDurationMs ?? 0) + result.durationMs) / 1000)
    let attempt = batch.map(\.receiveCount).max() ?? 1
    log.append(
      DeliveryEntry(
        source: "sqs", kind: .delivery, at: now, lane: "queue", requestID: requestID,
        attempt: attempt, items: batch.map(\.id), invocation: result,
        detail: "\(batch.count) message\(batch.count == 1 ? "" : "s")"))
    var failed: [Message] = []
    var reason = ""
    if result.status == .success {
      if configuration.reportBatchItemFailures {
        switch BatchItemFailures.read(result.result, identifiers: Set(batch.map(\.id))) {
        case .allSucceeded: break
        case .failed(let ids):
          failed = batch.filter { ids.contains($0.id) }
          reason = "reported in batchItemFailures"
        case .invalid(let why):
          failed = batch
          reason = "the whole batch failed: \(why)"
        }
      }
    } else {
      failed = batch
      reason = "the whole batch failed: \(result.errorType ?? result.status.rawValue)"
    }
    for message in batch where !failed.contains(where: { $0 === message }) {
      message.deleted = true
    }
    if !failed.isEmpty {
      log.append(
        DeliveryEntry(
          source: "sqs", kind: .parked, at: clock.now, lane: "queue", requestID: requestID,
          attempt: attempt, items: failed.map(\.id),
          detail: "\(failed.count) message\(failed.count == 1 ? "" : "s") back in the queue at "
            + "\(VirtualClock.offset(now + configuration.visibilityTimeout)) "
            + "(visibility timeout \(Int(configuration.visibilityTimeout)) s); \(reason)"))
    }
  }

  /// The record of `message` in an SQS event, shaped as the Lambda developer guide shows it.
  func record(for message: Message) -> JSONValue {
    let sent = clock.epochMilliseconds(at: message.sentAt)
    let firstReceive = clock.epochMilliseconds(at: message.firstReceivedAt ?? message.sentAt)
    var attributes: JSONValue = [
      "ApproximateReceiveCount": .string(String(message.receiveCount)),
      "SentTimestamp": .string(String(sent)),
    ]
    if let sequence = message.sequenceNumber, let group = message.groupID,
      let dedup = message.deduplicationID
    {
      attributes = attributes.setting("SequenceNumber", to: .string(sequence))
        .setting("MessageGroupId", to: .string(group))
        .setting("SenderId", to: "AIDAIENQZJOLO23YVJ4VO")
        .setting("MessageDeduplicationId", to: .string(dedup))
    } else {
      attributes = attributes.setting("SenderId", to: "AIDAIENQZJOLO23YVJ4VO")
    }
    attributes = attributes.setting(
      "ApproximateFirstReceiveTimestamp", to: .string(String(firstReceive)))
    let handleSeed = MD5.digest(Array("\(message.id) \(message.receiveCount)".utf8))
    return [
      "messageId": .string(message.id),
      "receiptHandle": .string("AQEB" + Data(handleSeed + handleSeed).base64EncodedString()),
      "body": .string(message.body),
      "attributes": attributes,
      "messageAttributes": [:],
      "md5OfBody": .string(MD5.hex(message.body)),
      "eventSource": "aws:sqs",
      "eventSourceARN": .string(configuration.queueARN),
      "awsRegion": "us-east-1",
    ]
  }

  private func moveToDeadLetterQueue(_ message: Message, _ now: Double) {
    message.movedToDLQ = true
    deadLetterQueue.append(message)
    let name = configuration.deadLetterQueueName
    log.append(
      DeliveryEntry(
        source: "sqs", kind: .deadLetter, at: now, lane: "queue", attempt: message.receiveCount,
        items: [message.id], target: "sqs:\(name)",
        payload: ["messageId": .string(message.id), "body": .string(message.body)],
        detail: "received \(message.receiveCount) times (maxReceiveCount "
          + "\(configuration.maxReceiveCount ?? 0)): moved to \(name)"))
  }

  private func expireOldMessages(_ now: Double) {
    let expired = { () -> [Message] in
      while firstLive < queue.count && queue[firstLive].isGone { firstLive += 1 }
      // Messages are sent in time order, so the first live one is the oldest.
      guard firstLive < queue.count,
        now - queue[firstLive].sentAt >= configuration.messageRetentionPeriod
      else { return [] }
      let old = queue[firstLive...].filter {
        !$0.isGone && now - $0.sentAt >= configuration.messageRetentionPeriod
      }
      for message in old { message.expired = true }
      return old
    }()
    guard !expired.isEmpty else { return }
    log.append(
      DeliveryEntry(
        source: "sqs", kind: .dropped, at: now, lane: "queue", items: expired.map(\.id),
        detail: "\(expired.count) message(s) older than the retention period were deleted"))
  }
}
