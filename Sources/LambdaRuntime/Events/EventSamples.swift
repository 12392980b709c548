/// Fixed sample values shared by the templates, so generated events are deterministic.
enum EventSamples {
  static let account = "123456789012"
  static let region = "us-east-1"
  /// 2026-01-15T12:00:00.000Z, the moment every sample event happens at.
  static let epochMilliseconds: Int64 = 1_768_478_400_000

  /// A UUID-shaped identifier derived from `seed` (the MD5 of the seed, grouped 8-4-4-4-12).
  static func uuid(_ seed: String) -> String {
    let hex = Array(MD5.hex(seed))
    let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32]
    return groups.map { String(hex[$0]) }.joined(separator: "-")
  }

  /// `2026-01-15T12:00:00.000Z` (S3, SNS) or, without milliseconds, `2026-01-15T12:00:00Z`
  /// (EventBridge).
  static func iso8601(milliseconds: Int64 = epochMilliseconds, fraction: Bool = true) -> String {
    let parts = civil(milliseconds)
    let date = "\(parts.year)-\(pad(parts.month))-\(pad(parts.day))"
    let time = "\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
    let millis = fraction ? "." + pad(parts.millisecond, width: 3) : ""
    return "\(date)T\(time)\(millis)Z"
  }

  /// API Gateway's request time, `15/Jan/2026:12:00:00 +0000`.
  static func apiGatewayTime(milliseconds: Int64 = epochMilliseconds) -> String {
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    let parts = civil(milliseconds)
    let time = "\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
    return "\(pad(parts.day))/\(months[parts.month - 1])/\(parts.year):\(time) +0000"
  }

  private static func pad(_ value: Int, width: Int = 2) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Splits epoch milliseconds into UTC calendar fields (days-to-civil algorithm by H. Hinnant).
  private static func civil(_ milliseconds: Int64) -> (
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int
  ) {
    let dayMillis: Int64 = 86_400_000
    let days = Int(
      milliseconds >= 0 ? milliseconds / dayMillis : (milliseconds - dayMillis + 1) / dayMillis)
    let inDay = Int(milliseconds - Int64(days) * dayMillis)
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (
      year, month, day, inDay / 3_600_000, inDay / 60_000 % 60, inDay / 1000 % 60, inDay % 1000
    )
  }
}

/// Form-style URL encoding, as S3 uses for object keys in event notifications and API Gateway
/// for raw query strings.
extension EventSamples {
  /// Encodes `text` as `application/x-www-form-urlencoded`: letters, digits and `-_.*` stay,
  /// a space becomes `+`, every other byte of the UTF-8 text becomes `%XX`. Characters in
  /// `keeping` also stay (S3 keeps the `/` of object keys).
  static func formEncode(_ text: String, keeping: Set<UInt8> = []) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."), UInt8(ascii: "*"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: " "):
        out += "+"
      default:
        if keeping.contains(byte) {
          out.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
          let hex = String(byte, radix: 16, uppercase: true)
          out += "%" + (hex.count == 1 ? "0" + hex : hex)
        }
      }
    }
    return out
  }

  /// An S3 object key as it appears in an event: form-encoded, with `/` kept.
  static func s3Key(_ key: String) -> String {
    formEncode(key, keeping: [UInt8(ascii: "/")])
  }
}
