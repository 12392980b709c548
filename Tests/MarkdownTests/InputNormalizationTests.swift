import Markdown
import Testing

/// Bytes are checked as UTF-8 without building a `String` first (valid input is used as it
/// is); the result must be what decoding them as a `String` gives, invalid bytes and NUL
/// included.
struct InputNormalizationTests {
  static func agree(_ bytes: [UInt8]) -> Bool {
    let fromBytes = Document(parsing: bytes, extensions: .gfm)
    let fromString = Document(parsing: String(decoding: bytes, as: UTF8.self), extensions: .gfm)
    return fromBytes == fromString
      && HTMLRenderer.renderBytes(parsing: bytes) == HTMLRenderer.renderBytes(fromString)
  }

  @Test(arguments: [
    // Valid: ASCII in long and short runs, two-, three- and four-byte forms, the edges.
    Array("plain ASCII text long enough for whole words\nand *more* `code`\n".utf8),
    Array("é ü ñ — “quotes” 日本語 🎉 \u{10FFFF} \u{D7FF} \u{E000}".utf8),
    // Invalid: lone continuation, overlong forms, surrogates, above U+10FFFF, cut sequences.
    [0x61, 0x80, 0x62], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
    [0xF0, 0x80, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
    [0xFF], [0x61, 0x62, 0xE2, 0x82], [0xF0, 0x9F, 0x8E], Array("12345678\u{e9}".utf8) + [0xC3],
    // NUL, in a word-sized ASCII run and alone.
    Array("abcdefgh".utf8) + [0] + Array("ijklmnop".utf8), [0], [0x41, 0, 0xC3, 0xA9],
  ])
  func bytesAndStringGiveTheSameDocument(bytes: [UInt8]) {
    #expect(Self.agree(bytes))
  }

  @Test func randomBytesNearValidText() {
    var state: UInt64 = 0x0DDB_A11_5EED_0001
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let valid = Array("a *b* é 日 🎉 [c](/d)\n".utf8)
    var failed: [[UInt8]] = []
    for _ in 0..<500 {
      var bytes: [UInt8] = []
      for _ in 0..<(next() % 60) {
        if next() % 4 == 0 {
          bytes.append(UInt8(truncatingIfNeeded: next()))
        } else {
          bytes.append(valid[Int(next() % UInt64(valid.count))])
        }
      }
      if !Self.agree(bytes) { failed.append(bytes) }
    }
    #expect(failed == [])
  }
}
