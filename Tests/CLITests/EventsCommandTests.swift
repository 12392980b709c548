import Foundation
import Testing

/// `lambdalings events` end to end, through the built binary.
@Suite struct EventsCommandTests {
  private func run(_ arguments: [String], columns: Int? = nil) throws -> BinaryRunner.Output {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    return try runner.run(arguments, environment: columns.map { ["COLUMNS": String($0)] } ?? [:])
  }

  private func json(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any], "not a JSON object: \(text.prefix(200))")
  }

  private func records(_ event: [String: Any]) -> [[String: Any]] {
    event["Records"] as? [[String: Any]] ?? []
  }

  @Test func listShowsEveryTemplateWithItsTrigger() throws {
    let output = try run(["events", "list"], columns: 120)
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("NAME") == true)
    #expect(
      lines.first?.contains("TRIGGER") == true && lines.first?.contains("DESCRIPTION") == true)
    let expected = [
      ("apigateway-rest", "API Gateway (REST API)"), ("apigateway-http", "API Gateway (HTTP API)"),
      ("s3-put", "Amazon S3"), ("s3-delete", "Amazon S3"), ("dynamodb-insert", "DynamoDB Streams"),
      ("dynamodb-modify", "DynamoDB Streams"), ("dynamodb-remove", "DynamoDB Streams"),
      ("sqs", "Amazon SQS"), ("sns", "Amazon SNS"), ("eventbridge-scheduled", "Amazon EventBridge"),
      ("eventbridge-custom", "Amazon EventBridge"), ("cloudwatch-logs", "Amazon CloudWatch Logs"),
    ]
    for (name, trigger) in expected {
      let row = lines.first { $0.hasPrefix(name + " ") }
      #expect(row?.contains(trigger) == true, "no row for \(name) with \(trigger)")
    }
    #expect(!output.stdout.contains("\u{1B}["), "no colour when not a terminal")
    #expect(try run(["events"], columns: 120).stdout == output.stdout, "list is the default")
  }

  @Test func narrowTerminalsWrapDescriptionsWithinTheWidth() throws {
    let output = try run(["events", "list"], columns: 50)
    #expect(output.status == 0)
    for line in output.stdout.split(separator: "\n") {
      #expect(line.count <= 50, "too wide: \(line)")
    }
    #expect(output.stdout.contains("cloudwatch-logs"))
  }

  @Test func aFortyColumnTerminalGetsOneBlockPerTemplate() throws {
    let output = try run(["events", "list"], columns: 40)
    #expect(output.status == 0)
    let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.allSatisfy { $0.count <= 40 }, "too wide: \(lines.filter { $0.count > 40 })")
    #expect(!output.stdout.contains("TRIGGER"), "no column header without columns")
    // Each name alone on its line, its trigger starting the indented text under it.
    let name = try #require(lines.firstIndex { $0 == "eventbridge-scheduled" })
    #expect(lines[name + 1].hasPrefix("    Amazon EventBridge: a scheduled"))
    let logs = try #require(lines.firstIndex { $0 == "cloudwatch-logs" })
    #expect(lines[logs + 1].hasPrefix("    Amazon CloudWatch Logs:"))
    #expect(output.stdout.contains("Print one:\n    lambdalings events generate NAME\n"))
  }

  @Test func showListsParametersAndCount() throws {
    let output = try run(["events", "show", "sqs"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("body"))
    #expect(output.stdout.contains("queue"))
    #expect(output.stdout.contains("--count N: 1 to 10000 messages (default 3)"))
  }

  @Test func generatePrintsTheTemplateExactly() throws {
    let output = try run(["events", "generate", "apigateway-http"])
    #expect(output.status == 0, "\(output.stderr)")
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "LambdaRuntimeTests/EventFixtures/apigateway-http.json")
    #expect(output.stdout == String(decoding: try Data(contentsOf: fixture), as: UTF8.self))
    #expect(output.stderr.isEmpty)
  }

  @Test func generateAppliesSetAndCount() throws {
    let output = try run([
      "events", "generate", "sqs", "--count", "5", "--set", "body=hello",
      "--set", "Records.4.body=last one",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let messages = records(try json(output.stdout))
    #expect(messages.count == 5)
    #expect(messages.first?["body"] as? String == "hello")
    #expect(messages.last?["body"] as? String == "last one")
    #expect(messages.last?["md5OfBody"] as? String == "c782a0a5d3c71ac7f3d071272f58812d")
  }

  @Test func s3KeysComeOutURLEncoded() throws {
    let output = try run([
      "events", "generate", "s3-put", "--set", "Records.0.s3.object.key=photos/my cat.jpg",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let s3 = records(try json(output.stdout)).first?["s3"] as? [String: Any]
    let object = s3?["object"] as? [String: Any]
    #expect(object?["key"] as? String == "photos/my+cat.jpg")
  }

  @Test func unknownTemplateSuggestsTheClosestName() throws {
    let output = try run(["events", "generate", "dynamo-modify"])
    #expect(output.status == 2)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.contains("unknown event template `dynamo-modify`"))
    #expect(output.stderr.contains("Did you mean `dynamodb-modify`?"))
  }

  @Test func mistakesAreUsageErrors() throws {
    let cases: [([String], String)] = [
      (["events", "generate", "sns", "--count", "2"], "takes no --count"),
      (["events", "generate", "sqs", "--count", "0"], "out of range"),
      (["events", "generate", "sqs", "--set", "nobody"], "is not of the form path=value"),
      (["events", "generate", "sqs", "--set", "Records.9.body=x"], "use an index from 0 to 3"),
      (["events", "generate"], "needs a template NAME"),
      (["events", "lst"], "Did you mean 'lambdalings events list'?"),
      (["events", "list", "--count", "3"], "belong to 'events generate NAME'"),
    ]
    for (arguments, message) in cases {
      let output = try run(arguments)
      #expect(output.status == 2, "\(arguments) exited \(output.status)")
      #expect(output.stderr.contains(message), "\(arguments): \(output.stderr)")
    }
  }
}
