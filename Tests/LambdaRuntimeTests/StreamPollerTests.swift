import Foundation
import JSON
import Testing

@testable import LambdaRuntime

/// The DynamoDB Streams and Kinesis event source mappings on a virtual clock
/// (services-dynamodb-errors.html, with-kinesis.html).
@Suite struct StreamPollerTests {
  /// The `Message` strings of the DynamoDB records in a call's event.
  static func messages(_ call: ScriptedFunction.Call) -> [String] {
    call.json?["Records"]?.arrayValue?.compactMap {
      $0["dynamodb"]?["NewImage"]?["Message"]?["S"]?.stringValue
    } ?? []
  }

  /// Items `{"Id": n, "Message": "m<n>"}` for n in 1...count.
  static func items(_ count: Int) -> JSONValue {
    .array((1...count).map { ["Id": .int($0), "Message": .string("m\($0)")] })
  }

  static func poisoned(_ poison: String) -> @Sendable (JSONValue?, Int) -> InvocationRecord.Status {
    { event, _ in
      let texts = event?["Records"]?.arrayValue?.compactMap {
        $0["dynamodb"]?["NewImage"]?["Message"]?["S"]?.stringValue
      }
      return texts?.contains(poison) == true ? .error : .success
    }
  }

  @Test func recordsArriveInOrderInBatches() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .success }
    let poller = try StreamPoller(
      target: function.target, configuration: .init(kind: .dynamodb, batchSize: 4), clock: clock)
    try poller.put(Self.items(10))
    poller.run()
    #expect(function.calls.map { Self.messages($0) }.flatMap { $0 } == (1...10).map { "m\($0)" })
    #expect(function.calls.map { Self.messages($0).count } == [4, 4, 2])
    #expect(poller.shards[0].checkpoint == 10)
    let record = try #require(function.calls.first?.json?["Records"]?[0])
    #expect(record["dynamodb"]?["Keys"] == json(#"{"Id": {"N": "1"}}"#))
    #expect(record["eventSource"] == "aws:dynamodb")
    #expect(record["dynamodb"]?["NewImage"] == json(#"{"Id": {"N": "1"}, "Message": {"S": "m1"}}"#))
  }

  @Test func batchingWindowWaitsForAFullerBatchThenSendsWhatIsThere() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .success }
    let poller = try StreamPoller(
      target: function.target,
      configuration: .init(kind: .kinesis, batchSize: 4, maximumBatchingWindowInSeconds: 5),
      clock: clock)
    try poller.put(Self.items(6))
    poller.run()
    // A full batch of 4 goes at once; the 2 left wait the 5 s window, then go as they are.
    #expect(function.calls.map(\.at).count == 2)
    #expect(function.calls.first?.at == 0)
    let second = try #require(function.calls.last)
    #expect(second.at >= 5 && second.at < 5.1, "\(second.at)")
    #expect(second.json?["Records"]?.arrayValue?.count == 2)
  }

  @Test func aPoisonRecordBlocksTheShardUntilRetriesRunOut() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, respond: Self.poisoned("m2"))
    let failure = DestinationTarget(kind: .sqs, name: "stream-failures")
    let poller = try StreamPoller(
      target: function.target,
      configuration: .init(
        kind: .dynamodb, batchSize: 2, maximumRetryAttempts: 2, onFailure: failure),
      clock: clock)
    try poller.put(Self.items(4))
    poller.run()
    // [m1, m2] fails 3 times (1 + 2 retries) before [m3, m4] may run: the shard is blocked.
    #expect(function.calls.map { Self.messages($0) }.count == 4)
    #expect(function.calls.prefix(3).allSatisfy { Self.messages($0) == ["m1", "m2"] })
    #expect(Self.messages(function.calls[3]) == ["m3", "m4"])
    #expect(poller.shards[0].discarded.count == 2)
    #expect(poller.log.entries(.parked).count == 2)
    let times = function.calls.map(\.at)
    #expect(times[2] - times[1] > times[1] - times[0], "the back-off grows")
    let record = try #require(poller.log.sent(to: "sqs:stream-failures").first)
    #expect(record["requestContext"]?["condition"] == "RetryAttemptsExhausted")
    #expect(record["requestContext"]?["approximateInvokeCount"] == .int(3))
    #expect(record["DDBStreamBatchInfo"]?["batchSize"] == .int(2))
  }

  @Test func bisectIsolatesThePoisonRecord() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, respond: Self.poisoned("m3"))
    let poller = try StreamPoller(
      target: function.target,
      configuration: .init(
        kind: .dynamodb, batchSize: 4, bisectBatchOnFunctionError: true, maximumRetryAttempts: 1),
      clock: clock)
    try poller.put(Self.items(4))
    poller.run()
    let batches = function.calls.map { Self.messages($0) }
    // [1-4] fails, halves [1,2] ok and [3,4] fail, [3,4] halves [3] fails and [4] ok; [3] is
    // retried once more and then skipped.
    #expect(
      batches == [["m1", "m2", "m3", "m4"], ["m1", "m2"], ["m3", "m4"], ["m3"], ["m3"], ["m4"]])
    let shard = poller.shards[0]
    #expect(shard.discarded.count == 1)
    #expect(Set(shard.processed).count == 3)
    #expect(shard.checkpoint == 4)
  }

  @Test func partialResponseCheckpointsAtTheLowestFailedSequenceNumber() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(
      clock: clock,
      result: { event in
        let records = event?["Records"]?.arrayValue ?? []
        guard records.count == 5, let third = records[2]["dynamodb"]?["SequenceNumber"] else {
          return #"{"batchItemFailures": []}"#
        }
        return #"{"batchItemFailures": [{"itemIdentifier": \#(third.compact())}]}"#
      }
    ) { _, _ in .success }
    let poller = try StreamPoller(
      target: function.target,
      configuration: .init(kind: .dynamodb, batchSize: 5, reportBatchItemFailures: true),
      clock: clock)
    try poller.put(Self.items(5))
    poller.run()
    #expect(
      function.calls.map { Self.messages($0) } == [
        ["m1", "m2", "m3", "m4", "m5"], ["m3", "m4", "m5"],
      ])
    #expect(poller.shards[0].checkpoint == 5)
  }

  @Test func recordsOlderThanTheMaximumAgeAreDiscarded() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, respond: Self.poisoned("m1"))
    let failure = DestinationTarget(kind: .sns, name: "old")
    let poller = try StreamPoller(
      target: function.target,
      configuration: .init(
        kind: .dynamodb, batchSize: 1, maximumRecordAgeInSeconds: 60, onFailure: failure),
      clock: clock)
    try poller.put(Self.items(2))
    poller.run()
    // Retries back off 1, 2, 4, 8, 16, 32 s: the 7th attempt would be at 63 s, too old.
    #expect(function.calls.filter { Self.messages($0) == ["m1"] }.count == 6)
    let record = poller.log.sent(to: "sns:old").first
    #expect(record?["requestContext"]?["condition"] == "RecordAgeExceeded")
    #expect(poller.shards[0].processed.count == 0, "m2 is also older than 60 s by then")
  }

  /// Shape from "Retain discarded records for a DynamoDB event source"
  /// (docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html) and the Kinesis
  /// on-failure example (kinesis-on-failure-destination.html).
  @Test func onFailureRecordsHaveTheAWSShape() throws {
    for kind in [DestinationRecords.StreamKind.dynamodb, .kinesis] {
      let clock = VirtualClock(epoch: Date(timeIntervalSince1970: 1_573_690_399.5))
      let function = ScriptedFunction(clock: clock, durationMs: 0) { _, _ in .error }
      let poller = try StreamPoller(
        target: function.target,
        configuration: .init(
          kind: kind, maximumRetryAttempts: 0, onFailure: DestinationTarget(kind: .sqs, name: "f")),
        clock: clock)
      try poller.put(.array(["one", "two"].map { ["Id": .string($0)] }))
      poller.run()
      let record = try #require(poller.log.sent(to: "sqs:f").first)
      let infoKey = kind == .dynamodb ? "DDBStreamBatchInfo" : "KinesisBatchInfo"
      #expect(
        keys(record) == ["requestContext", "responseContext", "version", "timestamp", infoKey])
      #expect(
        keys(record["requestContext"])
          == ["requestId", "functionArn", "condition", "approximateInvokeCount"])
      #expect(
        record["responseContext"]
          == json(
            #"{"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"}"#))
      let info = record[infoKey]
      #expect(
        keys(info) == [
          "shardId", "startSequenceNumber", "endSequenceNumber", "approximateArrivalOfFirstRecord",
          "approximateArrivalOfLastRecord", "batchSize", "streamArn",
        ])
      #expect(info?["batchSize"] == .int(2))
      let arrival = kind == .dynamodb ? "2019-11-14T00:13:19Z" : "2019-11-14T00:13:19.500Z"
      #expect(info?["approximateArrivalOfFirstRecord"] == .string(arrival))
      let start = info?["startSequenceNumber"]?.stringValue ?? ""
      let end = info?["endSequenceNumber"]?.stringValue ?? ""
      #expect(start.count == end.count && start < end)
    }
  }

  /// Kinesis records as with-kinesis.html shows them; data is base64.
  @Test func kinesisRecordsCarryBase64DataAndShardEventIDs() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .success }
    let poller = try StreamPoller(
      target: function.target, configuration: .init(kind: .kinesis), clock: clock)
    try poller.put(["Hello, this is a test.", ["data": ["n": 1], "partitionKey": "p"]])
    poller.run()
    let records = try #require(function.calls.first?.json?["Records"]?.arrayValue)
    #expect(records.count == 2)
    #expect(
      keys(records[0]) == [
        "kinesis", "eventSource", "eventVersion", "eventID", "eventName", "invokeIdentityArn",
        "awsRegion", "eventSourceARN",
      ])
    #expect(records[0]["kinesis"]?["data"] == "SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==")
    #expect(records[1]["kinesis"]?["partitionKey"] == "p")
    let eventID = records[0]["eventID"]?.stringValue ?? ""
    #expect(eventID.hasPrefix("shardId-000000000000:"))
  }

  @Test func shardsAreIndependent() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, respond: Self.poisoned("m1"))
    let poller = try StreamPoller(
      target: function.target,
      configuration: .init(kind: .dynamodb, shards: 4, batchSize: 1, maximumRetryAttempts: 3),
      clock: clock)
    try poller.put(Self.items(12))
    poller.run()
    let processed = poller.shards.map(\.processed.count).reduce(0, +)
    #expect(processed == 11, "only the poison record's shard waits; the others finish")
    #expect(poller.shards.filter { !$0.records.isEmpty }.count > 1)
  }

  @Test func settingsOutsideAWSRangesAreRefused() {
    for configuration in [
      StreamEventSourceConfiguration(kind: .kinesis, batchSize: 0),
      StreamEventSourceConfiguration(kind: .kinesis, batchSize: 10_001),
      StreamEventSourceConfiguration(kind: .dynamodb, maximumRetryAttempts: -2),
      StreamEventSourceConfiguration(kind: .dynamodb, maximumRecordAgeInSeconds: 59),
    ] {
      #expect(throws: DeliveryError.self) { try configuration.validate() }
    }
  }
}
