import Foundation
import JSON
import SystemSupport

/// One thing that happened to an event, a message or a batch: an invocation, a retry scheduled,
/// a record sent to a destination, a message parked or moved, an event dropped.
public struct DeliveryEntry: Sendable {
  /// What happened.
  public enum Kind: String, Sendable {
    /// The function was invoked (`invocation` holds the record).
    case delivery
    /// Another attempt was scheduled (`detail` says when and why).
    case retry
    /// An invocation record was sent to a destination (`payload` holds it).
    case destination
    /// The event or message went to a dead-letter queue (`payload` holds the message).
    case deadLetter = "dead-letter"
    /// Messages wait in the queue for their visibility timeout, or a shard is blocked.
    case parked
    /// The event was discarded without being kept anywhere.
    case dropped
  }

  /// `async`, `sqs`, `dynamodb` or `kinesis`.
  public var source: String
  public var kind: Kind
  /// Virtual seconds since the run started.
  public var at: Double
  /// The timeline lane: `async`, `queue`, `shard 1`, ...
  public var lane: String
  /// The request id of the event (asynchronous invocation) or of the batch's invocation.
  public var requestID: String?
  /// 1 for the first attempt, 2 for the first retry, ...
  public var attempt: Int
  /// Message ids or sequence numbers involved.
  public var items: [String]
  /// For deliveries: the invocation's record.
  public var invocation: InvocationRecord?
  /// For destinations and dead-letter queues: `TYPE:NAME`.
  public var target: String?
  /// For destinations and dead-letter queues: what was sent.
  public var payload: JSONValue?
  /// True when this delivery is a duplicate of an earlier one (a seeded fault).
  public var duplicate: Bool
  /// A short human explanation (`retry in 60 s after Unhandled error`).
  public var detail: String

  public init(
    source: String, kind: Kind, at: Double, lane: String, requestID: String? = nil,
    attempt: Int = 1, items: [String] = [], invocation: InvocationRecord? = nil,
    target: String? = nil, payload: JSONValue? = nil, duplicate: Bool = false, detail: String = ""
  ) {
    self.source = source
    self.kind = kind
    self.at = at
    self.lane = lane
    self.requestID = requestID
    self.attempt = attempt
    self.items = items
    self.invocation = invocation
    self.target = target
    self.payload = payload
    self.duplicate = duplicate
    self.detail = detail
  }
}

/// A thread-safe list of entries that also hands each one to an observer as it is added.
public final class DeliveryLog: Sendable {
  private let stored = Locked<[DeliveryEntry]>([])
  private let observer: (@Sendable (DeliveryEntry) -> Void)?

  public init(observer: (@Sendable (DeliveryEntry) -> Void)? = nil) {
    self.observer = observer
  }

  /// Everything so far, in the order it happened.
  public var entries: [DeliveryEntry] { stored.withLock { $0 } }

  /// Adds an entry and tells the observer.
  public func append(_ entry: DeliveryEntry) {
    stored.withLock { $0.append(entry) }
    observer?(entry)
  }

  /// Entries of one kind.
  public func entries(_ kind: DeliveryEntry.Kind) -> [DeliveryEntry] {
    entries.filter { $0.kind == kind }
  }

  /// What was sent to `target` (`sqs:failed`), in order.
  public func sent(to target: String) -> [JSONValue] {
    entries.filter { $0.target == target }.compactMap(\.payload)
  }
}
