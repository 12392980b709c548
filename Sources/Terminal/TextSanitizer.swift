/// Removes control characters from document text so a file cannot send escape sequences of its
/// own to the terminal.
enum TextSanitizer {
  /// `text` without C0/C1 controls and DEL. With `keepTabs` (code), tabs and newlines stay;
  /// otherwise tabs become spaces and newlines go.
  static func clean(_ text: String, keepTabs: Bool = false) -> String {
    guard needsCleaning(text, keepTabs: keepTabs) else { return text }
    var kept: [UInt8] = []
    kept.reserveCapacity(text.utf8.count)
    var previous: UInt8 = 0
    for byte in text.utf8 {
      defer { previous = byte }
      if byte == 0x09 {
        kept.append(keepTabs ? byte : UInt8(ascii: " "))
      } else if byte == 0x0A && keepTabs {
        kept.append(byte)
      } else if byte < 0x20 || byte == 0x7F {
        continue
      } else if previous == 0xC2 && (0x80...0x9F).contains(byte) {
        kept.removeLast()  // the C2 lead byte of a C1 control
      } else {
        kept.append(byte)
      }
    }
    return String(decoding: kept, as: UTF8.self)
  }

  /// Fast check over the UTF-8 bytes for anything `clean` would change.
  private static func needsCleaning(_ text: String, keepTabs: Bool) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { needsCleaning(bytes: $0, keepTabs: keepTabs) }
      ?? needsCleaning(bytes: text.utf8, keepTabs: keepTabs)
  }

  private static func needsCleaning<Bytes: Sequence>(bytes: Bytes, keepTabs: Bool) -> Bool
  where Bytes.Element == UInt8 {
    var previous: UInt8 = 0
    for byte in bytes {
      if byte < 0x20 || byte == 0x7F {
        if !(keepTabs && (byte == 0x09 || byte == 0x0A)) { return true }
      }
      if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
      previous = byte
    }
    return false
  }

  /// Appends what `clean` would return for `text` to `output`, in one pass over the bytes:
  /// runs with nothing to drop are copied whole.
  static func append(_ text: String, keepTabs: Bool, to output: inout [UInt8]) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable {
      append(bytes: $0, keepTabs: keepTabs, to: &output)
    }
    if done == nil {
      var copy = text
      copy.withUTF8 { append(bytes: $0, keepTabs: keepTabs, to: &output) }
    }
  }

  /// `append(_:keepTabs:to:)` on UTF-8 bytes.
  static func append(
    bytes: UnsafeBufferPointer<UInt8>, keepTabs: Bool, to output: inout [UInt8]
  ) {
    let count = bytes.count
    var index = 0
    var runStart = 0
    while index < count {
      // Eight bytes at a time while none of them needs a look (most text).
      if let base = bytes.baseAddress, index + 8 <= count,
        !mayNeedLook(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
      {
        index += 8
        continue
      }
      let byte = bytes[index]
      // Printable ASCII and every byte of a multi-byte character but a C2 lead pass through.
      if byte >= 0x20 && byte != 0x7F && byte != 0xC2 {
        index += 1
        continue
      }
      if byte == 0xC2 {
        guard index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) else {
          index += 1
          continue
        }
      }
      if index > runStart {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      }
      if byte == 0xC2 {
        index += 2  // a C1 control: both bytes go
      } else {
        if byte == 0x09 {
          output.append(keepTabs ? byte : UInt8(ascii: " "))
        } else if byte == 0x0A && keepTabs {
          output.append(byte)
        }
        index += 1
      }
      runStart = index
    }
    if count > runStart {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
    }
  }

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Whether any of eight bytes is below 0x20, 0x7F or 0xC2 (a control, DEL, or the lead byte
  /// of a C1 control); may say yes for other bytes, never no for these.
  private static func mayNeedLook(_ word: UInt64) -> Bool {
    let below = (word &- ones &* 0x20) & ~word & highs
    let delete = word ^ (ones &* 0x7F)
    let lead = word ^ (ones &* 0xC2)
    let isDelete = (delete &- ones) & ~delete & highs
    let isLead = (lead &- ones) & ~lead & highs
    return below | isDelete | isLead != 0
  }
}
