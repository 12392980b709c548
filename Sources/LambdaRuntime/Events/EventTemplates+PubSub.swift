import JSON

/// Publish/subscribe sources: an SNS notification from a topic the function subscribes to, and
/// EventBridge events (a scheduled rule firing, a custom application event) from a bus.
extension EventTemplates {
  static let sns = EventTemplate(
    name: "sns", trigger: "Amazon SNS",
    description: "a notification published to a topic",
    parameters: [
      EventParameter(name: "message", defaultValue: "Hello from SNS!", help: "message text"),
      EventParameter(name: "subject", defaultValue: "TestInvoke", help: "message subject"),
      EventParameter(name: "topic", defaultValue: "sns-lambda", help: "topic name"),
    ],
    build: { input in
      let topicARN =
        "arn:aws:sns:\(EventSamples.region):\(EventSamples.account):"
        + input.parameter("topic")
      let subscription = EventSamples.uuid("sns subscription")
      let host = "https://sns.\(EventSamples.region).amazonaws.com"
      return [
        "Records": [
          [
            "EventVersion": "1.0",
            "EventSubscriptionArn": .string(topicARN + ":" + subscription),
            "EventSource": "aws:sns",
            "Sns": [
              "SignatureVersion": "1",
              "Timestamp": .string(EventSamples.iso8601()),
              "Signature": "tcc6faL2yUC6dgZdmrwh1Y4cGa/ebXEkAi6RibDsvpi+tE/1+82j...65r==",
              "SigningCertUrl": .string(
                host + "/SimpleNotificationService-ac565b8b1a6c5d002d285f9598aa1d9b.pem"),
              "MessageId": .string(EventSamples.uuid("sns message")),
              "Message": .string(input.parameter("message")),
              "MessageAttributes": [
                "Test": ["Type": "String", "Value": "TestString"]
              ],
              "Type": "Notification",
              "UnsubscribeUrl": .string(
                host + "/?Action=Unsubscribe&SubscriptionArn=" + topicARN + ":" + subscription),
              "TopicArn": .string(topicARN),
              "Subject": .string(input.parameter("subject")),
            ],
          ]
        ]
      ]
    },
    adjust: { path, value in path.last == "Message" ? JSONValue.text(value) : value })

  // MARK: EventBridge

  static let eventBridgeScheduled = EventTemplate(
    name: "eventbridge-scheduled", trigger: "Amazon EventBridge",
    description: "a scheduled rule fired (rate or cron expression)",
    parameters: [EventParameter(name: "rule", defaultValue: "my-schedule", help: "rule name")],
    build: { input in
      envelope(
        id: "scheduled", detailType: "Scheduled Event", source: "aws.events",
        resources: [
          .string(
            "arn:aws:events:\(EventSamples.region):\(EventSamples.account):rule/"
              + input.parameter("rule"))
        ],
        detail: [:])
    })

  static let eventBridgeCustom = EventTemplate(
    name: "eventbridge-custom", trigger: "Amazon EventBridge",
    description: "a custom event put on an event bus by an application (PutEvents)",
    build: { _ in
      envelope(
        id: "custom", detailType: "Order Placed", source: "com.example.orders",
        resources: [],
        detail: ["orderId": "order-1001", "customerId": "customer-42", "amount": .number("59.90")])
    })

  /// The EventBridge envelope; `detail` carries the source's own payload.
  private static func envelope(
    id: String, detailType: String, source: String, resources: [JSONValue], detail: JSONValue
  ) -> JSONValue {
    [
      "version": "0",
      "id": .string(EventSamples.uuid("eventbridge " + id)),
      "detail-type": .string(detailType),
      "source": .string(source),
      "account": .string(EventSamples.account),
      "time": .string(EventSamples.iso8601(fraction: false)),
      "region": .string(EventSamples.region),
      "resources": .array(resources),
      "detail": detail,
    ]
  }
}
