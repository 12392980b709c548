import Foundation
import SystemSupport
import Testing

@Suite struct UTCTimeTests {
  @Test func agreesWithFoundationOverFourCenturiesAndBack() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    var mismatches: [String] = []
    // Every 9_876_543_211 ms (about 114 days, never a whole day) from 1800 to 2200, so every
    // month, leap days and the century rules are crossed at many times of day.
    var milliseconds: Int64 = -5_364_662_400_000
    while milliseconds < 7_258_118_400_000 {
      let time = UTCTime(epochMilliseconds: milliseconds)
      let date = Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
      let parts = calendar.dateComponents(
        [.year, .month, .day, .hour, .minute, .second], from: date)
      let expected = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second]
      let actual: [Int?] = [time.year, time.month, time.day, time.hour, time.minute, time.second]
      if expected != actual || time.epochMilliseconds != milliseconds
        || time.millisecond != Int((milliseconds % 1000 + 1000) % 1000)
      {
        mismatches.append("\(milliseconds): \(actual) vs \(expected)")
      }
      milliseconds += 9_876_543_211
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  @Test func beforeTheEpochRoundsDownToTheEarlierMoment() {
    let time = UTCTime(epochMilliseconds: -1)
    #expect(time.iso8601(milliseconds: true) == "1969-12-31T23:59:59.999Z")
    #expect(
      UTCTime(Date(timeIntervalSince1970: -0.0005)).iso8601(milliseconds: true)
        == "1969-12-31T23:59:59.999Z")
  }

  @Test func writesISO8601WithAndWithoutMilliseconds() {
    let time = UTCTime(epochMilliseconds: 1_768_478_400_007)
    #expect(time.iso8601(milliseconds: true) == "2026-01-15T12:00:00.007Z")
    #expect(time.iso8601(milliseconds: false) == "2026-01-15T12:00:00Z")
    #expect(
      UTCTime(epochMilliseconds: -62_135_596_800_000).iso8601(milliseconds: false)
        == "0001-01-01T00:00:00Z")
  }

  @Test func daysAndCivilDatesAreInverse() {
    #expect(UTCTime.days(year: 1970, month: 1, day: 1) == 0)
    #expect(UTCTime.days(year: 2000, month: 3, day: 1) == 11_017)
    #expect(UTCTime.days(year: 1969, month: 12, day: 31) == -1)
    for days in stride(from: -800_000, through: 800_000, by: 997) {
      let date = UTCTime.civil(fromDays: days)
      #expect(UTCTime.days(year: date.year, month: date.month, day: date.day) == days)
    }
  }
}
