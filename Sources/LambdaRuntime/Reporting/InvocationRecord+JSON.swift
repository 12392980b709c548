import Foundation
import JSON

extension InvocationRecord {
  /// One JSON object on one line (for `--json`): ids, timings, memory, status, result, logs.
  ///
  /// `result` is embedded as JSON when the payload is JSON, else as a string.
  public func jsonLine() -> String {
    func number(_ value: Double?) -> String {
      guard let value else { return "null" }
      return String(format: "%.3f", value)
    }
    func string(_ value: String?) -> String { value.map(JSONValue.quote) ?? "null" }
    let payload: String
    if !result.isEmpty,
      JSONValue.syntaxError(in: result) == nil,
      !resultText.contains("\n")
    {
      payload = resultText
    } else {
      payload = JSONValue.quote(resultText)
    }
    let fields: [(String, String)] = [
      ("requestId", string(requestID)),
      ("environmentId", environmentID.map(String.init) ?? "null"),
      ("cold", cold ? "true" : "false"),
      ("initDurationMs", number(initDurationMs)),
      ("durationMs", number(durationMs)),
      ("billedDurationMs", String(billedDurationMs)),
      ("memorySizeMB", String(memorySizeMB)),
      ("maxMemoryUsedMB", String(maxMemoryUsedMB)),
      ("status", string(status.rawValue)),
      ("statusCode", String(statusCode)),
      ("errorType", string(errorType)),
      ("result", payload),
      ("logs", string(logs)),
      ("droppedLogBytes", String(droppedLogBytes)),
      ("startMs", number(initSpan?.lowerBound ?? invokeSpan.lowerBound)),
      ("endMs", number(invokeSpan.upperBound)),
    ]
    return "{" + fields.map { "\(JSONValue.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
  }
}
