import Foundation
import JSON

extension DeliveryEntry {
  /// One JSON object on one line (for `invoke --json`): what happened, when in virtual time
  /// (`at` in seconds, `offset`, and `timestamp` on `clock`), the items, and the invocation or
  /// the destination record in full.
  public func jsonLine(clock: VirtualClock) -> String {
    var fields: [(String, JSONValue)] = [
      ("type", .string(kind.rawValue)),
      ("source", .string(source)),
      ("lane", .string(lane)),
      ("at", .number(String(format: "%.3f", at))),
      ("offset", .string(VirtualClock.offset(at))),
      ("timestamp", .string(clock.timestamp(at: at))),
      ("requestId", requestID.map(JSONValue.string) ?? .null),
      ("attempt", .int(attempt)),
      ("items", .array(items.map(JSONValue.string))),
      ("duplicate", .bool(duplicate)),
      ("detail", .string(detail)),
    ]
    if let target { fields.append(("target", .string(target))) }
    if let payload { fields.append(("record", payload)) }
    var line = JSONValue.object(fields).compact()
    if let invocation {
      line.removeLast()
      line += ",\"invocation\":" + invocation.jsonLine() + "}"
    }
    return line
  }
}
