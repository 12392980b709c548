/// A DynamoDB Streams or Kinesis event source mapping (with-ddb.html, with-kinesis.html,
/// services-dynamodb-errors.html): batching, retries, record age, bisect, partial responses
/// and the on-failure destination.
public struct StreamEventSourceConfiguration: Sendable, Equatable {
  public var kind: DestinationRecords.StreamKind
  /// The table (DynamoDB) or stream (Kinesis) name.
  public var name: String
  /// Shards; records go to a shard by partition key (Kinesis) or item key (DynamoDB).
  public var shards: Int
  /// Most records per invocation: 1-10,000 (default 100, as AWS).
  public var batchSize: Int
  /// Seconds to wait for a fuller batch: 0-300.
  public var maximumBatchingWindowInSeconds: Double
  /// Split a failing batch in two and retry each half (does not use up retries).
  public var bisectBatchOnFunctionError: Bool
  /// Retries of a failing batch: -1 (until the records expire, the default) or 0-10,000.
  public var maximumRetryAttempts: Int
  /// Oldest record sent to the function: -1 (no limit, the default) or 60-604,800 seconds.
  public var maximumRecordAgeInSeconds: Int
  /// Whether `batchItemFailures` (sequence numbers) is honoured.
  public var reportBatchItemFailures: Bool
  /// Receives a record describing each discarded batch.
  public var onFailure: DestinationTarget?
  /// Seconds the stream keeps records (24 hours for DynamoDB Streams and Kinesis by default).
  public var retentionSeconds: Double
  /// A local safety stop: most invocations in one run.
  public var maxInvocations: Int

  public init(
    kind: DestinationRecords.StreamKind, name: String? = nil, shards: Int = 1,
    batchSize: Int = 100, maximumBatchingWindowInSeconds: Double = 0,
    bisectBatchOnFunctionError: Bool = false, maximumRetryAttempts: Int = -1,
    maximumRecordAgeInSeconds: Int = -1, reportBatchItemFailures: Bool = false,
    onFailure: DestinationTarget? = nil, retentionSeconds: Double = 86_400,
    maxInvocations: Int = 10_000
  ) {
    self.kind = kind
    self.name = name ?? (kind == .dynamodb ? "my-table" : "my-stream")
    self.shards = shards
    self.batchSize = batchSize
    self.maximumBatchingWindowInSeconds = maximumBatchingWindowInSeconds
    self.bisectBatchOnFunctionError = bisectBatchOnFunctionError
    self.maximumRetryAttempts = maximumRetryAttempts
    self.maximumRecordAgeInSeconds = maximumRecordAgeInSeconds
    self.reportBatchItemFailures = reportBatchItemFailures
    self.onFailure = onFailure
    self.retentionSeconds = retentionSeconds
    self.maxInvocations = maxInvocations
  }

  /// The stream ARN.
  public var streamARN: String {
    switch kind {
    case .dynamodb:
      return "arn:aws:dynamodb:us-east-1:123456789012:table/\(name)/stream/2026-01-01T00:00:00.000"
    case .kinesis:
      return "arn:aws:kinesis:us-east-1:123456789012:stream/\(name)"
    }
  }

  /// Throws `DeliveryError.outOfRange` for values AWS rejects.
  public func validate() throws {
    guard (1...10_000).contains(batchSize) else {
      throw DeliveryError.outOfRange(
        setting: "batch size", value: String(batchSize), range: "1-10,000 for a stream")
    }
    guard (0...300).contains(maximumBatchingWindowInSeconds) else {
      throw DeliveryError.outOfRange(
        setting: "batching window", value: "\(maximumBatchingWindowInSeconds) s",
        range: "0-300 seconds")
    }
    guard (-1...10_000).contains(maximumRetryAttempts) else {
      throw DeliveryError.outOfRange(
        setting: "MaximumRetryAttempts", value: String(maximumRetryAttempts),
        range: "-1 (retry until the records expire) to 10,000")
    }
    guard maximumRecordAgeInSeconds == -1 || (60...604_800).contains(maximumRecordAgeInSeconds)
    else {
      throw DeliveryError.outOfRange(
        setting: "MaximumRecordAgeInSeconds", value: String(maximumRecordAgeInSeconds),
        range: "-1 (no limit) or 60-604,800 seconds")
    }
    guard (1...16).contains(shards) else {
      throw DeliveryError.outOfRange(setting: "shards", value: String(shards), range: "1-16")
    }
  }
}
