import Foundation

/// Times and ids as API Gateway writes them into events.
enum GatewayClock {
  static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// `01/Dec/2026:01:40:00 +0000`, the REST `requestTime` (and HTTP API `time`) format, in
  /// UTC. Computed directly (a `DateFormatter` per request costs more than the rest of the
  /// event).
  static func requestTime(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    return "\(two(day))/\(months[month - 1])/\(year):\(two(secondOfDay / 3600)):"
      + "\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0000"
  }

  /// Milliseconds since 1970.
  static func epochMilliseconds(_ date: Date) -> Int {
    Int((date.timeIntervalSince1970 * 1000).rounded())
  }

  /// A fresh request id: a lower-case UUID.
  static func requestID() -> String { UUID().uuidString.lowercased() }

  /// A short fresh id like HTTP API's `requestId` (`Yk9Xw2VhoAMEbQ=`).
  static func shortID() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<10).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return Data(bytes).base64EncodedString()
  }
}
