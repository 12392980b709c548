import Foundation

/// MD5 (RFC 1321), used for the `md5OfBody` field of SQS records. Not for security.
enum MD5 {
  private static let shifts: [UInt32] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
  ]

  /// K[i] = floor(abs(sin(i + 1)) * 2^32), computed once.
  private static let constants: [UInt32] = (0..<64).map { step in
    let sine = abs(sin(Double(step + 1)))
    return UInt32(truncatingIfNeeded: Int64(sine * 4_294_967_296.0))
  }

  /// The 16-byte digest of `bytes`.
  static func digest(_ bytes: [UInt8]) -> [UInt8] {
    var message = bytes
    let bitLength = UInt64(bytes.count) &* 8
    message.append(0x80)
    while message.count % 64 != 56 { message.append(0) }
    for shift in stride(from: 0, to: 64, by: 8) {
      message.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    var state: (UInt32, UInt32, UInt32, UInt32) = (
      0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476
    )
    for blockStart in stride(from: 0, to: message.count, by: 64) {
      var words = [UInt32](repeating: 0, count: 16)
      for word in 0..<16 {
        let base = blockStart + word * 4
        words[word] =
          UInt32(message[base]) | UInt32(message[base + 1]) << 8
          | UInt32(message[base + 2]) << 16 | UInt32(message[base + 3]) << 24
      }
      var (a, b, c, d) = state
      for step in 0..<64 {
        var mixed: UInt32
        let wordIndex: Int
        switch step {
        case 0..<16:
          mixed = (b & c) | (~b & d)
          wordIndex = step
        case 16..<32:
          mixed = (d & b) | (~d & c)
          wordIndex = (5 * step + 1) % 16
        case 32..<48:
          mixed = b ^ c ^ d
          wordIndex = (3 * step + 5) % 16
        default:
          mixed = c ^ (b | ~d)
          wordIndex = (7 * step) % 16
        }
        mixed = mixed &+ a &+ constants[step] &+ words[wordIndex]
        a = d
        d = c
        c = b
        b = b &+ ((mixed << shifts[step]) | (mixed >> (32 - shifts[step])))
      }
      state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
    var digest: [UInt8] = []
    for word in [state.0, state.1, state.2, state.3] {
      for shift in stride(from: 0, to: 32, by: 8) {
        digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift)))
      }
    }
    return digest
  }

  /// The digest of the UTF-8 bytes of `text` as 32 lowercase hex digits.
  static func hex(_ text: String) -> String {
    digest(Array(text.utf8)).map { byte in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
  }
}
