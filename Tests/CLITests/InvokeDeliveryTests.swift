import Foundation
import Testing

/// `invoke --invocation-type Event|DryRun` and `invoke --source sqs|dynamodb|kinesis` through
/// the built binary, with Python and Node handlers written into each runner's own folder.
@Suite(.enabled(if: InvokeSetup.hasPython, "python3 is not on PATH"))
struct InvokeDeliveryTests {
  enum Language: String, CaseIterable {
    case python, node

    var available: Bool { self == .python ? InvokeSetup.hasPython : InvokeSetup.hasNode }
    var file: String { self == .python ? "handler.py" : "handler.mjs" }
  }

  /// Handler sources by behaviour.
  static func source(_ name: String, _ language: Language) -> String {
    switch (name, language) {
    case ("fails", .python):
      return "def lambda_handler(event, context):\n    raise ValueError('cannot ship')\n"
    case ("fails", .node):
      return "export const handler = async () => { throw new Error('cannot ship'); };\n"
    case ("ok", .python):
      return "def lambda_handler(event, context):\n    return {'shipped': True}\n"
    case ("ok", .node):
      return "export const handler = async () => ({ shipped: true });\n"
    case ("partial", .python):
      return """
        def lambda_handler(event, context):
            bad = [r['messageId'] for r in event['Records'] if r['body'] in ('3', '7')]
            return {'batchItemFailures': [{'itemIdentifier': i} for i in bad]}

        """
    case ("partial", .node):
      return """
        export const handler = async (event) => ({
          batchItemFailures: event.Records.filter((r) => ['3', '7'].includes(r.body))
            .map((r) => ({ itemIdentifier: r.messageId })),
        });

        """
    case ("poison", .python):
      return """
        def lambda_handler(event, context):
            for record in event['Records']:
                if record['dynamodb']['NewImage']['Message']['S'] == 'm3':
                    raise ValueError('poison record')
            return None

        """
    default:
      return """
        export const handler = async (event) => {
          for (const r of event.Records) {
            if (r.dynamodb.NewImage.Message.S === 'm3') throw new Error('poison record');
          }
        };

        """
    }
  }

  /// Writes `files` into a fresh runner folder, runs `arguments` there, cleans up.
  static func run(_ arguments: [String], files: [String: String]) throws -> BinaryRunner.Output {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    for (name, text) in files {
      try text.write(
        toFile: "\(runner.directory)/\(name)", atomically: true, encoding: .utf8)
    }
    return try runner.run(arguments)
  }

  /// The `--json` lines, parsed.
  static func lines(_ output: BinaryRunner.Output) -> [[String: Any]] {
    output.stdout.split(separator: "\n").compactMap {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
  }

  @Test(arguments: Language.allCases)
  func asyncFailureIsRetriedTwiceThenRecordedOnFailure(_ language: Language) throws {
    guard language.available else {
      print("skipped: \(language.rawValue) is not on PATH")
      return
    }
    let output = try Self.run(
      [
        "invoke", language.file, "--invocation-type", "Event", "--on-failure", "sqs:failed",
        "--json",
      ],
      files: [language.file: Self.source("fails", language)])
    #expect(output.status == 1, "\(output.stderr)")
    let lines = Self.lines(output)
    let deliveries = lines.filter { $0["type"] as? String == "delivery" }
    #expect(deliveries.count == 3)
    let at = deliveries.compactMap { $0["at"] as? Double }
    // Times are printed to the millisecond, so a gap of 120 s plus a sub-millisecond handler
    // can read 119.999: allow one rounding step either way.
    #expect(at.count == 3 && at[1] - at[0] >= 59.998 && at[1] - at[0] < 62)
    #expect(at.count == 3 && at[2] - at[1] >= 119.998 && at[2] - at[1] < 122)
    let destination = try #require(lines.first { $0["type"] as? String == "destination" })
    #expect(destination["target"] as? String == "sqs:failed")
    let record = destination["record"] as? [String: Any]
    let context = record?["requestContext"] as? [String: Any]
    #expect(context?["condition"] as? String == "RetriesExhausted")
    #expect(context?["approximateInvokeCount"] as? Int == 3)
    let summary = lines.last
    #expect(summary?["type"] as? String == "summary")
    #expect(summary?["retriesExhausted"] as? Int == 1)
    #expect((summary?["wallSeconds"] as? Double ?? 99) < 30, "minutes of retries in seconds")
  }

  @Test(arguments: Language.allCases)
  func asyncSuccessGoesToTheOnSuccessDestination(_ language: Language) throws {
    guard language.available else {
      print("skipped: \(language.rawValue) is not on PATH")
      return
    }
    let output = try Self.run(
      ["invoke", language.file, "--invocation-type", "Event", "--on-success", "sns:done"],
      files: [language.file: Self.source("ok", language)])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.hasPrefix("StatusCode 202  RequestId "))
    #expect(output.stdout.contains("sns:done received:"))
    #expect(output.stdout.contains("\"condition\": \"Success\""))
    #expect(output.stdout.contains("\"shipped\": true"))
    #expect(output.stdout.contains("destinations  sns:done 1"))
  }

  @Test(arguments: Language.allCases)
  func dryRunAnswers204WithoutRunning(_ language: Language) throws {
    guard language.available else {
      print("skipped: \(language.rawValue) is not on PATH")
      return
    }
    let output = try Self.run(
      ["invoke", language.file, "--invocation-type", "DryRun"],
      files: [language.file: Self.source("fails", language)])
    #expect(output.status == 0)
    #expect(output.stdout == "StatusCode 204\n")
    #expect(!output.stderr.contains("START RequestId"))
  }

  @Test(arguments: Language.allCases)
  func sqsBatchWithTwoBadMessagesEndsWithThemInTheDLQ(_ language: Language) throws {
    guard language.available else {
      print("skipped: \(language.rawValue) is not on PATH")
      return
    }
    let messages = "[" + (1...10).map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    let output = try Self.run(
      [
        "invoke", language.file, "--source", "sqs", "--messages", "messages.json",
        "--report-batch-item-failures", "--max-receive-count", "3", "--json",
      ],
      files: [language.file: Self.source("partial", language), "messages.json": messages])
    #expect(output.status == 1, "\(output.stderr)")
    let lines = Self.lines(output)
    let summary = try #require(lines.last)
    #expect(summary["processed"] as? Int == 8)
    #expect(summary["deadLettered"] as? Int == 2)
    #expect(summary["invocations"] as? Int == 3)
    let moved = lines.filter { $0["type"] as? String == "dead-letter" }
    #expect(
      moved.compactMap { ($0["record"] as? [String: Any])?["body"] as? String } == ["3", "7"])
    #expect(moved.allSatisfy { $0["attempt"] as? Int == 3 })
  }

  @Test(arguments: Language.allCases)
  func poisonStreamRecordIsIsolatedByBisect(_ language: Language) throws {
    guard language.available else {
      print("skipped: \(language.rawValue) is not on PATH")
      return
    }
    let items =
      "[" + (1...4).map { #"{"Id": \#($0), "Message": "m\#($0)"}"# }.joined(separator: ", ")
      + "]"
    let output = try Self.run(
      [
        "invoke", language.file, "--source", "dynamodb", "--messages", "items.json", "--bisect",
        "--retries", "0", "--on-failure", "sqs:stream-failures", "--json",
      ],
      files: [language.file: Self.source("poison", language), "items.json": items])
    #expect(output.status == 1, "\(output.stderr)")
    let lines = Self.lines(output)
    let summary = try #require(lines.last)
    #expect(summary["processed"] as? Int == 3)
    #expect(summary["discarded"] as? Int == 1)
    let record = lines.first { $0["type"] as? String == "destination" }?["record"]
    let info = (record as? [String: Any])?["DDBStreamBatchInfo"] as? [String: Any]
    #expect(info?["batchSize"] as? Int == 1)
  }

  @Test(arguments: Language.allCases)
  func kinesisRecordsFromATemplateAreProcessed(_ language: Language) throws {
    guard language.available else {
      print("skipped: \(language.rawValue) is not on PATH")
      return
    }
    let output = try Self.run(
      [
        "invoke", language.file, "--source", "kinesis", "--event-template", "sqs", "--count",
        "5", "--batch-size", "2",
      ],
      files: [language.file: Self.source("ok", language)])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("records       5 on 1 shard: 5 processed, 0 discarded, 0 left"))
    #expect(output.stdout.contains("shard 1"))
  }

  @Test(arguments: Language.allCases)
  func fifoQueueKeepsEachGroupInOrder(_ language: Language) throws {
    guard language.available else {
      print("skipped: \(language.rawValue) is not on PATH")
      return
    }
    // The handler answers with the bodies and group ids it got, in order.
    let handler =
      language == .python
      ? "def lambda_handler(event, context):\n    return [[r['body'], "
        + "r['attributes']['MessageGroupId']] for r in event['Records']]\n"
      : "export const handler = async (event) => event.Records.map((r) => "
        + "[r.body, r.attributes.MessageGroupId]);\n"
    let messages = """
      [{"body": "a1", "messageGroupId": "A"}, {"body": "b1", "messageGroupId": "B"},
       {"body": "a2", "messageGroupId": "A"}, {"body": "b2", "messageGroupId": "B"},
       {"body": "a3", "messageGroupId": "A"}]
      """
    let output = try Self.run(
      [
        "invoke", language.file, "--source", "sqs", "--fifo", "--messages", "messages.json",
        "--batch-size", "2", "--json",
      ],
      files: [language.file: handler, "messages.json": messages])
    #expect(output.status == 0, "\(output.stderr)")
    let lines = Self.lines(output)
    let results = lines.filter { $0["type"] as? String == "delivery" }.compactMap {
      ($0["invocation"] as? [String: Any])?["result"] as? [[String]]
    }
    let seen = results.flatMap { $0 }
    #expect(seen.count == 5, "\(lines)")
    #expect(seen.filter { $0.last == "A" }.map(\.first) == ["a1", "a2", "a3"])
    #expect(seen.filter { $0.last == "B" }.map(\.first) == ["b1", "b2"])
    #expect(results.allSatisfy { $0.count <= 2 })
    #expect(lines.last?["queue"] as? String == "my-queue.fifo")
  }

  @Test func timeScaleSlowsTheRetryScheduleDownToWatchIt() throws {
    // One retry after 60 virtual seconds, at 60 virtual seconds per real second: about 1 s.
    let output = try Self.run(
      [
        "invoke", "handler.py", "--invocation-type", "Event", "--retries", "1", "--time-scale",
        "60", "--json",
      ],
      files: ["handler.py": Self.source("fails", .python)])
    #expect(output.status == 1, "\(output.stderr)")
    let summary = try #require(Self.lines(output).last)
    let wall = summary["wallSeconds"] as? Double ?? 0
    #expect(wall >= 0.95 && wall < 20, "wall \(wall) s")
    #expect((summary["virtualSeconds"] as? Double ?? 0) >= 60)
  }

  @Test func badInputIsAUsageErrorNamingTheValue() throws {
    let files = ["handler.py": Self.source("ok", .python), "broken.json": "[\"a\",\n  nope]"]
    let cases: [([String], String)] = [
      (["--source", "sqs", "--messages", "broken.json"], "broken.json:2"),
      (["--source", "sqs", "--event-template", "sqs", "--batch-size", "0"], "batch size 0"),
      (["--source", "sqs", "--event-template", "sqs", "--batch-size", "20000"], "20000"),
      (
        ["--source", "sqs", "--fifo", "--event-template", "sqs", "--batch-size", "11"],
        "1-10 for a FIFO queue"
      ),
      (["--invocation-type", "Event", "--on-failure", "kafka:orders"], "'kafka:orders'"),
      (["--invocation-type", "Event", "--on-success", "s3:bucket"], "'s3:bucket'"),
      (["--invocation-type", "Event", "--retries", "3"], "MaximumRetryAttempts 3"),
      (["--source", "sqs"], "--messages FILE"),
      (["--batch-size", "5"], "--source"),
      (["--invocation-type", "Later"], "'Later'"),
    ]
    for (arguments, expected) in cases {
      let output = try Self.run(["invoke", "handler.py"] + arguments, files: files)
      #expect(output.status == 2, "\(arguments): \(output.stderr)")
      #expect(output.stderr.contains(expected), "\(arguments): \(output.stderr)")
      #expect(!output.stderr.contains("START RequestId"), "nothing ran for \(arguments)")
    }
  }

  @Test func visibilityTimeoutUnderSixTimesTheFunctionTimeoutIsWarned() throws {
    let output = try Self.run(
      [
        "invoke", "handler.py", "--source", "sqs", "--event-template", "sqs", "--timeout", "10",
        "--visibility-timeout", "30",
      ],
      files: ["handler.py": Self.source("ok", .python)])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stderr.contains("warning: the visibility timeout (30 s) is under 6 times"))
  }
}
