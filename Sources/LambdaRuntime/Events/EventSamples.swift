import SystemSupport

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
    UTCTime(epochMilliseconds: milliseconds).iso8601(milliseconds: fraction)
  }

  /// API Gateway's request time, `15/Jan/2026:12:00:00 +0000`.
  static func apiGatewayTime(milliseconds: Int64 = epochMilliseconds) -> String {
    UTCTime(epochMilliseconds: milliseconds).apiGatewayRequestTime
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

extension UTCTime {
  private static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// `15/Jan/2026:12:00:00 +0000`: how API Gateway writes a request's time (REST
  /// `requestTime`, HTTP API `time`), for sample events here and the local API's events.
  public var apiGatewayRequestTime: String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    return "\(two(day))/\(Self.monthNames[month - 1])/\(year):\(two(hour)):\(two(minute)):"
      + "\(two(second)) +0000"
  }
}
