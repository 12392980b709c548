import Foundation

/// The platform log lines Lambda writes around every invocation.
enum ReportLine {
  static func start(_ requestID: String) -> String {
    "START RequestId: \(requestID) Version: $LATEST"
  }

  static func end(_ requestID: String) -> String {
    "END RequestId: \(requestID)"
  }

  /// `REPORT` with tab-separated fields; Init Duration after Max Memory Used on cold starts,
  /// then `Status` (and `Error Type`) when the invocation did not succeed.
  static func report(
    requestID: String, durationMs: Double, billedMs: Int, memorySizeMB: Int, maxMemoryMB: Int,
    initDurationMs: Double?, status: String? = nil, errorType: String? = nil
  ) -> String {
    var fields = [
      "REPORT RequestId: \(requestID)",
      "Duration: \(format(durationMs)) ms",
      "Billed Duration: \(billedMs) ms",
      "Memory Size: \(memorySizeMB) MB",
      "Max Memory Used: \(maxMemoryMB) MB",
    ]
    if let initDurationMs { fields.append("Init Duration: \(format(initDurationMs)) ms") }
    if let status { fields.append("Status: \(status)") }
    if let errorType { fields.append("Error Type: \(errorType)") }
    return fields.joined(separator: "\t")
  }

  /// The line AWS logs when init fails.
  static func initReport(durationMs: Double, status: String, errorType: String?) -> String {
    var fields = ["INIT_REPORT Init Duration: \(format(durationMs)) ms", "Phase: init"]
    fields.append("Status: \(status)")
    if let errorType { fields.append("Error Type: \(errorType)") }
    return fields.joined(separator: "\t")
  }

  /// Billed Duration: init time is billed too for managed runtimes (since August 2025).
  static func billed(durationMs: Double, initDurationMs: Double?) -> Int {
    Int((durationMs + (initDurationMs ?? 0)).rounded(.up))
  }

  /// Two decimals, as Lambda prints durations.
  static func format(_ milliseconds: Double) -> String {
    String(format: "%.2f", milliseconds)
  }

  /// An ISO-8601 UTC timestamp with milliseconds, as in Lambda's log lines.
  static func timestamp(_ date: Date = Date()) -> String {
    let seconds = date.timeIntervalSince1970
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    let millis = Int((seconds - Double(Int(seconds))) * 1000)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900,
      Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
      Int(parts.tm_sec), millis)
  }
}
