import Foundation
import JSON

/// Amazon SQS: a batch of messages from a standard queue, with real MD5 digests of the bodies.
extension EventTemplates {
  static let sqs = EventTemplate(
    name: "sqs", trigger: "Amazon SQS",
    description: "a batch of messages polled from a standard queue",
    parameters: [
      EventParameter(
        name: "body", defaultValue: "",
        help: "body of every message (default: `Test message N.`)"),
      EventParameter(name: "queue", defaultValue: "my-queue", help: "queue name"),
    ],
    count: EventCount(defaultValue: 3, range: 1...10_000, noun: "messages"),
    build: { input in
      let body = input.parameter("body")
      let queueARN =
        "arn:aws:sqs:\(EventSamples.region):\(EventSamples.account):"
        + input.parameter("queue")
      let records: [JSONValue] = (0..<input.count).map { position in
        let text = body.isEmpty ? "Test message \(position + 1)." : body
        let sent = EventSamples.epochMilliseconds + Int64(position) * 7
        return [
          "messageId": .string(EventSamples.uuid("sqs message \(position)")),
          "receiptHandle": .string(receiptHandle(position)),
          "body": .string(text),
          "attributes": [
            "ApproximateReceiveCount": "1",
            "SentTimestamp": .string(String(sent)),
            "SenderId": "AIDAIENQZJOLO23YVJ4VO",
            "ApproximateFirstReceiveTimestamp": .string(String(sent + 2)),
          ],
          "messageAttributes": [:],
          "md5OfBody": .string(MD5.hex(text)),
          "eventSource": "aws:sqs",
          "eventSourceARN": .string(queueARN),
          "awsRegion": .string(EventSamples.region),
        ]
      }
      return ["Records": .array(records)]
    },
    adjust: { path, value in
      let isBody = path.count == 3 && path[0] == "Records" && path[2] == "body"
      return isBody ? JSONValue.text(value) : value
    },
    finish: { event, input in
      // Keep md5OfBody true to the body unless the learner set the digest on purpose.
      guard let records = event["Records"]?.arrayValue else { return event }
      var updated = event
      for (position, record) in records.enumerated() {
        guard let body = record["body"]?.stringValue,
          !input.overrode(["Records", String(position), "md5OfBody"])
        else { continue }
        updated = updated.updating(["Records", String(position)]) {
          $0.setting("md5OfBody", to: .string(MD5.hex(body)))
        }
      }
      return updated
    })

  /// A receipt handle shaped like SQS's: `AQEB` followed by base64 text.
  private static func receiptHandle(_ position: Int) -> String {
    let seed = (0..<6).flatMap { MD5.digest(Array("sqs receipt \(position) \($0)".utf8)) }
    return "AQEB" + Data(seed).base64EncodedString()
  }
}
