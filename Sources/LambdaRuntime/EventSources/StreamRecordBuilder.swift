import Foundation
import JSON

/// Turns a document of records into DynamoDB Streams or Kinesis event records, shaped as the
/// Lambda developer guide's examples (with-ddb.html, with-kinesis.html), with the sequence
/// numbers and event ids of the shard they land on.
enum StreamRecordBuilder {
  /// One record before it is placed on a shard: its payload and its routing key.
  struct Input {
    var value: JSONValue
    var key: String
  }

  /// Inputs from a document: a stream event (`{"Records": [...]}`), or a list whose entries
  /// are stream records (with a `dynamodb` or `kinesis` member), or plain items: for DynamoDB
  /// an object (an INSERT of that item, typed), for Kinesis any JSON (the record's data) or an
  /// object with `data` and `partitionKey`.
  static func inputs(from document: JSONValue, kind: DestinationRecords.StreamKind) throws
    -> [Input]
  {
    let entries: [JSONValue]
    if let records = document["Records"]?.arrayValue {
      entries = records
    } else if let list = document.arrayValue {
      entries = list
    } else {
      throw DeliveryError.invalidInput(
        "expected a list of records (or a stream event with Records), found \(document.typeName)")
    }
    return try entries.enumerated().map { index, entry in
      switch kind {
      case .dynamodb:
        if let change = entry["dynamodb"] {
          return Input(value: entry, key: change["Keys"]?.compact() ?? String(index))
        }
        guard let members = entry.objectMembers, let first = members.first else {
          throw DeliveryError.invalidInput(
            "record \(index + 1): a DynamoDB item must be a non-empty object, found "
              + entry.typeName)
        }
        let keyName = members.contains { $0.0 == "Id" } ? "Id" : first.0
        let keyValue = entry[keyName] ?? first.1
        return Input(
          value: [
            "eventName": "INSERT",
            "dynamodb": [
              "Keys": .object([(keyName, typed(keyValue))]),
              "NewImage": .object(members.map { ($0.0, typed($0.1)) }),
            ],
          ], key: keyValue.compact())
      case .kinesis:
        if let record = entry["kinesis"] {
          return Input(
            value: entry, key: record["partitionKey"]?.stringValue ?? String(index))
        }
        if let data = entry["data"], let key = entry["partitionKey"]?.stringValue {
          return Input(value: ["data": data], key: key)
        }
        return Input(value: ["data": entry], key: String(index))
      }
    }
  }

  /// A plain JSON value as a DynamoDB typed attribute (`{"S": ...}`, `{"N": ...}`, ...).
  static func typed(_ value: JSONValue) -> JSONValue {
    switch value {
    case .null: return ["NULL": true]
    case .bool(let flag): return ["BOOL": .bool(flag)]
    case .number(let text): return ["N": .string(text)]
    case .string(let text): return ["S": .string(text)]
    case .array(let elements): return ["L": .array(elements.map(typed))]
    case .object(let members): return ["M": .object(members.map { ($0.0, typed($0.1)) })]
    }
  }

  /// The shard id of shard `index` (0-based).
  static func shardID(_ index: Int, kind: DestinationRecords.StreamKind) -> String {
    switch kind {
    case .dynamodb:
      return "shardId-00000001767225600000-" + String(MD5.hex("shard \(index)").prefix(8))
    case .kinesis:
      return "shardId-" + String(format: "%012d", index)
    }
  }

  /// The `position`th sequence number of shard `shard`: digits that sort in order.
  static func sequenceNumber(shard: Int, position: Int, kind: DestinationRecords.StreamKind)
    -> String
  {
    switch kind {
    case .dynamodb:
      return "4421584500000000" + String(format: "%02d", shard) + String(17_450_439_091 + position)
    case .kinesis:
      return "4959033827149025660855969253836157109592157598913658"
        + String(format: "%02d", shard) + String(100_000 + position)
    }
  }

  /// The event record for `input` at `sequence` on `shardID`, arriving at `arrival`.
  static func record(
    _ input: Input, kind: DestinationRecords.StreamKind, sequence: String, shardID: String,
    arrival: Date, streamARN: String
  ) -> JSONValue {
    let seconds = arrival.timeIntervalSince1970
    switch kind {
    case .dynamodb:
      var change = input.value["dynamodb"] ?? [:]
      change = change.setting("ApproximateCreationDateTime", to: .int(Int(seconds)))
      change = change.setting("SequenceNumber", to: .string(sequence))
      if change["SizeBytes"] == nil {
        change = change.setting("SizeBytes", to: .int(change.compact().utf8.count))
      }
      if change["StreamViewType"] == nil {
        change = change.setting("StreamViewType", to: "NEW_AND_OLD_IMAGES")
      }
      return [
        "eventID": .string(MD5.hex("\(shardID) \(sequence)")),
        "eventName": input.value["eventName"] ?? "INSERT",
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": "us-east-1",
        "dynamodb": change,
        "eventSourceARN": .string(streamARN),
      ]
    case .kinesis:
      let data: JSONValue
      if let existing = input.value["kinesis"]?["data"] {
        data = existing
      } else {
        let raw = input.value["data"] ?? .null
        let text = raw.stringValue ?? raw.compact()
        data = .string(Data(text.utf8).base64EncodedString())
      }
      return [
        "kinesis": [
          "kinesisSchemaVersion": "1.0",
          "partitionKey": .string(input.key),
          "sequenceNumber": .string(sequence),
          "data": data,
          "approximateArrivalTimestamp": .number(String(format: "%.3f", seconds)),
        ],
        "eventSource": "aws:kinesis",
        "eventVersion": "1.0",
        "eventID": .string("\(shardID):\(sequence)"),
        "eventName": "aws:kinesis:record",
        "invokeIdentityArn": "arn:aws:iam::123456789012:role/lambda-role",
        "awsRegion": "us-east-1",
        "eventSourceARN": .string(streamARN),
      ]
    }
  }
}
