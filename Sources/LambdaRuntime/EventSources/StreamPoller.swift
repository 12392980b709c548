import Foundation
import JSON

/// A local DynamoDB stream or Kinesis stream and the event source mapping that reads it, on a
/// virtual clock (services-dynamodb-errors.html, with-kinesis.html):
/// - each shard is read in order, one batch at a time, so a failing batch blocks its shard:
///   it is retried (with a back-off from 1 s doubling to 60 s) until it succeeds, its retries
///   (`maximumRetryAttempts`) run out, or its records get older than
///   `maximumRecordAgeInSeconds` (or the stream's retention);
/// - with `bisectBatchOnFunctionError`, a failing batch is split in two and each half retried
///   (splitting does not use up retries), which isolates a poison record;
/// - with `reportBatchItemFailures`, the function returns sequence numbers as item ids: the
///   checkpoint moves to the lowest failed sequence number and the batch is retried from there;
/// - a discarded batch is described to the on-failure destination with `DDBStreamBatchInfo`
///   or `KinesisBatchInfo` (the records themselves are not included).
///
/// Not `Sendable`, on purpose: a poller and its shards live on the thread that creates and
/// runs it (the scheduler's actions are values, so nothing of it crosses threads), and the
/// compiler keeps it so. That is why its state needs no lock.
public final class StreamPoller {
  public let target: InvocationTarget
  public let configuration: StreamEventSourceConfiguration
  private let scheduler: DeliveryScheduler<Poll>
  public let log: DeliveryLog
  public var clock: VirtualClock { scheduler.clock }

  /// A record on a shard.
  public struct Record: Sendable {
    public var sequenceNumber: String
    public var arrival: Double
    public var event: JSONValue
  }

  /// A poll of one shard, as the scheduler holds it.
  struct Poll: Sendable {
    /// The shard's index in `shards`.
    var shard: Int
    /// Whether the batching window was already waited for.
    var windowWaited: Bool
  }

  /// A piece of a batch waiting to be (re)tried.
  struct Piece {
    var range: Range<Int>
    var retries: Int
    var invokeCount: Int
    var requestID: String
  }

  /// A shard: its records, its checkpoint, and what is being retried.
  public final class Shard {
    public let index: Int
    public let id: String
    public internal(set) var records: [Record] = []
    /// Index of the first record not yet done (processed or discarded).
    public internal(set) var checkpoint = 0
    /// Sequence numbers the function processed successfully, in order (duplicates included).
    public internal(set) var processed: [String] = []
    /// Sequence numbers discarded after retries or age ran out.
    public internal(set) var discarded: [String] = []
    var pending: [Piece] = []
    var backoff: Double = 1

    init(index: Int, id: String) {
      self.index = index
      self.id = id
    }

    var lane: String { "shard \(index + 1)" }
  }

  public let shards: [Shard]
  private var invocations = 0
  /// True when the run stopped at `maxInvocations` with records left.
  public private(set) var stoppedEarly = false

  public init(
    target: InvocationTarget, configuration: StreamEventSourceConfiguration,
    clock: VirtualClock = VirtualClock(), log: DeliveryLog = DeliveryLog()
  ) throws {
    try configuration.validate()
    self.target = target
    self.configuration = configuration
    self.scheduler = DeliveryScheduler(clock: clock)
    self.log = log
    shards = (0..<configuration.shards).map {
      Shard(index: $0, id: StreamRecordBuilder.shardID($0, kind: configuration.kind))
    }
  }

  private var source: String { configuration.kind.rawValue }

  /// Writes records from `document` to the stream now (see `StreamRecordBuilder.inputs`).
  public func put(_ document: JSONValue) throws {
    let inputs = try StreamRecordBuilder.inputs(from: document, kind: configuration.kind)
    let now = clock.now
    for input in inputs {
      let shard = shards[Int(MD5.digest(Array(input.key.utf8))[0]) % shards.count]
      let sequence = StreamRecordBuilder.sequenceNumber(
        shard: shard.index, position: shard.records.count, kind: configuration.kind)
      let event = StreamRecordBuilder.record(
        input, kind: configuration.kind, sequence: sequence, shardID: shard.id,
        arrival: clock.date(at: now), streamARN: configuration.streamARN)
      shard.records.append(Record(sequenceNumber: sequence, arrival: now, event: event))
    }
  }

  /// Reads every shard until all records are processed or discarded.
  public func run() {
    for shard in shards {
      scheduler.schedule(at: clock.now, Poll(shard: shard.index, windowWaited: false))
    }
    scheduler.run { poll(shards[$0.shard], windowWaited: $0.windowWaited) }
  }

  private func poll(_ shard: Shard, windowWaited: Bool) {
    let now = clock.now
    if shard.pending.isEmpty {
      guard shard.checkpoint < shard.records.count else { return }
      let end = min(shard.records.count, shard.checkpoint + configuration.batchSize)
      let window = configuration.maximumBatchingWindowInSeconds
      if end - shard.checkpoint < configuration.batchSize && window > 0 && !windowWaited {
        scheduler.schedule(after: window, Poll(shard: shard.index, windowWaited: true))
        return
      }
      shard.pending = [
        Piece(
          range: shard.checkpoint..<end, retries: 0, invokeCount: 0,
          requestID: UUID().uuidString.lowercased())
      ]
    }
    guard var piece = shard.pending.first else { return }
    // Records past their maximum age (or the stream's retention) are discarded unprocessed.
    let maxAge =
      configuration.maximumRecordAgeInSeconds == -1
      ? configuration.retentionSeconds
      : min(Double(configuration.maximumRecordAgeInSeconds), configuration.retentionSeconds)
    let fresh =
      piece.range.first { now - shard.records[$0].arrival <= maxAge }
      ?? piece.range
      .upperBound
    if fresh > piece.range.lowerBound {
      discard(
        shard, piece.range.lowerBound..<fresh, piece: piece, response: nil,
        condition: "RecordAgeExceeded")
      piece.range = fresh..<piece.range.upperBound
      shard.pending[0] = piece
      if piece.range.isEmpty { shard.pending.removeFirst() }
      scheduler.schedule(at: now, Poll(shard: shard.index, windowWaited: false))
      return
    }
    guard invocations < configuration.maxInvocations else {
      stoppedEarly = true
      log.append(
        DeliveryEntry(
          source: source, kind: .parked, at: now, lane: shard.lane,
          items: shard.records[shard.checkpoint...].map(\.sequenceNumber),
          detail: "stopped after \(invocations) invocations; the shard is still blocked"))
      return
    }
    invocations += 1
    piece.invokeCount += 1
    shard.pending[0] = piece
    let batch = shard.records[piece.range]
    let event: JSONValue = ["Records": .array(batch.map(\.event))]
    let result = target.invoke(Data(event.compact().utf8), piece.requestID)
    clock.elapse(((result.initDurationMs ?? 0) + result.durationMs) / 1000)
    log.append(
      DeliveryEntry(
        source: source, kind: .delivery, at: now, lane: shard.lane, requestID: piece.requestID,
        attempt: piece.invokeCount, items: batch.map(\.sequenceNumber), invocation: result,
        detail: "\(batch.count) record\(batch.count == 1 ? "" : "s")"))
    handle(result, piece: piece, shard: shard)
  }

  private func handle(_ result: InvocationRecord, piece: Piece, shard: Shard) {
    var failedFrom: Int?
    var reason = ""
    if result.status == .success {
      if configuration.reportBatchItemFailures {
        let ids = Set(shard.records[piece.range].map(\.sequenceNumber))
        switch BatchItemFailures.read(result.result, identifiers: ids) {
        case .allSucceeded: break
        case .failed(let failed):
          failedFrom = piece.range.first { failed.contains(shard.records[$0].sequenceNumber) }
          reason = "checkpoint at the lowest failed sequence number"
        case .invalid(let why):
          failedFrom = piece.range.lowerBound
          reason = "the whole batch failed: \(why)"
        }
      }
    } else {
      failedFrom = piece.range.lowerBound
      reason = "the batch failed: \(result.errorType ?? result.status.rawValue)"
    }
    guard let failedFrom else {
      finish(shard, piece.range)
      shard.pending.removeFirst()
      shard.checkpoint = shard.pending.first?.range.lowerBound ?? piece.range.upperBound
      shard.backoff = 1
      schedulePoll(shard, after: 0)
      return
    }
    if failedFrom > piece.range.lowerBound { finish(shard, piece.range.lowerBound..<failedFrom) }
    var rest = piece
    rest.range = failedFrom..<piece.range.upperBound
    shard.pending[0] = rest
    shard.checkpoint = failedFrom
    let isFunctionError = result.status != .success
    if isFunctionError && configuration.bisectBatchOnFunctionError && rest.range.count > 1 {
      let middle = rest.range.lowerBound + rest.range.count / 2
      var first = rest
      first.range = rest.range.lowerBound..<middle
      var second = rest
      second.range = middle..<rest.range.upperBound
      second.requestID = UUID().uuidString.lowercased()
      first.requestID = UUID().uuidString.lowercased()
      shard.pending.replaceSubrange(0..<1, with: [first, second])
      log.append(
        DeliveryEntry(
          source: source, kind: .retry, at: clock.now, lane: shard.lane,
          requestID: piece.requestID, attempt: piece.invokeCount + 1,
          items: shard.records[rest.range].map(\.sequenceNumber),
          detail: "\(reason); bisect: retry as \(first.range.count) + \(second.range.count) "
            + "records (retries are not used up)"))
      schedulePoll(shard, after: 0)
      return
    }
    rest.retries += 1
    if configuration.maximumRetryAttempts != -1 && rest.retries > configuration.maximumRetryAttempts
    {
      shard.pending.removeFirst()
      discard(shard, rest.range, piece: rest, response: result, condition: "RetryAttemptsExhausted")
      shard.backoff = 1
      schedulePoll(shard, after: 0)
      return
    }
    shard.pending[0] = rest
    let delay = shard.backoff
    shard.backoff = min(60, shard.backoff * 2)
    log.append(
      DeliveryEntry(
        source: source, kind: .parked, at: clock.now, lane: shard.lane,
        requestID: piece.requestID, attempt: piece.invokeCount + 1,
        items: shard.records[rest.range].map(\.sequenceNumber),
        detail: "\(reason); the shard is blocked, retry \(rest.retries) in \(Int(delay)) s"))
    schedulePoll(shard, after: delay)
  }

  private func schedulePoll(_ shard: Shard, after delay: Double) {
    scheduler.schedule(after: delay, Poll(shard: shard.index, windowWaited: false))
  }

  /// Records `range` as processed.
  private func finish(_ shard: Shard, _ range: Range<Int>) {
    shard.processed += shard.records[range].map(\.sequenceNumber)
  }

  private func discard(
    _ shard: Shard, _ range: Range<Int>, piece: Piece, response: InvocationRecord?,
    condition: String
  ) {
    let records = shard.records[range]
    shard.discarded += records.map(\.sequenceNumber)
    shard.checkpoint = max(shard.checkpoint, range.upperBound)
    let now = clock.now
    guard let destination = configuration.onFailure, let first = records.first,
      let last = records.last
    else {
      log.append(
        DeliveryEntry(
          source: source, kind: .dropped, at: now, lane: shard.lane, requestID: piece.requestID,
          attempt: piece.invokeCount, items: records.map(\.sequenceNumber),
          detail: "\(condition): \(records.count) record(s) skipped (no on-failure destination)"))
      return
    }
    let withMilliseconds = configuration.kind == .kinesis
    let record = DestinationRecords.streamBatch(
      kind: configuration.kind, timestamp: clock.timestamp(at: now), requestID: piece.requestID,
      functionARN: target.functionARN, condition: condition,
      approximateInvokeCount: piece.invokeCount, response: response, shardID: shard.id,
      startSequenceNumber: first.sequenceNumber, endSequenceNumber: last.sequenceNumber,
      firstArrival: VirtualClock.iso8601(
        clock.date(at: first.arrival), milliseconds: withMilliseconds),
      lastArrival: VirtualClock.iso8601(
        clock.date(at: last.arrival), milliseconds: withMilliseconds),
      batchSize: records.count, streamARN: configuration.streamARN)
    log.append(
      DeliveryEntry(
        source: source, kind: .destination, at: now, lane: shard.lane, requestID: piece.requestID,
        attempt: piece.invokeCount, items: records.map(\.sequenceNumber),
        target: destination.description, payload: record,
        detail: "\(condition): \(records.count) record(s) skipped, described to \(destination)"))
  }
}
