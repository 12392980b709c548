/// An SQS event source mapping and the queue it reads (services-sqs-parameters.html,
/// with-sqs.html): batch size, batching window, partial batch responses, visibility timeout,
/// redrive policy and retention.
public struct SQSEventSourceConfiguration: Sendable, Equatable {
  /// The queue name; a name ending in `.fifo` makes a FIFO queue.
  public var queueName: String
  /// Most messages per invocation: 1-10,000 for standard queues, 1-10 for FIFO (default 10).
  public var batchSize: Int
  /// Seconds to wait for a fuller batch: 0-300 (default 0).
  public var maximumBatchingWindowInSeconds: Double
  /// Whether the function's `batchItemFailures` response is honoured.
  public var reportBatchItemFailures: Bool
  /// Seconds a received message stays hidden: 0-43,200 (default 30, as SQS).
  public var visibilityTimeout: Double
  /// Receives before the redrive policy moves a message to the queue's DLQ: 1-1,000, or none.
  public var maxReceiveCount: Int?
  /// Seconds a message is kept: 60-1,209,600 (default 345,600, 4 days, as SQS).
  public var messageRetentionPeriod: Double
  /// A local safety stop: most invocations in one run (default 10,000).
  public var maxInvocations: Int

  public init(
    queueName: String = "my-queue", batchSize: Int = 10,
    maximumBatchingWindowInSeconds: Double = 0, reportBatchItemFailures: Bool = false,
    visibilityTimeout: Double = 30, maxReceiveCount: Int? = nil,
    messageRetentionPeriod: Double = 345_600, maxInvocations: Int = 10_000
  ) {
    self.queueName = queueName
    self.batchSize = batchSize
    self.maximumBatchingWindowInSeconds = maximumBatchingWindowInSeconds
    self.reportBatchItemFailures = reportBatchItemFailures
    self.visibilityTimeout = visibilityTimeout
    self.maxReceiveCount = maxReceiveCount
    self.messageRetentionPeriod = messageRetentionPeriod
    self.maxInvocations = maxInvocations
  }

  /// True for a FIFO queue.
  public var isFIFO: Bool { queueName.hasSuffix(".fifo") }

  /// `arn:aws:sqs:us-east-1:123456789012:<name>`.
  public var queueARN: String { "arn:aws:sqs:us-east-1:123456789012:\(queueName)" }

  /// The name of the queue's dead-letter queue.
  public var deadLetterQueueName: String {
    isFIFO ? "\(queueName.dropLast(5))-dlq.fifo" : "\(queueName)-dlq"
  }

  /// Throws `DeliveryError.outOfRange` for values AWS rejects.
  public func validate() throws {
    let batchRange = isFIFO ? 1...10 : 1...10_000
    guard batchRange.contains(batchSize) else {
      throw DeliveryError.outOfRange(
        setting: "batch size", value: String(batchSize),
        range: isFIFO
          ? "1-10 for a FIFO queue" : "1-10,000 for a standard queue (FIFO queues: 1-10)")
    }
    guard (0...300).contains(maximumBatchingWindowInSeconds) else {
      throw DeliveryError.outOfRange(
        setting: "batching window", value: "\(maximumBatchingWindowInSeconds) s",
        range: "0-300 seconds")
    }
    guard (0...43_200).contains(visibilityTimeout) else {
      throw DeliveryError.outOfRange(
        setting: "visibility timeout", value: "\(visibilityTimeout) s",
        range: "0-43,200 seconds (12 hours)")
    }
    if let count = maxReceiveCount, !(1...1000).contains(count) {
      throw DeliveryError.outOfRange(
        setting: "maxReceiveCount", value: String(count), range: "1-1,000")
    }
    guard (60...1_209_600).contains(messageRetentionPeriod) else {
      throw DeliveryError.outOfRange(
        setting: "message retention period", value: "\(messageRetentionPeriod) s",
        range: "60-1,209,600 seconds (1 minute to 14 days)")
    }
  }

  /// Advice for a function with `functionTimeout`: AWS recommends a visibility timeout of at
  /// least 6 times the function timeout plus the batching window (with-sqs.html).
  public func warnings(functionTimeout: Double) -> [String] {
    let advised = 6 * functionTimeout + maximumBatchingWindowInSeconds
    guard visibilityTimeout < advised else { return [] }
    func seconds(_ value: Double) -> String {
      value == value.rounded() ? String(Int(value)) : String(value)
    }
    return [
      "the visibility timeout (\(seconds(visibilityTimeout)) s) is under 6 times the function "
        + "timeout plus the batching window (\(seconds(advised)) s): a message can come back "
        + "while a slow invocation still works on it; set --visibility-timeout "
        + "\(seconds(advised.rounded(.up))) or more"
    ]
  }
}
