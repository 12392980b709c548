import Foundation
import JSON

/// CloudWatch Logs subscription: `awslogs.data` is base64 of gzip of a JSON document.
///
/// Overrides reach inside the document before it is compressed, e.g.
/// `--set awslogs.data.logEvents.0.message=ERROR boom`.
extension EventTemplates {
  static let cloudWatchLogs = EventTemplate(
    name: "cloudwatch-logs", trigger: "Amazon CloudWatch Logs",
    description: "log events delivered by a subscription filter (gzip + base64 payload)",
    parameters: [
      EventParameter(
        name: "message", defaultValue: "",
        help: "message of every log event (default: the log lines of one invocation)"),
      EventParameter(name: "logGroup", defaultValue: "/aws/lambda/my-function", help: "log group"),
    ],
    count: EventCount(defaultValue: 4, range: 1...10_000, noun: "log events"),
    build: { input in
      let requestID = EventSamples.uuid("cloudwatch-logs request")
      let time = EventSamples.iso8601()
      let samples = [
        "START RequestId: \(requestID) Version: $LATEST\n",
        "[INFO]\t\(time)\t\(requestID)\tProcessing order order-1001\n",
        "END RequestId: \(requestID)\n",
        "REPORT RequestId: \(requestID)\tDuration: 12.34 ms\tBilled Duration: 13 ms\t"
          + "Memory Size: 128 MB\tMax Memory Used: 41 MB\t\n",
      ]
      let message = input.parameter("message")
      let events: [JSONValue] = (0..<input.count).map { position in
        [
          "id": .string(logEventID(position)),
          "timestamp": .number(String(EventSamples.epochMilliseconds + Int64(position))),
          "message": .string(message.isEmpty ? samples[position % samples.count] : message),
        ]
      }
      let document: JSONValue = [
        "messageType": "DATA_MESSAGE",
        "owner": .string(EventSamples.account),
        "logGroup": .string(input.parameter("logGroup")),
        "logStream": "2026/01/15/[$LATEST]94fa867e5374431291a7fc14e2f56ae7",
        "subscriptionFilters": ["LambdaStream_lambdalings"],
        "logEvents": .array(events),
      ]
      return ["awslogs": ["data": document]]
    },
    finish: { event, _ in
      // A string here means the learner supplied the encoded payload; keep it as given.
      guard let document = event["awslogs"]?["data"], document.stringValue == nil else {
        return event
      }
      return event.updating(["awslogs", "data"]) { _ in .string(encodeLogData(document)) }
    })

  /// base64(gzip(compact JSON)), the encoding CloudWatch Logs uses for `awslogs.data`.
  static func encodeLogData(_ document: JSONValue) -> String {
    Data(Gzip.wrap(Array(document.compact().utf8))).base64EncodedString()
  }

  /// A 56-digit log event id, as CloudWatch Logs assigns them.
  private static func logEventID(_ position: Int) -> String {
    let digits = MD5.digest(Array("log event \(position)".utf8)).map { String($0 % 10) }
    return "3862231609969788470654097606882285901266122014164389" + digits.prefix(4).joined()
  }
}
