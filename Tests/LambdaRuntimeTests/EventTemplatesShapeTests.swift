import Foundation
import JSON
import Testing

@testable import LambdaRuntime

/// Every template is valid JSON with the fields, nesting and types of the real AWS event.
@Suite struct EventTemplatesShapeTests {
  enum Kind { case string, number, bool, object, array, null }

  /// Fields each event must carry (from the Lambda developer guide's example events).
  static let required: [String: [(String, Kind)]] = [
    "apigateway-rest": [
      ("resource", .string), ("path", .string), ("httpMethod", .string), ("headers", .object),
      ("multiValueHeaders", .object), ("queryStringParameters.name", .string),
      ("multiValueQueryStringParameters.name", .array), ("requestContext.accountId", .string),
      ("requestContext.httpMethod", .string), ("requestContext.identity.sourceIp", .string),
      ("requestContext.requestTimeEpoch", .number), ("requestContext.stage", .string),
      ("body", .null), ("isBase64Encoded", .bool),
    ],
    "apigateway-http": [
      ("version", .string), ("routeKey", .string), ("rawPath", .string),
      ("rawQueryString", .string), ("headers", .object), ("queryStringParameters.name", .string),
      ("requestContext.http.method", .string), ("requestContext.http.path", .string),
      ("requestContext.http.sourceIp", .string), ("requestContext.requestId", .string),
      ("requestContext.timeEpoch", .number), ("isBase64Encoded", .bool),
    ],
    "s3-put": s3Fields + [
      ("Records.0.s3.object.size", .number), ("Records.0.s3.object.eTag", .string),
    ],
    "s3-delete": s3Fields,
    "dynamodb-insert": dynamoFields + [("Records.0.dynamodb.NewImage.Message.S", .string)],
    "dynamodb-modify": dynamoFields + [
      ("Records.0.dynamodb.NewImage.Id.N", .string),
      ("Records.0.dynamodb.OldImage.Message.S", .string),
    ],
    "dynamodb-remove": dynamoFields + [("Records.0.dynamodb.OldImage.Id.N", .string)],
    "sqs": [
      ("Records.0.messageId", .string), ("Records.0.receiptHandle", .string),
      ("Records.0.body", .string), ("Records.0.attributes.ApproximateReceiveCount", .string),
      ("Records.0.attributes.SentTimestamp", .string), ("Records.0.messageAttributes", .object),
      ("Records.0.md5OfBody", .string), ("Records.0.eventSource", .string),
      ("Records.0.eventSourceARN", .string), ("Records.0.awsRegion", .string),
    ],
    "sns": [
      ("Records.0.EventVersion", .string), ("Records.0.EventSubscriptionArn", .string),
      ("Records.0.EventSource", .string), ("Records.0.Sns.MessageId", .string),
      ("Records.0.Sns.Message", .string), ("Records.0.Sns.Timestamp", .string),
      ("Records.0.Sns.TopicArn", .string), ("Records.0.Sns.MessageAttributes.Test.Type", .string),
      ("Records.0.Sns.Type", .string), ("Records.0.Sns.Subject", .string),
    ],
    "eventbridge-scheduled": eventBridgeFields + [("resources.0", .string)],
    "eventbridge-custom": eventBridgeFields + [("detail.orderId", .string)],
    "cloudwatch-logs": [("awslogs.data", .string)],
  ]

  static let s3Fields: [(String, Kind)] = [
    ("Records.0.eventVersion", .string), ("Records.0.eventSource", .string),
    ("Records.0.awsRegion", .string), ("Records.0.eventTime", .string),
    ("Records.0.eventName", .string), ("Records.0.userIdentity.principalId", .string),
    ("Records.0.s3.s3SchemaVersion", .string), ("Records.0.s3.bucket.name", .string),
    ("Records.0.s3.bucket.arn", .string), ("Records.0.s3.object.key", .string),
    ("Records.0.s3.object.sequencer", .string),
  ]
  static let dynamoFields: [(String, Kind)] = [
    ("Records.0.eventID", .string), ("Records.0.eventName", .string),
    ("Records.0.eventSource", .string), ("Records.0.awsRegion", .string),
    ("Records.0.dynamodb.Keys.Id.N", .string), ("Records.0.dynamodb.SequenceNumber", .string),
    ("Records.0.dynamodb.SizeBytes", .number), ("Records.0.dynamodb.StreamViewType", .string),
    ("Records.0.dynamodb.ApproximateCreationDateTime", .number),
    ("Records.0.eventSourceARN", .string),
  ]
  static let eventBridgeFields: [(String, Kind)] = [
    ("version", .string), ("id", .string), ("detail-type", .string), ("source", .string),
    ("account", .string), ("time", .string), ("region", .string), ("resources", .array),
    ("detail", .object),
  ]

  static func kind(of value: JSONValue) -> Kind {
    switch value {
    case .null: return .null
    case .bool: return .bool
    case .number: return .number
    case .string: return .string
    case .array: return .array
    case .object: return .object
    }
  }

  @Test func catalogueHasEveryTriggerOnce() {
    let names = EventTemplates.all.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(Set(names) == Set(Self.required.keys))
    for template in EventTemplates.all {
      #expect(!template.description.isEmpty && !template.trigger.isEmpty, "\(template.name)")
    }
  }

  @Test(arguments: EventTemplates.all.map(\.name))
  func parsesWithFoundationAndHasRequiredFields(name: String) throws {
    let data = try EventTemplates.generate(name: name)
    #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
    let event = try EventTestSupport.event(name)
    for (path, kind) in Self.required[name] ?? [] {
      let value = try #require(event.value(at: path), "\(name) lacks \(path)")
      #expect(Self.kind(of: value) == kind, "\(name): \(path) is \(value.typeName)")
    }
  }

  @Test func eventSourcesNameTheirService() throws {
    let expected = [
      "s3-put": "aws:s3", "dynamodb-insert": "aws:dynamodb", "sqs": "aws:sqs", "sns": "aws:sns",
    ]
    for (name, source) in expected {
      let event = try EventTestSupport.event(name)
      let field = name == "sns" ? "Records.0.EventSource" : "Records.0.eventSource"
      #expect(event.value(at: field) == .string(source), "\(name)")
    }
    #expect(try EventTestSupport.event("eventbridge-scheduled")["detail-type"] == "Scheduled Event")
    #expect(
      try EventTestSupport.event("s3-delete").value(at: "Records.0.eventName")
        == "ObjectRemoved:Delete")
    #expect(try EventTestSupport.event("apigateway-http")["version"] == "2.0")
  }

  @Test func sqsBatchHasDistinctMessagesWithTrueDigests() throws {
    let event = try EventTestSupport.event("sqs", count: 25)
    let records = try #require(event["Records"]?.arrayValue)
    #expect(records.count == 25)
    #expect(Set(records.compactMap { $0["messageId"]?.stringValue }).count == 25)
    #expect(Set(records.compactMap { $0["receiptHandle"]?.stringValue }).count == 25)
    for record in records {
      let body = try #require(record["body"]?.stringValue)
      #expect(record["md5OfBody"] == .string(MD5.hex(body)))
    }
  }

  @Test(.enabled(if: EventTestSupport.hasPython))
  func pythonAgreesWithEveryEventAndSQSDigest() throws {
    var all: JSONValue = [:]
    for template in EventTemplates.all {
      all = all.setting(template.name, to: try EventTestSupport.event(template.name))
    }
    let script = """
      import sys, json, hashlib
      events = json.load(sys.stdin)
      bad = [r['messageId'] for r in events['sqs']['Records']
             if hashlib.md5(r['body'].encode()).hexdigest() != r['md5OfBody']]
      print(len(events), len(bad))
      """
    let (status, out, err) = try EventTestSupport.runPython(script, input: Data(all.compact().utf8))
    #expect(status == 0, "python3 failed: \(err)")
    #expect(out.trimmingCharacters(in: .whitespacesAndNewlines) == "\(EventTemplates.all.count) 0")
  }

  @Test func dynamoDBCountNumbersTheItems() throws {
    let event = try EventTestSupport.event("dynamodb-insert", count: 3)
    let ids = (0..<3).compactMap {
      event.value(at: "Records.\($0).dynamodb.Keys.Id.N")?.stringValue
    }
    #expect(ids == ["101", "102", "103"])
    let sequences = (0..<3).compactMap {
      event.value(at: "Records.\($0).dynamodb.SequenceNumber")?.stringValue
    }
    #expect(Set(sequences).count == 3)
  }
}
