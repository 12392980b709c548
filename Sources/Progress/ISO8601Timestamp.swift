import Foundation

/// Fast formatting and parsing of the one timestamp shape the progress file writes,
/// `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds).
///
/// A progress file holds thousands of dates; Foundation's general ISO 8601 parser dominated the
/// cost of reading one. Other ISO 8601 forms (offsets, fractions) are left to Foundation.
public enum ISO8601Timestamp {
  /// `date` as `YYYY-MM-DDTHH:MM:SSZ`, rounded down to the second.
  static func format(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds.floorDivided(by: 86_400)
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = civil(fromDays: days)
    guard (0...9999).contains(year) else { return String(year) + "-01-01T00:00:00Z" }
    var bytes: [UInt8] = Array("0000-00-00T00:00:00Z".utf8)
    let fields = [
      (0, 4, year), (5, 2, month), (8, 2, day), (11, 2, secondOfDay / 3600),
      (14, 2, secondOfDay / 60 % 60), (17, 2, secondOfDay % 60),
    ]
    for (start, width, value) in fields {
      var rest = value
      var index = start + width - 1
      while index >= start {
        bytes[index] = UInt8(0x30 + rest % 10)
        rest /= 10
        index -= 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
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
      let days = daysFromCivil(year: values[0], month: values[1], day: values[2])
      return days * 86_400 + values[3] * 3600 + values[4] * 60 + values[5]
    }
    return seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = shiftedYear.floorDivided(by: 400)
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian date `days` after 1970-01-01.
  static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = shifted.floorDivided(by: 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

extension Int {
  /// Division rounding toward negative infinity.
  fileprivate func floorDivided(by divisor: Int) -> Int {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
