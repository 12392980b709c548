import JSON

/// How a scenario's events reach the function when they go through Lambda's asynchronous
/// invoker or an event source poller instead of straight synchronous invokes (the `delivery`
/// object of a scenario in `spec.json`). Unset settings take AWS's defaults.
public struct Delivery: Sendable, Equatable {
  /// Who invokes the function.
  public enum Source: String, Sendable, CaseIterable {
    /// `InvocationType: Event`: each event is queued, retried and sent to destinations.
    case async
    /// An SQS event source mapping reading a local queue.
    case sqs
    /// A DynamoDB stream event source mapping.
    case dynamodb
    /// A Kinesis stream event source mapping.
    case kinesis
  }

  public var source: Source
  /// Async: retries after a function error (0-2). Streams: retries of a failing batch (-1 is
  /// "until the records expire", up to 10,000).
  public var retries: Int?
  /// Async: `MaximumEventAgeInSeconds` (60-21,600).
  public var maxEventAge: Int?
  /// Async: the on-success destination, `TYPE:NAME`.
  public var onSuccess: String?
  /// Async and streams: the on-failure destination, `TYPE:NAME`.
  public var onFailure: String?
  /// Async: the function's dead-letter queue, `sqs:NAME` or `sns:NAME`.
  public var deadLetterQueue: String?
  /// Async: probability (0-1) that a successful event is delivered a second time.
  public var duplicates: Double?
  /// Async: seed of the duplicate fault.
  public var seed: Int?
  /// SQS and streams: records per invocation.
  public var batchSize: Int?
  /// SQS and streams: seconds to wait for a fuller batch (0-300).
  public var batchWindow: Double?
  /// SQS and streams: honour a `batchItemFailures` response.
  public var reportBatchItemFailures = false
  /// SQS: seconds a received message stays hidden.
  public var visibilityTimeout: Double?
  /// SQS: receives before the redrive policy moves a message to the queue's DLQ.
  public var maxReceiveCount: Int?
  /// SQS: a FIFO queue (messages may carry `messageGroupId`).
  public var fifo = false
  /// Streams: split a failing batch in two (`BisectBatchOnFunctionError`).
  public var bisect = false
  /// Streams: `MaximumRecordAgeInSeconds` (-1, or 60-604,800).
  public var maxRecordAge: Int?
  /// Streams: number of shards.
  public var shards: Int?

  public init(source: Source) {
    self.source = source
  }

  /// True for the SQS and stream pollers, whose events are lists of messages or records.
  public var isPoller: Bool { source != .async }
}

/// What must hold after a delivery scenario has run to the end (the `expect` object of a
/// scenario with `delivery`). Every field is optional.
public struct DeliveryExpectation: Sendable, Equatable {
  /// How many times the function was invoked (retries and duplicates included).
  public var invocations: Int?
  /// Async: events that succeeded. SQS: messages deleted after success. Streams: records
  /// processed.
  public var processed: Int?
  /// Async: events that failed every attempt or expired. SQS: messages moved to the DLQ or
  /// expired. Streams: records discarded.
  public var failed: Int?
  /// `TYPE:NAME` to the records that target received, in order: each pattern must match its
  /// record (listed fields only; matchers allowed), and the counts must be equal.
  public var records: [(target: String, patterns: [JSONValue])] = []
  /// SQS: message body to how many times it was received; `*` stands for every message not
  /// named.
  public var receives: [String: Int] = [:]

  public init() {}

  public static func == (lhs: DeliveryExpectation, rhs: DeliveryExpectation) -> Bool {
    lhs.invocations == rhs.invocations && lhs.processed == rhs.processed
      && lhs.failed == rhs.failed && lhs.receives == rhs.receives
      && lhs.records.map(\.target) == rhs.records.map(\.target)
      && lhs.records.map(\.patterns) == rhs.records.map(\.patterns)
  }
}
