import Foundation

/// A moment split into UTC calendar fields (proleptic Gregorian), and back, computed directly:
/// Foundation's `Calendar` and date formatters cost more than everything else where the
/// program writes many dates (the progress file, generated events, API Gateway's request
/// times). Days are converted with Howard Hinnant's `days_from_civil`/`civil_from_days`.
public struct UTCTime: Equatable, Sendable {
  public var year: Int
  /// 1...12.
  public var month: Int
  /// 1...31.
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Int
  public var millisecond: Int

  /// The fields of `milliseconds` since 1970-01-01T00:00:00Z (negative: before it).
  public init(epochMilliseconds milliseconds: Int64) {
    let dayLength: Int64 = 86_400_000
    let days = milliseconds.floorDivided(by: dayLength)
    let inDay = Int(milliseconds - days * dayLength)
    (year, month, day) = Self.civil(fromDays: Int(days))
    hour = inDay / 3_600_000
    minute = inDay / 60_000 % 60
    second = inDay / 1000 % 60
    millisecond = inDay % 1000
  }

  /// The fields of `date`, rounded down to the millisecond.
  public init(_ date: Date) {
    self.init(epochMilliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
  }

  /// Milliseconds since 1970-01-01T00:00:00Z.
  public var epochMilliseconds: Int64 {
    let days = Int64(Self.days(year: year, month: month, day: day))
    return days * 86_400_000 + Int64(hour) * 3_600_000 + Int64(minute) * 60_000
      + Int64(second) * 1000 + Int64(millisecond)
  }

  /// `2026-01-15T12:00:00.000Z`, or `2026-01-15T12:00:00Z` without milliseconds (years outside
  /// 0...9999 are written with as many digits as they have).
  public func iso8601(milliseconds: Bool) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    Self.append(year, digits: 4, to: &bytes)
    bytes.append(0x2D)
    Self.append(month, digits: 2, to: &bytes)
    bytes.append(0x2D)
    Self.append(day, digits: 2, to: &bytes)
    bytes.append(0x54)
    Self.append(hour, digits: 2, to: &bytes)
    bytes.append(0x3A)
    Self.append(minute, digits: 2, to: &bytes)
    bytes.append(0x3A)
    Self.append(second, digits: 2, to: &bytes)
    if milliseconds {
      bytes.append(0x2E)
      Self.append(millisecond, digits: 3, to: &bytes)
    }
    bytes.append(0x5A)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Days from 1970-01-01 to the given date (negative: before it).
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = shiftedYear.floorDivided(by: 400)
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `days` after 1970-01-01.
  public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
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

  /// `value` in decimal, zero-padded to `digits` (a negative value gets its sign first).
  private static func append(_ value: Int, digits: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(0x2D) }
    var rest = value.magnitude
    var count = 1
    var scale: UInt = 1
    while rest / scale >= 10 {
      scale *= 10
      count += 1
    }
    if count < digits { bytes.append(contentsOf: repeatElement(0x30, count: digits - count)) }
    while scale > 0 {
      bytes.append(UInt8(0x30 + rest / scale))
      rest %= scale
      scale /= 10
    }
  }
}

extension BinaryInteger {
  /// Division rounding toward negative infinity.
  fileprivate func floorDivided(by divisor: Self) -> Self {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
