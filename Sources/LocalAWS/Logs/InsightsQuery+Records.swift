import Foundation
import JSON
import SystemSupport

extension InsightsQuery {
  /// The fields of one log event, as Logs Insights discovers them.
  static func record(_ event: LogStore.Event, stream: String, group: String) -> Record {
    var record: Record = [
      "@timestamp": .number(Double(event.timestamp)), "@message": .text(event.message),
      "@logStream": .text(stream), "@log": .text(group),
      "@ingestionTime": .number(Double(event.ingestionTime)),
    ]
    let message = event.message
    for kind in ["START", "END", "REPORT"] where message.hasPrefix(kind + " RequestId: ") {
      record["@type"] = .text(kind)
      let fields = message.split(separator: "\t").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      for field in fields {
        guard let colon = field.firstIndex(of: ":") else { continue }
        let name = field[..<colon].trimmingCharacters(in: .whitespaces)
        let value = field[field.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let number = Double(value.split(separator: " ").first ?? "")
        switch name {
        case "\(kind) RequestId":
          record["@requestId"] = .text(String(value.split(separator: " ").first ?? ""))
        case "Duration": number.map { record["@duration"] = .number($0) }
        case "Billed Duration": number.map { record["@billedDuration"] = .number($0) }
        case "Init Duration": number.map { record["@initDuration"] = .number($0) }
        case "Memory Size": number.map { record["@memorySize"] = .number($0 * 1_000_000) }
        case "Max Memory Used":
          number.map { record["@maxMemoryUsed"] = .number($0 * 1_000_000) }
        default: break
        }
      }
    }
    // JSON messages (structured logs) contribute their top-level keys.
    if message.hasPrefix("{"), let members = JSONValue.parse(message)?.objectMembers {
      for (key, value) in members {
        switch value {
        case .number: record[key] = value.doubleValue.map { .number($0) }
        case .string(let text): record[key] = .text(text)
        default: record[key] = .text(value.compact())
        }
      }
    }
    return record
  }
}

/// Queries started with StartQuery, answered at once and kept for GetQueryResults.
final class QueryStore: Sendable {
  private let results = Locked<
    [String: (rows: [[(String, String)]], scanned: Int, matched: Int)]
  >([:])

  func put(_ id: String, rows: [[(String, String)]], scanned: Int) {
    results.withLock { results in
      results[id] = (rows, scanned, rows.count)
      if results.count > 100, let oldest = results.keys.first { results[oldest] = nil }
    }
  }

  func get(_ id: String) -> (rows: [[(String, String)]], scanned: Int, matched: Int)? {
    results.withLock { $0[id] }
  }
}
