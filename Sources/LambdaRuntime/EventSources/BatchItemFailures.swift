import Foundation
import JSON

/// A function's partial batch response (`ReportBatchItemFailures`), read as Lambda reads it
/// (services-sqs-errorhandling.html, "Success and failure conditions"):
/// - the whole batch succeeded when the response is empty, `null`, `{}`, or has a `null` or
///   empty `batchItemFailures` list;
/// - the whole batch failed when the response is not JSON, or an `itemIdentifier` is missing,
///   `null`, empty, or names an item that was not in the batch;
/// - otherwise exactly the listed items failed.
public enum BatchItemFailures: Equatable, Sendable {
  case allSucceeded
  case failed([String])
  /// The response broke a rule; the reason says which.
  case invalid(String)

  /// Reads `result` for a batch whose item identifiers are `identifiers`.
  public static func read(_ result: Data, identifiers: Set<String>) -> BatchItemFailures {
    let text = String(decoding: result, as: UTF8.self)
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .allSucceeded }
    guard let value = JSONValue.parse(text) else {
      return .invalid("the response is not JSON")
    }
    guard case .object = value, let list = value["batchItemFailures"] else {
      return .allSucceeded
    }
    if list == .null { return .allSucceeded }
    guard let items = list.arrayValue else {
      return .invalid("batchItemFailures is \(list.typeName), not a list")
    }
    var failed: [String] = []
    for item in items {
      guard let identifier = item["itemIdentifier"] else {
        return .invalid("an entry of batchItemFailures has no itemIdentifier")
      }
      guard let text = identifier.stringValue, !text.isEmpty else {
        return .invalid("an itemIdentifier is \(identifier == .null ? "null" : "empty")")
      }
      guard identifiers.contains(text) else {
        return .invalid("itemIdentifier '\(text)' is not in the batch")
      }
      if !failed.contains(text) { failed.append(text) }
    }
    return failed.isEmpty ? .allSucceeded : .failed(failed)
  }
}
