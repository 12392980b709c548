import Foundation
import JSON
import LambdaRuntime
import SystemSupport
import Terminal

/// `invoke --invocation-type Event|DryRun` and `invoke --source sqs|dynamodb|kinesis`: the
/// asynchronous invoker and the event source pollers, on a virtual clock.
extension InvokeCommand {
  static let deliveryOptions: [OptionSpec] = [
    OptionSpec(
      long: "invocation-type", value: "TYPE",
      help: "RequestResponse (default), Event (queued, retried) or DryRun."),
    OptionSpec(
      long: "retries", value: "N", help: "Event: retries 0-2 (default 2); streams: -1-10000."),
    OptionSpec(long: "max-event-age", value: "S", help: "Event: 60-21600 s (default 21600)."),
    OptionSpec(
      long: "on-success", value: "T", help: "Event: on-success destination, e.g. sqs:done."),
    OptionSpec(long: "on-failure", value: "T", help: "Event/streams: on-failure destination."),
    OptionSpec(long: "dlq", value: "T", help: "Event: dead-letter queue (sqs:NAME or sns:NAME)."),
    OptionSpec(long: "duplicates", value: "RATE", help: "Event: deliver successes twice (0-1)."),
    OptionSpec(long: "seed", value: "N", help: "Seed of the duplicate fault (default 1)."),
    OptionSpec(
      long: "source", value: "NAME", help: "Poll an event source: sqs, dynamodb, kinesis."),
    OptionSpec(long: "messages", value: "FILE", help: "JSON list of messages or records."),
    OptionSpec(
      long: "count", value: "N",
      help: "Records or messages in a batch --event-template (--source: default 3)."),
    OptionSpec(long: "queue", value: "NAME", help: "Queue name; NAME.fifo is a FIFO queue."),
    OptionSpec(long: "fifo", help: "Use a FIFO queue (my-queue.fifo)."),
    OptionSpec(
      long: "batch-size", value: "N", help: "Records per invocation (default 10; streams 100)."),
    OptionSpec(long: "batch-window", value: "S", help: "Wait up to S s for a full batch (0-300)."),
    OptionSpec(long: "visibility-timeout", value: "S", help: "SQS: seconds hidden (default 30)."),
    OptionSpec(long: "max-receive-count", value: "N", help: "SQS: receives before the DLQ."),
    OptionSpec(long: "report-batch-item-failures", help: "Honour batchItemFailures responses."),
    OptionSpec(long: "bisect", help: "Streams: split a failing batch in two."),
    OptionSpec(long: "max-record-age", value: "S", help: "Streams: -1 or 60-604800 s."),
    OptionSpec(long: "shards", value: "N", help: "Streams: shards (default 1)."),
    OptionSpec(
      long: "max-invocations", value: "N", help: "Stop after N invocations (default 1000)."),
    OptionSpec(long: "time-scale", value: "X", help: "Virtual seconds per real second (watch it)."),
  ]

  /// Options that only make sense for one mode, to refuse them elsewhere.
  private static let asyncOnly = ["max-event-age", "on-success", "dlq", "duplicates", "seed"]
  private static let sourceOnly = [
    "messages", "queue", "fifo", "batch-size", "batch-window", "visibility-timeout",
    "max-receive-count", "report-batch-item-failures", "bisect", "max-record-age", "shards",
    "max-invocations",
  ]

  /// Runs the asynchronous or event-source mode when the options ask for one; nil otherwise
  /// (a plain synchronous invoke, handled by `run`).
  static func runDelivery(_ invocation: CommandRun, file: String) throws -> ExitCode? {
    let args = invocation.args
    let type = args.value("invocation-type")
    let source = args.value("source")
    func used(_ names: [String]) -> String? {
      names.first { args.value($0) != nil || args.flag($0) }
    }
    if let type, !["RequestResponse", "Event", "DryRun"].contains(type) {
      throw CLIError.usage(
        "--invocation-type must be RequestResponse, Event or DryRun, got '\(type)'")
    }
    if let source {
      if type != nil && type != "RequestResponse" {
        throw CLIError.usage(
          "--source polls a queue or stream, which invokes synchronously; drop --invocation-type")
      }
      if let option = used(asyncOnly) {
        throw CLIError.usage("--\(option) is for --invocation-type Event, not --source \(source)")
      }
      return try runSource(invocation, file: file, source: source)
    }
    if let option = used(sourceOnly) {
      throw CLIError.usage("--\(option) needs --source sqs, dynamodb or kinesis")
    }
    switch type {
    case "DryRun":
      let event = try loadEvent(args, context: invocation.context)
      _ = try configuration(args, file: file, context: invocation.context)
      let answer = AsyncSubmission.dryRun(event)
      invocation.out.write("StatusCode \(answer.statusCode)\n")
      if !answer.accepted { invocation.err.write(answer.body + "\n") }
      return answer.accepted ? ExitCode.success : ExitCode.failure
    case "Event":
      return try runAsync(invocation, file: file)
    default:
      if let option = used(asyncOnly + ["retries", "on-failure", "time-scale"]) {
        throw CLIError.usage("--\(option) needs --invocation-type Event (or --source for streams)")
      }
      return nil
    }
  }

  /// A destination option parsed for `role`; bad values are usage errors naming the value.
  static func destination(_ args: ParsedArguments, _ name: String, role: DestinationTarget.Role)
    throws -> DestinationTarget?
  {
    guard let text = args.value(name) else { return nil }
    do {
      return try DestinationTarget.parse(text, role: role)
    } catch {
      throw CLIError.usage("--\(name): \(error)")
    }
  }

  /// The virtual clock, slowed by `--time-scale` when given.
  static func clock(_ args: ParsedArguments) throws -> VirtualClock {
    guard args.value("time-scale") != nil else { return VirtualClock() }
    return VirtualClock(timeScale: try args.double("time-scale", default: 1, range: 0.001...1e9))
  }

  /// Creates the function, reporting a configuration problem as a content error.
  static func makeFunction(_ invocation: CommandRun, file: String) throws -> LambdaFunction {
    let configuration = try configuration(invocation.args, file: file, context: invocation.context)
    do {
      return try LambdaFunction(configuration: configuration)
    } catch {
      throw CLIError.content("\(error)")
    }
  }

  /// Prints entries as they happen: a JSON line each, or a readable line plus the logs.
  static func observer(_ invocation: CommandRun, clock: @escaping @Sendable () -> VirtualClock?)
    -> @Sendable (DeliveryEntry) -> Void
  {
    let json = invocation.args.flag("json")
    let out = invocation.out
    let err = invocation.err
    return { entry in
      if json {
        if let clock = clock() { out.write(entry.jsonLine(clock: clock) + "\n") }
        return
      }
      if let record = entry.invocation { err.write(record.logs) }
      out.write(fitted(describe(entry), indent: 24, on: out) + "\n")
    }
  }

  /// `+0:01:00.012  queue   attempt 2  error ValueError  3 messages`.
  static func describe(_ entry: DeliveryEntry) -> String {
    let time = VirtualClock.offset(entry.at)
    let lane = DisplayWidth.padded(entry.lane, to: 8)
    switch entry.kind {
    case .delivery:
      let record = entry.invocation
      let status = record.map {
        $0.status == .success ? "ok" : ($0.errorType ?? $0.status.rawValue)
      }
      let duration = record.map { String(format: "%.1f ms", $0.durationMs) } ?? ""
      var text = "\(time)  \(lane)  attempt \(entry.attempt)  \(status ?? "")  \(duration)"
      if !entry.detail.isEmpty { text += "  \(entry.detail)" }
      return text
    case .destination, .deadLetter:
      return "\(time)  \(lane)  -> \(entry.target ?? "")  \(entry.detail)"
    case .retry, .parked, .dropped:
      return "\(time)  \(lane)  \(entry.detail)"
    }
  }

  /// On a terminal, `text` wrapped to its width, continuation lines under column `indent`
  /// (the text after the time and lane, or after a summary label); unchanged when piped.
  static func fitted(_ text: String, indent: Int, on out: OutputWriter) -> String {
    let width = out.settings.width
    guard out.settings.isTTY, width >= 20 else { return text }
    // On a narrow terminal the text column would leave too little room: indent by 2 instead.
    let hanging = width >= indent + 20 ? indent : 2
    return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
      line -> [String] in
      let text = String(line)
      guard DisplayWidth.of(text) > width else { return [text] }
      return WordWrapper.wrap(
        text, width: width, hangingIndent: hanging, breakingLongWords: false)
    }.joined(separator: "\n")
  }

  /// Summary, timeline and the records kept, after a human-readable run.
  static func printReport(_ invocation: CommandRun, log: DeliveryLog, headline: String) {
    let out = invocation.out
    let entries = log.entries
    out.write(
      "\n" + fitted(headline + DeliverySummary(entries: entries).text, indent: 14, on: out) + "\n")
    let settings = out.settings
    let glyphs: DeliveryTimeline.Glyphs = settings.supportsUnicode ? .unicode : .ascii
    out.write(
      DeliveryTimeline(entries: entries).render(width: min(settings.width, 120), glyphs: glyphs))
    let kept = entries.filter { $0.kind == .destination || $0.kind == .deadLetter }
    for entry in kept {
      guard let payload = entry.payload, let target = entry.target else { continue }
      out.write("\n\(target) received:\n\(payload.prettyPrinted())\n")
    }
  }

  /// `--invocation-type Event`: queue the event (`--times` copies), run every attempt.
  static func runAsync(_ invocation: CommandRun, file: String) throws -> ExitCode {
    let args = invocation.args
    let event = try loadEvent(args, context: invocation.context)
    let times = try args.int("times", default: 1, range: 1...10_000)
    let configuration = AsyncInvokeConfiguration(
      maximumRetryAttempts: try args.int("retries", default: 2),
      maximumEventAgeInSeconds: try args.int("max-event-age", default: 21_600),
      onSuccess: try destination(args, "on-success", role: .onSuccess),
      onFailure: try destination(args, "on-failure", role: .onFailure),
      deadLetterQueue: try destination(args, "dlq", role: .deadLetterQueue),
      duplicateRate: try args.double("duplicates", default: 0),
      seed: UInt64(try args.int("seed", default: 1, range: 0...Int.max)))
    do {
      try configuration.validate()
    } catch {
      throw CLIError.usage("\(error)")
    }
    let clock = try clock(args)
    let function = try makeFunction(invocation, file: file)
    defer { function.shutdown() }
    let log = DeliveryLog(observer: observer(invocation) { clock })
    let invoker = try AsyncInvoker(
      function: function, configuration: configuration, clock: clock, log: log)
    var ids: [String] = []
    for _ in 0..<times {
      let answer = invoker.submit(event)
      guard let id = answer.requestID else {
        invocation.err.write(answer.body + "\n")
        throw CLIError.content(
          "the Invoke API refused the event with \(answer.statusCode) "
            + "\(answer.errorType ?? ""); asynchronous events must be JSON and at most 1 MB")
      }
      ids.append(id)
      if !args.flag("json") { invocation.out.write("StatusCode 202  RequestId \(id)\n") }
    }
    let started = Date()
    invoker.drain()
    let outcomes = ids.compactMap { invoker.outcome(of: $0) }
    let succeeded = outcomes.filter { $0 == .succeeded }.count
    if args.flag("json") {
      let summary: JSONValue = [
        "type": "summary", "source": "async", "events": .int(ids.count),
        "succeeded": .int(succeeded),
        "retriesExhausted": .int(outcomes.filter { $0 == .retriesExhausted }.count),
        "eventAgeExceeded": .int(outcomes.filter { $0 == .eventAgeExceeded }.count),
        "virtualSeconds": .number(String(format: "%.3f", clock.now)),
        "wallSeconds": .number(String(format: "%.3f", Date().timeIntervalSince(started))),
      ]
      invocation.out.write(summary.compact() + "\n")
    } else {
      let headline =
        "events        \(ids.count) queued: \(succeeded) succeeded, "
        + "\(ids.count - succeeded) failed\n"
      printReport(invocation, log: log, headline: headline)
    }
    return succeeded == ids.count ? ExitCode.success : ExitCode.failure
  }
}
