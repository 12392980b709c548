import Foundation
import JSON
import Testing

@testable import LambdaRuntime

/// The queue lane of the timeline, the summary and the `--json` lines of a delivery log.
@Suite struct DeliveryReportingTests {
  func failingRun() throws -> (AsyncInvoker, VirtualClock) {
    let clock = VirtualClock(epoch: Date(timeIntervalSince1970: 0))
    let function = ScriptedFunction(clock: clock, durationMs: 0) { _, _ in .error }
    let invoker = try AsyncInvoker(
      target: function.target,
      configuration: .init(onFailure: DestinationTarget(kind: .sqs, name: "failed")), clock: clock)
    invoker.submit(Data("{}".utf8))
    invoker.drain()
    return (invoker, clock)
  }

  @Test func timelineShowsTheRetryScheduleInVirtualTime() throws {
    let (invoker, _) = try failingRun()
    let picture = DeliveryTimeline(entries: invoker.log.entries).render(width: 70, glyphs: .ascii)
    let lines = picture.split(separator: "\n").map(String.init)
    let lane = try #require(lines.first)
    #expect(lane.hasPrefix("async"))
    let row = Array(lane.dropFirst(10))
    // Failures at 0, 60 and 180 s of 180 s on 59 of the 60 columns: columns 0, 19 and 58;
    // the record sent right after the last attempt takes the last column, both stay visible.
    #expect(row.first == "x")
    #expect(row[19] == "x")
    #expect(row[58] == "x")
    #expect(row.last == ">")
    #expect(row.filter { $0 == "x" }.count == 3)
    #expect(row.filter { $0 == "." }.count > 40, "waits are drawn between attempts")
    #expect(lines[1].contains("+0:00:00.000") && lines[1].contains("+0:03:00.000"))
  }

  @Test func legendWrapsToTheWidth() throws {
    let (invoker, _) = try failingRun()
    for width in [40, 80, 120] {
      let picture = DeliveryTimeline(entries: invoker.log.entries).render(
        width: width, glyphs: .unicode)
      let lines = picture.split(separator: "\n").map(String.init)
      #expect(lines.allSatisfy { $0.count <= width }, "width \(width): \(lines)")
      #expect(picture.contains("dead-letter queue") && picture.contains("dropped"))
    }
  }

  @Test func summaryCountsDeliveriesRetriesAndRecords() throws {
    let (invoker, _) = try failingRun()
    let summary = DeliverySummary(entries: invoker.log.entries)
    #expect(summary.invocations == 3)
    #expect(summary.failedInvocations == 3)
    #expect(summary.retries == 2)
    #expect(summary.destinations == ["sqs:failed": 1])
    #expect(summary.virtualSeconds == 180)
    #expect(summary.text.contains("virtual time  3 min 0.0 s"))
  }

  @Test func summaryCountsAQueueMessagesRedeliveriesAsRetries() throws {
    // Received three times (maxReceiveCount 3), then moved to the dead-letter queue: the first
    // delivery and two retries; the third failure is not retried.
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, durationMs: 0) { _, _ in .error }
    let poller = try SQSPoller(
      target: function.target, configuration: .init(maxReceiveCount: 3), clock: clock)
    poller.send([SQSMessageInput(body: "one")])
    poller.run()
    let summary = DeliverySummary(entries: poller.log.entries)
    #expect(summary.invocations == 3)
    #expect(summary.retries == 2)
    #expect(summary.deadLetters == ["sqs:my-queue-dlq": 1])
    #expect(summary.text.contains("retries       2\n"))
  }

  @Test func jsonLinesCarryVirtualTimesAndRecords() throws {
    let (invoker, clock) = try failingRun()
    let lines = invoker.log.entries.map { $0.jsonLine(clock: clock) }
    let parsed = lines.compactMap(JSONValue.parse)
    #expect(parsed.count == lines.count)
    let second = parsed.filter { $0["type"] == "delivery" }[1]
    #expect(second["offset"] == "+0:01:00.000")
    #expect(second["timestamp"] == "1970-01-01T00:01:00.000Z")
    #expect(second["invocation"]?["errorType"] == "ValueError")
    let destination = parsed.first { $0["type"] == "destination" }
    #expect(destination?["record"]?["requestContext"]?["condition"] == "RetriesExhausted")
  }
}
