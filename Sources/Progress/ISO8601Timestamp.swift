import Foundation
import SystemSupport

/// Fast formatting and parsing of the one timestamp shape the progress file writes,
/// `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds).
///
/// A progress file holds thousands of dates; Foundation's general ISO 8601 parser dominated the
/// cost of reading one. Other ISO 8601 forms (offsets, fractions) are left to Foundation.
public enum ISO8601Timestamp {
  /// `date` as `YYYY-MM-DDTHH:MM:SSZ`, rounded down to the second.
  static func format(_ date: Date) -> String {
    let time = UTCTime(date)
    guard (0...9999).contains(time.year) else { return String(time.year) + "-01-01T00:00:00Z" }
    return time.iso8601(milliseconds: false)
  }

  /// Parses exactly `YYYY-MM-DDTHH:MM:SSZ`; `nil` for anything else.
  public static func parse(_ text: String) -> Date? {
    var text = text
    let seconds: Int? = text.withUTF8 { bytes in
      guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54,
        bytes[13] == 0x3A, bytes[16] == 0x3A, bytes[19] == 0x5A
      else { return nil }
      var values = [0, 0, 0, 0, 0, 0]
      let starts = [0, 5, 8, 11, 14, 17]
      for field in 0..<6 {
        var index = starts[field]
        let end = index + (field == 0 ? 4 : 2)
        while index < end {
          let digit = Int(bytes[index]) - 0x30
          guard digit >= 0 && digit <= 9 else { return nil }
          values[field] = values[field] * 10 + digit
          index += 1
        }
      }
      guard (1...12).contains(values[1]), (1...31).contains(values[2]), values[3] < 24,
        values[4] < 60, values[5] < 60
      else { return nil }
      let days = UTCTime.days(year: values[0], month: values[1], day: values[2])
      return days * 86_400 + values[3] * 3600 + values[4] * 60 + values[5]
    }
    return seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) }
  }
}
