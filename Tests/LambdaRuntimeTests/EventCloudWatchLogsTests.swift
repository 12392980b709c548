import Foundation
import JSON
import Testing

@testable import LambdaRuntime

/// `awslogs.data` must be base64 of a gzip file that real decompressors accept.
@Suite struct EventCloudWatchLogsTests {
  /// Decodes `awslogs.data` with python3's base64 and gzip modules and prints the JSON compactly.
  static let decoder = """
    import sys, json, base64, gzip
    event = json.load(sys.stdin)
    doc = json.loads(gzip.decompress(base64.b64decode(event['awslogs']['data'])))
    print(json.dumps(doc, separators=(',', ':'), ensure_ascii=False))
    """

  /// The document the template compresses, rebuilt from the parts the test controls.
  func decodedWithPython(_ event: Data) throws -> JSONValue {
    let (status, out, err) = try EventTestSupport.runPython(Self.decoder, input: event)
    #expect(status == 0, "python3 could not decode awslogs.data: \(err)")
    return try #require(JSONValue.parse(out))
  }

  @Test(.enabled(if: EventTestSupport.hasPython))
  func pythonGzipDecodesTheDefaultPayload() throws {
    let data = try EventTemplates.generate(name: "cloudwatch-logs")
    let document = try decodedWithPython(data)
    #expect(document["messageType"] == "DATA_MESSAGE")
    #expect(document["owner"] == "123456789012")
    #expect(document["logGroup"] == "/aws/lambda/my-function")
    let events = try #require(document["logEvents"]?.arrayValue)
    #expect(events.count == 4)
    #expect(events[0]["message"]?.stringValue?.hasPrefix("START RequestId: ") == true)
    #expect(events[3]["message"]?.stringValue?.hasPrefix("REPORT RequestId: ") == true)
    for event in events {
      guard case .number = event["timestamp"] else {
        Issue.record("timestamp is not a number in \(event.compact())")
        continue
      }
      #expect(event["id"]?.stringValue?.count == 56)
    }
  }

  @Test(.enabled(if: EventTestSupport.hasPython))
  func overridesReachInsideTheCompressedDocument() throws {
    let data = try EventTemplates.generate(
      name: "cloudwatch-logs",
      overrides: [
        ("logGroup", "/aws/lambda/orders"), ("awslogs.data.logEvents.1.message", "ERROR boom ✓"),
      ])
    let document = try decodedWithPython(data)
    #expect(document["logGroup"] == "/aws/lambda/orders")
    #expect(document.value(at: "logEvents.1.message") == "ERROR boom ✓")
    #expect(document.value(at: "logEvents.0.message")?.stringValue?.hasPrefix("START") == true)
  }

  @Test(.enabled(if: EventTestSupport.hasPython))
  func largePayloadSpansSeveralStoredBlocks() throws {
    let data = try EventTemplates.generate(
      name: "cloudwatch-logs", overrides: [("message", String(repeating: "x", count: 100))],
      count: 2000)
    let event = try #require(JSONValue.parse(String(decoding: data, as: UTF8.self)))
    let encoded = try #require(event.value(at: "awslogs.data")?.stringValue)
    let gzip = try #require(Data(base64Encoded: encoded))
    #expect(gzip.count > 3 * 65_535, "payload should need more than three stored blocks")
    let document = try decodedWithPython(data)
    #expect(document["logEvents"]?.arrayValue?.count == 2000)
  }

  @Test func gzipFileHasHeaderAndTrailer() throws {
    let payload = Array("hello, gzip".utf8)
    let file = Gzip.wrap(payload)
    #expect(Array(file.prefix(3)) == [0x1f, 0x8b, 0x08])
    let trailer = Array(file.suffix(8))
    let crc = trailer[0..<4].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.1) << (8 * $1.0) }
    let size = trailer[4..<8].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.1) << (8 * $1.0) }
    #expect(crc == CRC32.checksum(payload))
    #expect(size == UInt32(payload.count))
    #expect(Gzip.wrap([]).count == 10 + 5 + 8, "empty input still needs one final stored block")
  }

  @Test func learnerSuppliedEncodedDataIsKept() throws {
    let event = try EventTestSupport.event("cloudwatch-logs", [("awslogs.data", "H4sIAAAA")])
    #expect(event.value(at: "awslogs.data") == "H4sIAAAA")
  }
}
