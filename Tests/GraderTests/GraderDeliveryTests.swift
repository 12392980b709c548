import Course
import Foundation
import JSON
import Testing

@testable import CLI
@testable import Grader

/// Delivery scenarios: the grader runs events through the asynchronous invoker and the SQS and
/// stream pollers (virtual clock), then checks counts, destination records and receive counts.
@Suite struct GraderDeliveryTests {
  @Test(arguments: Languages.available)
  func correctHandlersPassEveryDeliveryScenario(language: Language) throws {
    let report = try GraderFixture.grade("deliveries", language, "pass")
    #expect(report.results.count == 6)
    #expect(report.passed, "\(report.results.map { ($0.name, $0.sentences, $0.error) })")
    let invocations = report.results.map(\.invocations)
    // SQS: 10 messages in one batch, then 3 and 7 twice more; async: 3 attempts, 3 attempts,
    // 1 + 1 duplicate.
    #expect(Array(invocations[1...4]) == [3, 3, 3, 2])
  }

  @Test(arguments: Languages.available)
  func naiveHandlersFailWithNamedDifferences(language: Language) throws {
    let report = try GraderFixture.grade("deliveries", language, "naive")
    let byName = Dictionary(uniqueKeysWithValues: report.results.map { ($0.name, $0) })
    let sqs = try #require(byName["two bad messages come back until they reach the DLQ"])
    #expect(sqs.sentences.contains("processed: expected 8 message(s) processed, got 0"))
    #expect(sqs.sentences.contains("failed: expected 2 message(s) failed, got 10"))
    #expect(
      sqs.sentences.contains { $0.hasPrefix("receives \"*\": expected every other message") })
    #expect(
      sqs.sentences.contains("records.sqs:my-queue-dlq: expected 2 record(s), got 10"))
    #expect(sqs.error?.contains("bad message") == true, "\(sqs.error ?? "")")
    let flaky = try #require(
      byName["an event that fails twice then succeeds has its side effect once"])
    #expect(
      flaky.sentences == ["logOccurrences \"sending e-1\": expected 1 occurrence(s), got 3"])
    let broken = try #require(
      byName["an event that always fails reaches the on-failure destination and the DLQ"])
    #expect(broken.sentences.count == 1)
    #expect(
      broken.sentences.first?.hasPrefix(
        "records.sns:dead.0.MessageAttributes.ErrorMessage.StringValue:") == true,
      "\(broken.sentences)")
    let charge = try #require(byName["a duplicate delivery charges once"])
    #expect(
      charge.sentences == ["logOccurrences \"charging p-1\": expected 1 occurrence(s), got 2"])
    #expect(byName["bisect isolates a poison stream record"]?.passed == true)
  }

  @Test func recordPatternsNeedOnlyTheFieldsTheyList() throws {
    func node(_ text: String) throws -> JSONValue {
      try #require(JSONValue.parse(text))
    }
    let record = try node(
      #"{"requestContext": {"condition": "Success", "approximateInvokeCount": 1}, "x": [1, 2]}"#)
    #expect(
      DeliveryRunner.subset(
        try node(#"{"requestContext": {"condition": "Success"}}"#), record, path: "r") == nil)
    #expect(
      DeliveryRunner.subset(
        try node(#"{"requestContext": {"approximateInvokeCount": {"$gte": 1}}}"#), record,
        path: "r") == nil)
    let wrong = DeliveryRunner.subset(
      try node(#"{"requestContext": {"condition": "RetriesExhausted"}}"#), record, path: "r")
    #expect(wrong?.path == "r.requestContext.condition")
    let shorter = DeliveryRunner.subset(try node(#"{"x": [1]}"#), record, path: "r")
    #expect(shorter?.path == "r.x", "arrays must have the listed length")
    let missing = DeliveryRunner.subset(try node(#"{"y": 1}"#), record, path: "r")
    #expect(missing?.path == "r.y")
    #expect(missing?.rule == .equal(try node("1")))
    #expect(missing?.actual == nil)
    #expect(missing?.sentence == "r.y: expected 1, got nothing")
  }

  @Test func receiveCountsNameTheMessageThatDiffers() {
    let actual = [(body: "a", count: 1), (body: "b", count: 3), (body: "c", count: 2)]
    #expect(
      DeliveryRunner.receiveChecks(["b": 3, "*": 1], actual).map(\.sentence) == [
        "receives \"*\": expected every other message received 1 time(s), but \"c\" was "
          + "received 2 time(s)"
      ])
    #expect(
      DeliveryRunner.receiveChecks(["z": 1], actual).map(\.sentence) == [
        "receives \"z\": no message has this body"
      ])
    #expect(DeliveryRunner.receiveChecks(["a": 1, "b": 3, "c": 2], actual).isEmpty)
  }
}
