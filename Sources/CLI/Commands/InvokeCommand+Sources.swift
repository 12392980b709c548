import Foundation
import JSON
import LambdaRuntime
import SystemSupport

/// `invoke --source sqs|dynamodb|kinesis`: fill a local queue or stream, poll it to the end.
extension InvokeCommand {
  /// Polls `source` until it is drained or everything left is parked; exit 1 when anything
  /// was not processed.
  static func runSource(_ invocation: CommandRun, file: String, source: String) throws -> ExitCode {
    switch source {
    case "sqs": return try runSQS(invocation, file: file)
    case "dynamodb", "kinesis": return try runStream(invocation, file: file, source: source)
    default:
      throw CLIError.usage("--source must be sqs, dynamodb or kinesis, got '\(source)'")
    }
  }

  /// The messages or records document: `--messages FILE`, or `--event-template NAME` with
  /// `--count N` and `--set` overrides.
  static func sourceDocument(_ invocation: CommandRun, source: String) throws -> JSONValue {
    let args = invocation.args
    if args.value("event") != nil {
      throw CLIError.usage(
        "--source \(source) reads --messages FILE or --event-template NAME, not --event")
    }
    if let path = args.value("messages") {
      if args.value("event-template") != nil {
        throw CLIError.usage("use either --messages or --event-template, not both")
      }
      let context = invocation.context
      let full = AbsolutePath(path, relativeTo: context.currentDirectory).string
      guard let data = FileManager.default.contents(atPath: full) else {
        throw CLIError.usage("cannot read the messages file \(path); check the path")
      }
      do {
        return try JSONValue(parsing: data)
      } catch {
        throw CLIError.content(
          "\(path):\(error.line): the messages file is not valid JSON: \(Self.reason(error)); "
            + "write a JSON list such as [\"first\", {\"id\": 2}]")
      }
    }
    guard let template = args.value("event-template") else {
      throw CLIError.usage(
        "--source \(source) needs --messages FILE or --event-template NAME --count N",
        hint: "e.g. --event-template \(source == "sqs" ? "sqs" : "dynamodb-insert") --count 10")
    }
    do {
      let overrides = try args.values("set").map(EventTemplates.parseOverride)
      let count = try args.value("count").map { _ in try args.int("count", default: 3) }
      return try EventTemplates.event(name: template, overrides: overrides, count: count)
    } catch let error as CLIError {
      throw error
    } catch {
      throw CLIError.usage("\(error)", hint: "lambdalings events list shows every template")
    }
  }

  /// Where JSON text breaks (line and reason), if it does.
  static func jsonProblem(_ data: Data) -> (line: Int, reason: String)? {
    JSONValue.syntaxError(in: data).map { ($0.line, reason($0)) }
  }

  /// A syntax error's message with its line and column.
  static func reason(_ error: JSONSyntaxError) -> String {
    "\(error.message) (line \(error.line), column \(error.column))"
  }

  /// A setting's validation as a usage error (exit 2) naming the value.
  static func validated(_ check: () throws -> Void) throws {
    do {
      try check()
    } catch {
      throw CLIError.usage("\(error)")
    }
  }

  static func runSQS(_ invocation: CommandRun, file: String) throws -> ExitCode {
    let args = invocation.args
    var queue = args.value("queue") ?? "my-queue"
    if args.flag("fifo") && !queue.hasSuffix(".fifo") { queue += ".fifo" }
    let maxReceive = try args.value("max-receive-count").map { _ in
      try args.int("max-receive-count", default: 1)
    }
    let configuration = SQSEventSourceConfiguration(
      queueName: queue, batchSize: try args.int("batch-size", default: 10),
      maximumBatchingWindowInSeconds: try args.double("batch-window", default: 0),
      reportBatchItemFailures: args.flag("report-batch-item-failures"),
      visibilityTimeout: try args.double("visibility-timeout", default: 30),
      maxReceiveCount: maxReceive,
      maxInvocations: try args.int("max-invocations", default: 1000, range: 1...1_000_000))
    try validated { try configuration.validate() }
    let messages: [SQSMessageInput]
    do {
      messages = try SQSMessageInput.list(from: try sourceDocument(invocation, source: "sqs"))
    } catch let error as DeliveryError {
      throw CLIError.content("\(args.value("messages") ?? "the event template"): \(error)")
    }
    let clock = try clock(args)
    let function = try makeFunction(invocation, file: file)
    defer { function.shutdown() }
    let log = DeliveryLog(observer: observer(invocation) { clock })
    let poller = try SQSPoller(
      target: InvocationTarget(function: function), configuration: configuration, clock: clock,
      log: log)
    for warning in poller.warnings { invocation.err.write("warning: \(warning)\n") }
    poller.send(messages)
    let started = Date()
    poller.run()
    let all = poller.messages
    let processed = all.filter(\.deleted).count
    let moved = poller.deadLetterQueue.count
    let expired = all.filter(\.expired).count
    let left = all.count - processed - moved - expired
    if args.flag("json") {
      let summary: JSONValue = [
        "type": "summary", "source": "sqs", "queue": .string(queue), "messages": .int(all.count),
        "processed": .int(processed), "deadLettered": .int(moved), "expired": .int(expired),
        "left": .int(left), "invocations": .int(log.entries(.delivery).count),
        "virtualSeconds": .number(String(format: "%.3f", clock.now)),
        "wallSeconds": .number(String(format: "%.3f", Date().timeIntervalSince(started))),
      ]
      invocation.out.write(summary.compact() + "\n")
    } else {
      var headline =
        "messages      \(all.count) sent to \(queue): \(processed) processed, \(moved) moved to "
        + "\(configuration.deadLetterQueueName), \(expired) expired, \(left) left\n"
      if poller.stoppedEarly {
        headline +=
          "stopped       after \(configuration.maxInvocations) invocations (--max-invocations); "
          + "set --max-receive-count to move poison messages to a DLQ\n"
      }
      printReport(invocation, log: log, headline: headline)
    }
    return processed == all.count ? ExitCode.success : ExitCode.failure
  }
}

extension InvokeCommand {
  /// `--source dynamodb|kinesis`: write the records to a local stream and read it to the end.
  static func runStream(_ invocation: CommandRun, file: String, source: String) throws -> ExitCode {
    let args = invocation.args
    for option in ["queue", "fifo", "visibility-timeout", "max-receive-count"]
    where args.value(option) != nil || args.flag(option) {
      throw CLIError.usage("--\(option) is for --source sqs, not --source \(source)")
    }
    let kind: DestinationRecords.StreamKind = source == "dynamodb" ? .dynamodb : .kinesis
    let configuration = StreamEventSourceConfiguration(
      kind: kind, shards: try args.int("shards", default: 1),
      batchSize: try args.int("batch-size", default: 100),
      maximumBatchingWindowInSeconds: try args.double("batch-window", default: 0),
      bisectBatchOnFunctionError: args.flag("bisect"),
      maximumRetryAttempts: try args.int("retries", default: -1),
      maximumRecordAgeInSeconds: try args.int("max-record-age", default: -1),
      reportBatchItemFailures: args.flag("report-batch-item-failures"),
      onFailure: try destination(args, "on-failure", role: .onFailure),
      maxInvocations: try args.int("max-invocations", default: 1000, range: 1...1_000_000))
    try validated { try configuration.validate() }
    let document = try sourceDocument(invocation, source: source)
    let clock = try clock(args)
    let function = try makeFunction(invocation, file: file)
    defer { function.shutdown() }
    let log = DeliveryLog(observer: observer(invocation) { clock })
    let poller = try StreamPoller(
      target: InvocationTarget(function: function), configuration: configuration, clock: clock,
      log: log)
    do {
      try poller.put(document)
    } catch {
      throw CLIError.content("\(args.value("messages") ?? "the event template"): \(error)")
    }
    let started = Date()
    poller.run()
    let total = poller.shards.map(\.records.count).reduce(0, +)
    let processed = Set(poller.shards.flatMap(\.processed)).count
    let discarded = poller.shards.map(\.discarded.count).reduce(0, +)
    let left = total - processed - discarded
    if args.flag("json") {
      let summary: JSONValue = [
        "type": "summary", "source": .string(source), "records": .int(total),
        "processed": .int(processed), "discarded": .int(discarded), "left": .int(left),
        "invocations": .int(log.entries(.delivery).count),
        "virtualSeconds": .number(String(format: "%.3f", clock.now)),
        "wallSeconds": .number(String(format: "%.3f", Date().timeIntervalSince(started))),
      ]
      invocation.out.write(summary.compact() + "\n")
    } else {
      var headline =
        "records       \(total) on \(configuration.shards) shard"
        + "\(configuration.shards == 1 ? "" : "s"): \(processed) processed, \(discarded) "
        + "discarded, \(left) left\n"
      if poller.stoppedEarly {
        headline +=
          "stopped       after \(configuration.maxInvocations) invocations (--max-invocations); "
          + "set --retries, --max-record-age or --bisect to unblock the shard\n"
      }
      printReport(invocation, log: log, headline: headline)
    }
    return processed == total ? ExitCode.success : ExitCode.failure
  }
}
