import Foundation
import JSON
import Testing

@testable import LambdaRuntime

/// Dotted paths into events (parsing and printing are tested in JSONTests).
@Suite struct EventJSONTests {
  @Test func pathsSupportIndicesAndEscapedDots() throws {
    let value: JSONValue = ["a.b": ["c": [10, 20]]]
    #expect(value.value(at: "a\\.b.c.1") == .int(20))
    #expect(value.value(at: "a\\.b.c.2") == nil)
    #expect(value.value(at: "a.b") == nil)
    let updated = try value.setting(path: "a\\.b.c.0", to: "x")
    #expect(updated.value(at: "a\\.b.c") == ["x", 20])
    let created = try JSONValue.object([]).setting(path: "list", to: "x")
    #expect(created.compact() == "{\"list\":\"x\"}")
  }
}

/// Checksums, encodings and sample values the templates compute.
@Suite struct EventEncodingTests {
  @Test(arguments: [
    ("", "d41d8cd98f00b204e9800998ecf8427e"), ("a", "0cc175b9c0f1b6a831c399e269772661"),
    ("abc", "900150983cd24fb0d6963f7d28e17f72"),
    ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
    (
      "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
      "57edf4a22be3c955ac49da2e2107b67a"
    ),
  ])
  func md5MatchesRFC1321Vectors(input: String, digest: String) {
    #expect(MD5.hex(input) == digest)
  }

  @Test func crc32MatchesTheStandardCheckValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([]) == 0)
  }

  @Test func formEncodingEscapesReservedBytes() {
    #expect(EventSamples.formEncode("a b&c=d/é") == "a+b%26c%3Dd%2F%C3%A9")
    #expect(EventSamples.s3Key("dir/sub dir/file (1).txt") == "dir/sub+dir/file+%281%29.txt")
  }

  @Test(arguments: [Int64(0), 951_782_400_123, 1_768_478_400_000, 4_107_542_399_999])
  func timestampsMatchFoundation(milliseconds: Int64) {
    let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    #expect(EventSamples.iso8601(milliseconds: milliseconds) == formatter.string(from: date))
    let plain = ISO8601DateFormatter()
    plain.timeZone = TimeZone(identifier: "UTC")
    #expect(
      EventSamples.iso8601(milliseconds: milliseconds, fraction: false) == plain.string(from: date))
  }

  @Test func apiGatewayTimeFormat() {
    #expect(
      EventSamples.apiGatewayTime(milliseconds: 951_782_400_123) == "29/Feb/2000:00:00:00 +0000")
  }

  @Test func sampleUUIDsAreStableAndUUIDShaped() {
    let id = EventSamples.uuid("seed")
    #expect(id == EventSamples.uuid("seed"))
    #expect(id != EventSamples.uuid("other seed"))
    #expect(UUID(uuidString: id) != nil)
  }

  @Test func closestNameIgnoresCase() {
    #expect(EventTemplateError.closest(to: "SNS", among: ["sqs", "sns"]) == "sns")
  }
}
