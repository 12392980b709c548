import Foundation
import JSON
import Testing

@testable import LambdaRuntime

/// The SQS event source mapping on a virtual clock (with-sqs.html, services-sqs-parameters.html,
/// services-sqs-errorhandling.html).
@Suite struct SQSPollerTests {
  /// The bodies of the records in a call's event.
  static func bodies(_ call: ScriptedFunction.Call) -> [String] {
    call.json?["Records"]?.arrayValue?.compactMap { $0["body"]?.stringValue } ?? []
  }

  static func messages(_ count: Int) -> [SQSMessageInput] {
    (1...count).map { SQSMessageInput(body: String($0)) }
  }

  /// A response that reports the messages whose body is in `bodies` as failed.
  static func reporting(_ bodies: Set<String>) -> @Sendable (JSONValue?) -> String {
    { event in
      let failed = (event?["Records"]?.arrayValue ?? []).filter {
        bodies.contains($0["body"]?.stringValue ?? "")
      }
      let items = failed.map { #"{"itemIdentifier": "\#($0["messageId"]?.stringValue ?? "")"}"# }
      return #"{"batchItemFailures": [\#(items.joined(separator: ", "))]}"#
    }
  }

  @Test func successDeletesEachBatchOfTen() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .success }
    let poller = try SQSPoller(target: function.target, clock: clock)
    poller.send(Self.messages(25))
    poller.run()
    #expect(function.calls.map { Self.bodies($0).count } == [10, 10, 5])
    #expect(function.calls.flatMap(Self.bodies) == (1...25).map(String.init))
    #expect(poller.messages.allSatisfy { $0.deleted && $0.deliveries == 1 })
  }

  @Test func batchingWindowWaitsForAFullerBatch() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .success }
    let poller = try SQSPoller(
      target: function.target,
      configuration: .init(batchSize: 10, maximumBatchingWindowInSeconds: 5), clock: clock)
    poller.send(Self.messages(3))
    poller.run()
    #expect(function.calls.map(\.at) == [5])
  }

  @Test func functionErrorReturnsTheWholeBatchAfterTheVisibilityTimeout() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, durationMs: 0) { _, call in
      call == 1 ? .error : .success
    }
    let poller = try SQSPoller(
      target: function.target, configuration: .init(visibilityTimeout: 45), clock: clock)
    poller.send(Self.messages(4))
    poller.run()
    #expect(function.calls.map(\.at) == [0, 45])
    #expect(function.calls.map { Self.bodies($0).count } == [4, 4])
    let counts = function.calls.map {
      $0.json?["Records"]?[0]?["attributes"]?["ApproximateReceiveCount"]?.stringValue
    }
    #expect(counts == ["1", "2"])
    #expect(poller.log.entries(.parked).count == 1)
  }

  @Test func reportedFailuresComeBackUntilRedrivenToTheDLQ() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, result: Self.reporting(["3", "7"])) { _, _ in
      .success
    }
    let poller = try SQSPoller(
      target: function.target,
      configuration: .init(reportBatchItemFailures: true, maxReceiveCount: 3), clock: clock)
    poller.send(Self.messages(10))
    poller.run()
    #expect(poller.deadLetterQueue.map(\.body) == ["3", "7"])
    #expect(poller.deadLetterQueue.allSatisfy { $0.receiveCount == 3 })
    let others = poller.messages.filter { !["3", "7"].contains($0.body) }
    #expect(others.allSatisfy { $0.deleted && $0.deliveries == 1 })
    #expect(
      function.calls.map(Self.bodies) == [(1...10).map(String.init), ["3", "7"], ["3", "7"]])
    #expect(function.calls.map(\.at).dropFirst().allSatisfy { $0 >= 30 })
    let moved = poller.log.entries(.deadLetter)
    #expect(moved.count == 2 && moved.allSatisfy { $0.target == "sqs:my-queue-dlq" })
  }

  @Test func invalidItemIdentifierFailsTheWholeBatch() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(
      clock: clock,
      result: { event in
        (event?["Records"]?[0]?["attributes"]?["ApproximateReceiveCount"] == "1")
          ? #"{"batchItemFailures": [{"itemIdentifier": "not-a-message-id"}]}"#
          : #"{"batchItemFailures": []}"#
      }
    ) { _, _ in .success }
    let poller = try SQSPoller(
      target: function.target, configuration: .init(reportBatchItemFailures: true), clock: clock)
    poller.send(Self.messages(5))
    poller.run()
    #expect(function.calls.count == 2)
    #expect(poller.messages.allSatisfy { $0.deleted && $0.deliveries == 2 })
  }

  @Test func partialResponseIsIgnoredWithoutReportBatchItemFailures() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, result: Self.reporting(["1"])) { _, _ in
      .success
    }
    let poller = try SQSPoller(target: function.target, clock: clock)
    poller.send(Self.messages(3))
    poller.run()
    #expect(function.calls.count == 1)
    #expect(poller.messages.allSatisfy { $0.deleted })
  }

  @Test func partialBatchResponseRules() {
    let ids: Set<String> = ["a", "b"]
    func read(_ text: String) -> BatchItemFailures {
      BatchItemFailures.read(Data(text.utf8), identifiers: ids)
    }
    #expect(read("") == .allSucceeded)
    #expect(read("null") == .allSucceeded)
    #expect(read("{}") == .allSucceeded)
    #expect(read(#"{"batchItemFailures": null}"#) == .allSucceeded)
    #expect(read(#"{"batchItemFailures": []}"#) == .allSucceeded)
    #expect(read(#"{"batchItemFailures": [{"itemIdentifier": "b"}]}"#) == .failed(["b"]))
    for broken in [
      "{not json", #"{"batchItemFailures": [{"itemIdentifier": ""}]}"#,
      #"{"batchItemFailures": [{"itemIdentifier": null}]}"#,
      #"{"batchItemFailures": [{"itemId": "a"}]}"#,
      #"{"batchItemFailures": [{"itemIdentifier": "c"}]}"#, #"{"batchItemFailures": "a"}"#,
    ] {
      if case .invalid = read(broken) {
      } else {
        Issue.record("\(broken) should fail the whole batch")
      }
    }
  }

  @Test func fifoKeepsOrderWithinAGroupAndBlocksItWhileAMessageIsInFlight() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, durationMs: 0) { _, call in
      call == 1 ? .error : .success
    }
    let poller = try SQSPoller(
      target: function.target,
      configuration: .init(queueName: "orders.fifo", batchSize: 1), clock: clock)
    poller.send([
      SQSMessageInput(body: "a1", messageGroupID: "A"),
      SQSMessageInput(body: "a2", messageGroupID: "A"),
      SQSMessageInput(body: "b1", messageGroupID: "B"),
    ])
    poller.run()
    #expect(function.calls.map(Self.bodies) == [["a1"], ["b1"], ["a1"], ["a2"]])
  }

  @Test func fifoBatchesHoldAtMostTenInOrder() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .success }
    let poller = try SQSPoller(
      target: function.target, configuration: .init(queueName: "q.fifo", batchSize: 10),
      clock: clock)
    poller.send((1...15).map { SQSMessageInput(body: "m\($0)", messageGroupID: "g\($0 % 2)") })
    poller.run()
    #expect(function.calls.map { Self.bodies($0).count } == [10, 5])
    #expect(function.calls.flatMap(Self.bodies) == (1...15).map { "m\($0)" })
  }

  /// FIFO record attributes in the order of the FIFO example in with-sqs.html.
  @Test func fifoRecordsCarryGroupAndSequenceAttributes() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .success }
    let poller = try SQSPoller(
      target: function.target, configuration: .init(queueName: "q.fifo"), clock: clock)
    poller.send([SQSMessageInput(body: "x", messageGroupID: "1", deduplicationID: "1")])
    poller.send([SQSMessageInput(body: "duplicate", messageGroupID: "1", deduplicationID: "1")])
    poller.run()
    let record = function.calls.first?.json?["Records"]?[0]
    #expect(
      keys(record?["attributes"]) == [
        "ApproximateReceiveCount", "SentTimestamp", "SequenceNumber", "MessageGroupId",
        "SenderId", "MessageDeduplicationId", "ApproximateFirstReceiveTimestamp",
      ])
    #expect(record?["attributes"]?["MessageGroupId"] == "1")
    #expect(Self.bodies(try #require(function.calls.first)) == ["x"], "deduplicated")
  }

  /// Standard records have the shape of the `sqs` sample event (the developer guide's example).
  @Test func standardRecordsHaveTheSampleEventShape() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .success }
    let poller = try SQSPoller(target: function.target, clock: clock)
    poller.send([SQSMessageInput(body: "hello")])
    poller.run()
    let record = try #require(function.calls.first?.json?["Records"]?[0])
    let sample = try EventTemplates.event(name: "sqs")["Records"]?[0]
    #expect(keys(record) == keys(sample))
    #expect(keys(record["attributes"]) == keys(sample?["attributes"]))
    #expect(record["md5OfBody"] == .string(MD5.hex("hello")))
    #expect(record["eventSourceARN"] == "arn:aws:sqs:us-east-1:123456789012:my-queue")
  }

  @Test func batchSizeLimitsDependOnTheQueueType() throws {
    for size in [0, 10_001] {
      #expect(throws: DeliveryError.self) {
        try SQSEventSourceConfiguration(batchSize: size).validate()
      }
    }
    #expect(throws: DeliveryError.self) {
      try SQSEventSourceConfiguration(queueName: "q.fifo", batchSize: 11).validate()
    }
    try SQSEventSourceConfiguration(batchSize: 10_000).validate()
    try SQSEventSourceConfiguration(queueName: "q.fifo", batchSize: 10).validate()
  }

  @Test func warnsWhenVisibilityTimeoutIsUnderSixTimesTheFunctionTimeout() {
    #expect(
      SQSEventSourceConfiguration(visibilityTimeout: 10).warnings(functionTimeout: 3).count == 1)
    #expect(SQSEventSourceConfiguration(visibilityTimeout: 18).warnings(functionTimeout: 3).isEmpty)
    let windowed = SQSEventSourceConfiguration(
      maximumBatchingWindowInSeconds: 5, visibilityTimeout: 18)
    #expect(windowed.warnings(functionTimeout: 3).first?.contains("23") == true)
  }

  @Test func aPoisonMessageWithoutRedriveStopsAtTheInvocationLimit() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .error }
    let poller = try SQSPoller(
      target: function.target, configuration: .init(maxInvocations: 5), clock: clock)
    poller.send(Self.messages(1))
    poller.run()
    #expect(function.calls.count == 5)
    #expect(poller.stoppedEarly)
  }

  @Test func messagesExpireAfterTheRetentionPeriod() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .error }
    let poller = try SQSPoller(
      target: function.target,
      configuration: .init(visibilityTimeout: 30, messageRetentionPeriod: 100), clock: clock)
    poller.send(Self.messages(1))
    poller.run()
    #expect(function.calls.map(\.at).count == 4, "received at 0, 30, 60 and 90 s")
    #expect(poller.messages.first?.expired == true)
  }
}
