import Foundation
import JSON

/// A message to put on a local queue: a body, and for FIFO queues a group and deduplication id.
public struct SQSMessageInput: Sendable, Equatable {
  public var body: String
  public var messageGroupID: String?
  public var deduplicationID: String?

  public init(body: String, messageGroupID: String? = nil, deduplicationID: String? = nil) {
    self.body = body
    self.messageGroupID = messageGroupID
    self.deduplicationID = deduplicationID
  }

  /// Messages from a document: an SQS event (`{"Records": [...]}`, bodies taken from its
  /// records), or a list whose entries are strings (the body), objects with a `body` and
  /// optional `messageGroupId` / `messageDeduplicationId`, or any other JSON (its text is the
  /// body).
  public static func list(from document: JSONValue) throws -> [SQSMessageInput] {
    if let records = document["Records"]?.arrayValue {
      return records.map { SQSMessageInput(body: $0["body"]?.stringValue ?? $0.compact()) }
    }
    guard let entries = document.arrayValue else {
      throw DeliveryError.invalidInput(
        "expected a list of messages (or an SQS event with Records), found \(document.typeName)")
    }
    return entries.map { entry in
      if let text = entry.stringValue { return SQSMessageInput(body: text) }
      if let body = entry["body"] {
        return SQSMessageInput(
          body: body.stringValue ?? body.compact(),
          messageGroupID: entry["messageGroupId"]?.stringValue,
          deduplicationID: entry["messageDeduplicationId"]?.stringValue)
      }
      return SQSMessageInput(body: entry.compact())
    }
  }
}
