import Foundation
import HTTP
import LambdaRuntime
import SystemSupport

@testable import LocalAWS

/// A `LocalAWSEndpoint` behind an `HTTPServer` on port 0, in its own temporary folder.
final class LocalAWSTestServer {
  let folder: AbsolutePath
  let endpoint: LocalAWSEndpoint
  let server: HTTPServer

  init() throws {
    folder = AbsolutePath(NSTemporaryDirectory(), relativeTo: .currentDirectory())
      .appending("localaws-\(UUID().uuidString)")
    let endpoint = try LocalAWSEndpoint(folder: folder)
    self.endpoint = endpoint
    server = try HTTPServer(
      port: 0, limits: LocalAWSEndpoint.limits, malformed: LocalAWSEndpoint.malformed,
      handler: { endpoint.handle($0) })
  }

  func client() throws -> HTTPClient { try HTTPClient(port: server.port) }

  func stop() {
    server.stop()
    endpoint.shutdown()
    try? FileManager.default.removeItem(at: folder.url)
  }

  /// A stored (uncompressed) zip built here, so these tests need no zip tool.
  static func storedZip(_ files: [(String, String)]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> ($0 * 8) & 0xFF) } }
    for (name, text) in files {
      let data = Array(text.utf8)
      let nameBytes = Array(name.utf8)
      let crc = CRC32.checksum(data)
      let offset = UInt32(out.count)
      out += le32(0x0403_4b50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0)
      out += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
      out += le16(nameBytes.count) + le16(0) + nameBytes + data
      central += le32(0x0201_4b50) + le16(0x031E) + le16(20) + le16(0) + le16(0) + le16(0)
      central += le16(0) + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
      central += le16(nameBytes.count) + le16(0) + le16(0) + le16(0) + le16(0)
      central += le32(0o100644 << 16) + le32(offset) + nameBytes
    }
    let centralOffset = out.count
    out += central
    out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(files.count) + le16(files.count)
    out += le32(UInt32(central.count)) + le32(UInt32(centralOffset)) + le16(0)
    return out
  }
}
