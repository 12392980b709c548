/// Writes gzip files (RFC 1952) whose DEFLATE stream (RFC 1951) uses stored blocks only:
/// valid gzip that every decompressor reads, without needing zlib.
enum Gzip {
  /// The largest payload of one stored block.
  private static let maxStoredBlock = 65_535

  /// The gzip file holding `bytes` uncompressed.
  static func wrap(_ bytes: [UInt8]) -> [UInt8] {
    // Header: magic, method 8 (deflate), no flags, mtime 0, no extra flags, OS 255 (unknown).
    var out: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]
    out.reserveCapacity(bytes.count + bytes.count / maxStoredBlock * 5 + 28)
    var start = 0
    repeat {
      let end = min(start + maxStoredBlock, bytes.count)
      let isLast = end == bytes.count
      let length = UInt16(end - start)
      // Block header byte: BFINAL in bit 0, BTYPE 00 (stored); then LEN and NLEN little-endian.
      out.append(isLast ? 0x01 : 0x00)
      out.append(UInt8(truncatingIfNeeded: length))
      out.append(UInt8(truncatingIfNeeded: length >> 8))
      out.append(UInt8(truncatingIfNeeded: ~length))
      out.append(UInt8(truncatingIfNeeded: ~length >> 8))
      out.append(contentsOf: bytes[start..<end])
      start = end
    } while start < bytes.count
    appendLittleEndian(CRC32.checksum(bytes), to: &out)
    appendLittleEndian(UInt32(truncatingIfNeeded: bytes.count), to: &out)
    return out
  }

  private static func appendLittleEndian(_ value: UInt32, to out: inout [UInt8]) {
    for shift in stride(from: 0, to: 32, by: 8) {
      out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
    }
  }
}

/// CRC-32 as gzip and zip use it (reflected polynomial 0xEDB88320): the gzip trailer here, and
/// LocalAWS's zip reader checks each entry with it.
public enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { entry in
    var value = UInt32(entry)
    for _ in 0..<8 {
      value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
    }
    return value
  }

  /// The CRC-32 of `bytes`.
  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
  }
}
