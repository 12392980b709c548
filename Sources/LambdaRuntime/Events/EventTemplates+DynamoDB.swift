import JSON

/// DynamoDB Streams records: an item inserted, modified or removed, with typed attribute maps.
extension EventTemplates {
  static let dynamoDBCount = EventCount(defaultValue: 1, range: 1...10_000, noun: "stream records")

  static let dynamoDBInsert = EventTemplate(
    name: "dynamodb-insert", trigger: "DynamoDB Streams",
    description: "a new item was written to the table (INSERT, NewImage only)",
    parameters: [idParameter, messageParameter(default: "New item!")],
    count: dynamoDBCount,
    build: { input in
      dynamoDBEvent(input, eventName: "INSERT", newMessage: input.parameter("message"), old: nil)
    })

  static let dynamoDBModify = EventTemplate(
    name: "dynamodb-modify", trigger: "DynamoDB Streams",
    description: "an existing item was updated (MODIFY, NewImage and OldImage)",
    parameters: [
      idParameter, messageParameter(default: "This item has changed"),
      EventParameter(name: "oldMessage", defaultValue: "New item!", help: "`Message` before"),
    ],
    count: dynamoDBCount,
    build: { input in
      dynamoDBEvent(
        input, eventName: "MODIFY", newMessage: input.parameter("message"),
        old: input.parameter("oldMessage"))
    })

  static let dynamoDBRemove = EventTemplate(
    name: "dynamodb-remove", trigger: "DynamoDB Streams",
    description: "an item was deleted (REMOVE, OldImage only)",
    parameters: [idParameter, messageParameter(default: "This item has changed")],
    count: dynamoDBCount,
    build: { input in
      dynamoDBEvent(input, eventName: "REMOVE", newMessage: nil, old: input.parameter("message"))
    })

  private static let idParameter = EventParameter(
    name: "id", defaultValue: "101", help: "number key `Id` of the first item (next ones count up)",
    isInteger: true)

  private static func messageParameter(default value: String) -> EventParameter {
    EventParameter(name: "message", defaultValue: value, help: "string attribute `Message`")
  }

  private static func dynamoDBEvent(
    _ input: EventInput, eventName: String, newMessage: String?, old: String?
  ) -> JSONValue {
    let firstID = input.parameter("id")
    let records: [JSONValue] = (0..<input.count).map { position in
      let id = Int(firstID).map { String($0 + position) } ?? firstID
      let keys: JSONValue = ["Id": ["N": .string(id)]]
      var change: JSONValue = [
        "ApproximateCreationDateTime": .number(String(EventSamples.epochMilliseconds / 1000)),
        "Keys": keys,
      ]
      var size = "Id".utf8.count + id.utf8.count
      if let newMessage {
        change = change.setting(
          "NewImage", to: ["Message": ["S": .string(newMessage)], "Id": ["N": .string(id)]])
        size += "Message".utf8.count + newMessage.utf8.count + "Id".utf8.count + id.utf8.count
      }
      if let old {
        change = change.setting(
          "OldImage", to: ["Message": ["S": .string(old)], "Id": ["N": .string(id)]])
        size += "Message".utf8.count + old.utf8.count + "Id".utf8.count + id.utf8.count
      }
      let sequence = "44215845000000000" + String(17_450_439_091 + position)
      change = change.setting("SequenceNumber", to: .string(sequence))
        .setting("SizeBytes", to: .int(size))
        .setting("StreamViewType", to: "NEW_AND_OLD_IMAGES")
      return [
        "eventID": .string(MD5.hex("dynamodb \(eventName) \(position)")),
        "eventName": .string(eventName),
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": .string(EventSamples.region),
        "dynamodb": change,
        "eventSourceARN": .string(
          "arn:aws:dynamodb:\(EventSamples.region):\(EventSamples.account):"
            + "table/ExampleTableWithStream/stream/2026-01-01T00:00:00.000"),
      ]
    }
    return ["Records": .array(records)]
  }
}
