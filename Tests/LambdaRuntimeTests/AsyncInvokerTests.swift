import Foundation
import Testing

@testable import LambdaRuntime

/// The asynchronous invoker on a virtual clock: retries and their delays, event age, throttles,
/// destination records and DLQ messages in AWS's shapes, duplicates.
@Suite struct AsyncInvokerTests {
  let failure = DestinationTarget(kind: .sqs, name: "failed")
  let success = DestinationTarget(kind: .sqs, name: "done")

  @Test func queuedEventAnswers202AndDryRun204() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .success }
    let invoker = try AsyncInvoker(target: function.target, clock: clock)
    let answer = invoker.submit(Data(#"{"id": 1}"#.utf8))
    #expect(answer.statusCode == 202)
    #expect(answer.requestID?.count == 36)
    #expect(function.calls.isEmpty, "submit answers before the function runs")
    invoker.drain()
    #expect(function.calls.count == 1)
    #expect(function.calls.first?.requestID == answer.requestID)
    #expect(AsyncSubmission.dryRun(Data("{}".utf8)).statusCode == 204)
    #expect(AsyncSubmission.dryRun(Data("{nope".utf8)).statusCode == 400)
  }

  @Test func payloadOverOneMegabyteIsRefusedWith413() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .success }
    let invoker = try AsyncInvoker(target: function.target, clock: clock)
    let big = Data(("\"" + String(repeating: "a", count: 1_048_576) + "\"").utf8)
    let answer = invoker.submit(big)
    #expect(answer.statusCode == 413)
    #expect(answer.errorType == "RequestEntityTooLargeException")
    invoker.drain()
    #expect(function.calls.isEmpty)
  }

  @Test func functionErrorIsRetriedTwiceAfterOneThenTwoMinutes() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, durationMs: 100) { _, _ in .error }
    let invoker = try AsyncInvoker(
      target: function.target, configuration: .init(onFailure: failure), clock: clock)
    let id = invoker.submit(Data(#"{"order": 7}"#.utf8)).requestID ?? ""
    invoker.drain()
    #expect(function.calls.count == 3)
    let times = function.calls.map(\.at)
    // Each attempt takes 0.1 s; retries wait 60 s then 120 s after the previous attempt ends.
    #expect(abs(times[1] - times[0] - 60.1) < 0.001)
    #expect(abs(times[2] - times[1] - 120.1) < 0.001)
    #expect(Set(function.calls.map(\.requestID)) == [id], "retries keep the request id")
    #expect(invoker.outcome(of: id) == .retriesExhausted)
    #expect(invoker.log.entries(.retry).count == 2)
  }

  @Test func retriesFollowMaximumRetryAttempts() throws {
    for retries in 0...2 {
      let clock = VirtualClock()
      let function = ScriptedFunction(clock: clock) { _, _ in .timeout }
      let invoker = try AsyncInvoker(
        target: function.target, configuration: .init(maximumRetryAttempts: retries),
        clock: clock)
      invoker.submit(Data("{}".utf8))
      invoker.drain()
      #expect(function.calls.count == retries + 1)
      #expect(invoker.log.entries(.dropped).count == 1, "no destination: the event is dropped")
    }
  }

  @Test func failThenSucceedSendsExactlyOneSuccessRecord() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, result: { _ in #"{"ok": true}"# }) { _, call in
      call <= 2 ? .error : .success
    }
    let invoker = try AsyncInvoker(
      target: function.target, configuration: .init(onSuccess: success, onFailure: failure),
      clock: clock)
    invoker.submit(Data(#"{"n": 1}"#.utf8))
    invoker.drain()
    #expect(function.calls.count == 3)
    let records = invoker.log.sent(to: "sqs:done")
    #expect(records.count == 1)
    #expect(invoker.log.sent(to: "sqs:failed").isEmpty)
    let record = records.first
    #expect(record?["requestContext"]?["condition"] == "Success")
    #expect(record?["requestContext"]?["approximateInvokeCount"] == .int(3))
    #expect(record?["responsePayload"] == json(#"{"ok": true}"#))
    #expect(keys(record?["responseContext"]) == ["statusCode", "executedVersion"])
  }

  /// Shape from "Capturing records of Lambda asynchronous invocations"
  /// (docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html): the example
  /// record of an event that failed every attempt.
  @Test func failureRecordHasAWSShape() throws {
    let clock = VirtualClock(epoch: Date(timeIntervalSince1970: 1_573_755_365.568))
    let function = ScriptedFunction(clock: clock, durationMs: 0) { _, _ in .error }
    let invoker = try AsyncInvoker(
      target: function.target, configuration: .init(onFailure: failure), clock: clock)
    let id = invoker.submit(Data(#"{"ORDER_IDS": ["9e07af03"]}"#.utf8)).requestID ?? ""
    invoker.drain()
    let record = try #require(invoker.log.sent(to: "sqs:failed").first)
    #expect(
      keys(record) == [
        "version", "timestamp", "requestContext", "requestPayload", "responseContext",
        "responsePayload",
      ])
    #expect(record["version"] == "1.0")
    #expect(
      keys(record["requestContext"])
        == ["requestId", "functionArn", "condition", "approximateInvokeCount"])
    #expect(record["requestContext"]?["requestId"] == .string(id))
    #expect(
      record["requestContext"]?["functionArn"]
        == "arn:aws:lambda:us-east-1:123456789012:function:scripted:$LATEST")
    #expect(record["requestContext"]?["condition"] == "RetriesExhausted")
    #expect(record["requestContext"]?["approximateInvokeCount"] == .int(3))
    #expect(record["requestPayload"] == json(#"{"ORDER_IDS": ["9e07af03"]}"#))
    #expect(
      record["responseContext"]
        == json(#"{"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"}"#)
    )
    #expect(record["responsePayload"]?["errorMessage"] == "boom")
    // Three attempts at 0, 60 and 180 virtual seconds after the epoch.
    #expect(record["timestamp"] == "2019-11-14T18:19:05.568Z")
  }

  @Test func eventOlderThanMaximumAgeIsDroppedWithEventAgeExceeded() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock, durationMs: 500) { _, _ in .error }
    let invoker = try AsyncInvoker(
      target: function.target,
      configuration: .init(maximumEventAgeInSeconds: 60, onFailure: failure), clock: clock)
    invoker.submit(Data("{}".utf8))
    invoker.drain()
    // The first retry would start 60.5 s after the event was queued: too old.
    #expect(function.calls.count == 1)
    let record = invoker.log.sent(to: "sqs:failed").first
    #expect(record?["requestContext"]?["condition"] == "EventAgeExceeded")
    #expect(record?["requestContext"]?["approximateInvokeCount"] == .int(1))
  }

  @Test func throttlesAreRetriedWithBackoffUntilTheEventIsTooOld() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .throttled }
    let invoker = try AsyncInvoker(
      target: function.target,
      configuration: .init(maximumEventAgeInSeconds: 600, onFailure: failure), clock: clock)
    let id = invoker.submit(Data("{}".utf8)).requestID ?? ""
    invoker.drain()
    let times = function.calls.map(\.at)
    // Back-off 1, 2, 4, ... 256, then 300 s: attempts at 0, 1, 3, 7, ..., 255, 511.
    #expect(Array(times.prefix(4)) == [0, 1, 3, 7])
    #expect(times.count == 10)
    #expect(times.last == 511)
    #expect(invoker.outcome(of: id) == .eventAgeExceeded)
    #expect(function.calls.count > 3, "throttles do not use up the 2 function-error retries")
  }

  /// Attributes from the "Dead-letter queues" section of invocation-async-retain-records.html:
  /// RequestID (String), ErrorCode (Number, a 3-digit HTTP code), ErrorMessage (String, at
  /// most 1 KB); the body is the event unchanged.
  @Test func deadLetterQueueGetsTheEventWithErrorAttributes() throws {
    let clock = VirtualClock()
    let function = ScriptedFunction(clock: clock) { _, _ in .error }
    let dlq = DestinationTarget(kind: .sns, name: "dead")
    let invoker = try AsyncInvoker(
      target: function.target,
      configuration: .init(maximumRetryAttempts: 1, deadLetterQueue: dlq), clock: clock)
    let event = #"{"id": "a b"}"#
    let id = invoker.submit(Data(event.utf8)).requestID ?? ""
    invoker.drain()
    let message = try #require(invoker.log.sent(to: "sns:dead").first)
    #expect(message["Body"] == .string(event))
    let attributes = message["MessageAttributes"]
    #expect(keys(attributes) == ["RequestID", "ErrorCode", "ErrorMessage"])
    #expect(attributes?["RequestID"] == json(#"{"StringValue": "\#(id)", "DataType": "String"}"#))
    #expect(attributes?["ErrorCode"] == json(#"{"StringValue": "200", "DataType": "Number"}"#))
    #expect(attributes?["ErrorMessage"]?["StringValue"] == "boom")
    #expect(function.calls.count == 2)
  }

  @Test func deadLetterErrorMessageIsTruncatedToOneKilobyte() {
    let long = String(repeating: "x", count: 5000)
    let response = ScriptedFunction.record(requestID: "r", status: .success, result: "null")
    var failed = response
    failed.status = .error
    failed.result = Data(#"{"errorMessage": "\#(long)", "errorType": "E"}"#.utf8)
    let message = DestinationRecords.deadLetterMessage(
      event: Data("{}".utf8), requestID: "r", response: failed)
    #expect(
      message["MessageAttributes"]?["ErrorMessage"]?["StringValue"]?.stringValue?.count == 1024)
  }

  @Test func seededDuplicatesRepeatExactly() throws {
    func run(seed: UInt64) throws -> [Bool] {
      let clock = VirtualClock()
      let function = ScriptedFunction(clock: clock) { _, _ in .success }
      let invoker = try AsyncInvoker(
        target: function.target, configuration: .init(duplicateRate: 0.5, seed: seed),
        clock: clock)
      for number in 0..<20 { invoker.submit(Data("{\"n\": \(number)}".utf8)) }
      invoker.drain()
      return invoker.log.entries(.delivery).map(\.duplicate)
    }
    let first = try run(seed: 7)
    #expect(first == (try run(seed: 7)))
    let duplicates = first.filter { $0 }.count
    #expect(duplicates > 0 && duplicates < 20)
    #expect(first.count == 20 + duplicates)
  }

  @Test func settingsOutsideAWSRangesAreRefused() {
    #expect(throws: DeliveryError.self) {
      try AsyncInvokeConfiguration(maximumRetryAttempts: 3).validate()
    }
    #expect(throws: DeliveryError.self) {
      try AsyncInvokeConfiguration(maximumEventAgeInSeconds: 59).validate()
    }
    #expect(throws: DeliveryError.self) {
      try AsyncInvokeConfiguration(maximumEventAgeInSeconds: 21_601).validate()
    }
  }

  @Test func destinationsAreParsedAndCheckedPerRole() throws {
    #expect(try DestinationTarget.parse("sqs:failed", role: .onFailure).arn.hasSuffix(":failed"))
    let arn = "arn:aws:sns:us-east-1:123456789012:alerts"
    #expect(try DestinationTarget.parse(arn, role: .onSuccess) == .init(kind: .sns, name: "alerts"))
    #expect(try DestinationTarget.parse("s3:bucket", role: .onFailure).kind == .s3)
    for (text, role) in [
      ("s3:bucket", DestinationTarget.Role.onSuccess), ("lambda:f", .deadLetterQueue),
      ("kafka:x", .onFailure), ("nowhere", .onFailure), ("sqs:orders.fifo", .onFailure),
      ("sqs:", .onFailure),
    ] {
      #expect(throws: DeliveryError.self) { try DestinationTarget.parse(text, role: role) }
    }
    do {
      _ = try DestinationTarget.parse("kafka:x", role: .onFailure)
    } catch {
      #expect("\(error)".contains("'kafka:x'"))
    }
  }

  @Test func timeScaleSleepsForVirtualDelays() {
    let clock = VirtualClock(timeScale: 600)
    let start = Date()
    clock.advance(to: 60)
    let elapsed = Date().timeIntervalSince(start)
    #expect(clock.now == 60)
    // 0.1 s of real sleep; the upper bound only has to tell it from the unscaled 60 s, so it
    // leaves room for a loaded machine.
    #expect(elapsed >= 0.09 && elapsed < 30, "60 virtual s at 600x is 0.1 s: \(elapsed)")
  }
}
