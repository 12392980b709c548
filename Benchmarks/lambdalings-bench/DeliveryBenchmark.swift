import Foundation
import JSON
import LambdaRuntime
import SystemSupport

/// Draining 10,000 SQS messages in batches of 10 with a no-op handler, against baselines run
/// in the same invocation:
/// (a) the poller's own machinery (queue, visibility, records, virtual clock) with an
///     in-process no-op target, against building the same 1,000 events and calling the target
///     directly;
/// (b) end to end through a real no-op Python function, against 1,000 direct synchronous
///     invokes of the same batch events.
enum DeliveryBenchmark {
  static func run(_ arguments: [String]) {
    do {
      try measure(quick: arguments.contains("--quick"))
    } catch {
      print("delivery: could not run: \(error)")
    }
  }

  static let messageCount = 10_000

  static func messages() -> [SQSMessageInput] {
    (0..<messageCount).map { SQSMessageInput(body: #"{"order": \#($0)}"#) }
  }

  /// Seconds to drain the queue once through `target`.
  static func drain(_ target: InvocationTarget) throws -> Double {
    let poller = try SQSPoller(
      target: target, configuration: .init(batchSize: 10, maxInvocations: 100_000))
    poller.send(messages())
    let start = ProcessClock.now()
    poller.run()
    let seconds = ProcessClock.milliseconds(from: start, to: ProcessClock.now()) / 1000
    guard poller.messages.allSatisfy({ $0.deleted }) else {
      throw RuntimeBenchmark.BenchError.failed("some messages were not processed")
    }
    return seconds
  }

  /// The 1,000 batch events the poller would build, as data.
  static func batchEvents() -> [Data] {
    let bodies = messages().map(\.body)
    return stride(from: 0, to: bodies.count, by: 10).map { start in
      let records: [JSONValue] = bodies[start..<start + 10].enumerated().map { offset, body in
        [
          "messageId": .string(UUID().uuidString.lowercased()), "receiptHandle": "AQEB",
          "body": .string(body),
          "attributes": [
            "ApproximateReceiveCount": "1", "SentTimestamp": "1768478400000",
            "SenderId": "AIDAIENQZJOLO23YVJ4VO",
            "ApproximateFirstReceiveTimestamp": .string(String(1_768_478_400_000 + offset)),
          ],
          "messageAttributes": [:], "md5OfBody": "", "eventSource": "aws:sqs",
          "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:my-queue",
          "awsRegion": "us-east-1",
        ]
      }
      let event: JSONValue = ["Records": .array(records)]
      return Data(event.compact().utf8)
    }
  }

  private static func measure(quick: Bool) throws {
    let rounds = quick ? 3 : 5
    print("# delivery benchmark (\(quick ? "quick" : "full") run): \(messageCount) SQS messages")
    let noop = InvocationTarget(
      functionARN: "arn:aws:lambda:us-east-1:123456789012:function:n", timeout: 3
    ) {
      _, requestID in
      InvocationRecord.simulated(requestID: requestID)
    }
    var poller: [Double] = []
    var direct: [Double] = []
    for _ in 0..<rounds {
      poller.append(try drain(noop))
      let start = ProcessClock.now()
      for event in batchEvents() { _ = noop.invoke(event, "r") }
      direct.append(ProcessClock.milliseconds(from: start, to: ProcessClock.now()) / 1000)
    }
    let a = RuntimeBenchmark.median(poller)
    let aBase = RuntimeBenchmark.median(direct)
    print(
      "(a) poller machinery, no-op target: \(ms(a)) for \(messageCount) messages = "
        + "\(rate(a)) messages/s; baseline (build events + call) \(ms(aBase)); ratio "
        + "\(RuntimeBenchmark.f2(a / aBase))x (goal >= 20,000 messages/s)")

    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("lambdalings-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "def handler(event, context):\n    return None\n".write(
      to: folder.appendingPathComponent("noop.py"), atomically: true, encoding: .utf8)
    guard try Interpreter.resolve(.python) != nil else {
      print("(b) skipped: python3 is not on PATH")
      return
    }
    let function = try LambdaFunction(
      configuration: FunctionConfiguration(
        name: "noop", codePath: AbsolutePath(folder.path, relativeTo: .currentDirectory()),
        handler: "noop.handler", runtime: .python))
    defer { function.shutdown() }
    _ = function.invoke(event: Data("{}".utf8))
    let target = InvocationTarget(function: function)
    var endToEnd: [Double] = []
    var invokes: [Double] = []
    let events = batchEvents()
    for _ in 0..<rounds {
      endToEnd.append(try drain(target))
      let start = ProcessClock.now()
      for event in events {
        let record = function.invoke(event: event)
        guard record.status == .success else {
          throw RuntimeBenchmark.BenchError.failed(record.resultText)
        }
      }
      invokes.append(ProcessClock.milliseconds(from: start, to: ProcessClock.now()) / 1000)
    }
    let b = RuntimeBenchmark.median(endToEnd)
    let bBase = RuntimeBenchmark.median(invokes)
    print(
      "(b) end to end, no-op Python handler: \(ms(b)) = \(rate(b)) messages/s; baseline "
        + "(1,000 direct invokes of the same batches) \(ms(bBase)) = \(rate(bBase)) messages/s;"
        + " ratio \(RuntimeBenchmark.f2(b / bBase))x")
  }

  static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
  static func rate(_ seconds: Double) -> String {
    let value = Int((Double(messageCount) / seconds).rounded())
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.groupingSeparator = ","
    return formatter.string(from: NSNumber(value: value)) ?? String(value)
  }
}
