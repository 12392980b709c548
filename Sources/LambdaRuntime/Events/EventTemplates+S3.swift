import JSON

/// Amazon S3 event notifications: object created (PUT) and object deleted.
extension EventTemplates {
  static let s3Parameters = [
    EventParameter(name: "bucket", defaultValue: "amzn-s3-demo-bucket", help: "bucket name"),
    EventParameter(
      name: "key", defaultValue: "photos/my cat.jpg",
      help: "object key as stored; the event carries it URL-encoded (spaces as +)"),
  ]

  static let s3Put = EventTemplate(
    name: "s3-put", trigger: "Amazon S3",
    description: "an object was uploaded (ObjectCreated:Put)",
    parameters: s3Parameters + [
      EventParameter(
        name: "size", defaultValue: "1024", help: "object size in bytes", isInteger: true)
    ],
    build: { input in
      let size = JSONValue.int(Int(input.parameter("size")) ?? 0)
      let object: JSONValue = [
        "key": .string(EventSamples.s3Key(input.parameter("key"))),
        "size": size,
        "eTag": .string(MD5.hex(input.parameter("key"))),
        "sequencer": "0067890ABC1234DEF0",
      ]
      return s3Event(input, eventName: "ObjectCreated:Put", object: object)
    },
    adjust: adjustS3Key)

  static let s3Delete = EventTemplate(
    name: "s3-delete", trigger: "Amazon S3",
    description: "an object was deleted (ObjectRemoved:Delete)",
    parameters: s3Parameters,
    build: { input in
      let object: JSONValue = [
        "key": .string(EventSamples.s3Key(input.parameter("key"))),
        "sequencer": "0067890ABC1234DEF1",
      ]
      return s3Event(input, eventName: "ObjectRemoved:Delete", object: object)
    },
    adjust: adjustS3Key)

  /// `--set Records.N.s3.object.key=...` takes the key as stored and URL-encodes it like S3.
  @Sendable static func adjustS3Key(_ path: [String], _ value: JSONValue) -> JSONValue {
    guard path.count == 5, path[0] == "Records", Array(path[2...]) == ["s3", "object", "key"]
    else { return value }
    return .string(EventSamples.s3Key(value.stringValue ?? value.compact()))
  }

  private static func s3Event(_ input: EventInput, eventName: String, object: JSONValue)
    -> JSONValue
  {
    let bucket = input.parameter("bucket")
    return [
      "Records": [
        [
          "eventVersion": "2.1",
          "eventSource": "aws:s3",
          "awsRegion": .string(EventSamples.region),
          "eventTime": .string(EventSamples.iso8601()),
          "eventName": .string(eventName),
          "userIdentity": ["principalId": "AWS:AIDAEXAMPLEUSERID12"],
          "requestParameters": ["sourceIPAddress": "198.51.100.24"],
          "responseElements": [
            "x-amz-request-id": "C3D13FE58DE4C810",
            "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD",
          ],
          "s3": [
            "s3SchemaVersion": "1.0",
            "configurationId": "lambdalings-trigger",
            "bucket": [
              "name": .string(bucket),
              "ownerIdentity": ["principalId": "A3NL1KOZZKExample"],
              "arn": .string("arn:aws:s3:::" + bucket),
            ],
            "object": object,
          ],
        ]
      ]
    ]
  }
}
