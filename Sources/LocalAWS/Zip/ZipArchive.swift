import Foundation
import LambdaRuntime
import SystemSupport

/// A zip archive read by our own code: the central directory, stored and deflated entries,
/// CRC-checked, with names that cannot escape the folder they are extracted to.
///
/// ZIP64 archives, encryption and other compression methods are refused with a clear reason.
struct ZipArchive {
  /// One file or folder of the archive.
  struct Entry: Equatable {
    var name: String
    var method: UInt16
    var crc: UInt32
    var compressedSize: Int
    var size: Int
    var localHeaderOffset: Int
    /// Unix permission bits when the archive was made on Unix, else nil.
    var unixMode: UInt32?

    var isDirectory: Bool { name.hasSuffix("/") }
  }

  /// Why an archive was refused.
  enum Failure: Error, Equatable, CustomStringConvertible {
    case notAZip(String)
    case unsupported(String)
    case corrupt(String)
    case tooLarge(limit: Int)

    var description: String {
      switch self {
      case .notAZip(let reason): return "not a zip archive: \(reason)"
      case .unsupported(let reason): return "unsupported zip archive: \(reason)"
      case .corrupt(let reason): return "corrupt zip archive: \(reason)"
      case .tooLarge(let limit): return "the unzipped size exceeds \(limit) bytes"
      }
    }
  }

  let bytes: [UInt8]
  let entries: [Entry]

  /// Total size of every file once unzipped.
  var unzippedSize: Int { entries.reduce(0) { $0 + $1.size } }

  /// Reads the central directory; `sizeLimit` caps the declared unzipped size.
  init(bytes: [UInt8], sizeLimit: Int) throws(Failure) {
    self.bytes = bytes
    let directory = try ZipArchive.endOfCentralDirectory(bytes)
    var entries: [Entry] = []
    var offset = directory.offset
    var total = 0
    for _ in 0..<directory.count {
      let (entry, next) = try ZipArchive.centralEntry(bytes, at: offset)
      total += entry.size
      guard total <= sizeLimit else { throw .tooLarge(limit: sizeLimit) }
      entries.append(entry)
      offset = next
    }
    self.entries = entries
  }

  /// The content of one entry, inflated and CRC-checked.
  func data(of entry: Entry) throws(Failure) -> [UInt8] {
    let at = entry.localHeaderOffset
    guard ZipArchive.uint32(bytes, at) == 0x0403_4b50 else {
      throw .corrupt("no local header for '\(entry.name)'")
    }
    guard let nameLength = ZipArchive.uint16(bytes, at + 26),
      let extraLength = ZipArchive.uint16(bytes, at + 28)
    else { throw .corrupt("truncated local header for '\(entry.name)'") }
    let start = at + 30 + Int(nameLength) + Int(extraLength)
    guard start + entry.compressedSize <= bytes.count else {
      throw .corrupt("'\(entry.name)' runs past the end of the archive")
    }
    let raw = Array(bytes[start..<start + entry.compressedSize])
    let content: [UInt8]
    switch entry.method {
    case 0:
      content = raw
    case 8:
      do {
        content = try Inflater.inflate(raw, expectedSize: entry.size, limit: entry.size)
      } catch .tooLarge {
        throw .corrupt("'\(entry.name)' inflates to more than its declared \(entry.size) bytes")
      } catch {
        throw .corrupt("'\(entry.name)' cannot be inflated (\(error))")
      }
    default:
      throw .unsupported("'\(entry.name)' uses compression method \(entry.method)")
    }
    guard content.count == entry.size else {
      throw .corrupt("'\(entry.name)' has \(content.count) bytes, not the declared \(entry.size)")
    }
    guard CRC32.checksum(content) == entry.crc else {
      throw .corrupt("CRC mismatch in '\(entry.name)'")
    }
    return content
  }

  /// Writes every entry under `folder` (created), keeping Unix execute bits.
  func extract(to folder: AbsolutePath) throws -> Int {
    let manager = FileManager.default
    try manager.createDirectory(at: folder.url, withIntermediateDirectories: true)
    var files = 0
    for entry in entries {
      // `checkName` refused names with `..` or a leading `/`, so this stays inside `folder`.
      let target = folder.appending(entry.name)
      if entry.isDirectory {
        try manager.createDirectory(at: target.url, withIntermediateDirectories: true)
        continue
      }
      try manager.createDirectory(at: target.parent.url, withIntermediateDirectories: true)
      let content = try data(of: entry)
      try Data(content).write(to: target.url)
      let executable = (entry.unixMode ?? 0) & 0o111 != 0
      try manager.setAttributes(
        [.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: target.string)
      files += 1
    }
    return files
  }

  // MARK: - Structure

  private static func endOfCentralDirectory(_ bytes: [UInt8]) throws(Failure) -> (
    count: Int, offset: Int
  ) {
    guard bytes.count >= 22 else { throw .notAZip("only \(bytes.count) bytes") }
    var at = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 65_535)
    while at >= lowest {
      if uint32(bytes, at) == 0x0605_4b50 { break }
      at -= 1
    }
    guard at >= lowest else { throw .notAZip("no end-of-central-directory record") }
    if at >= 20, uint32(bytes, at - 20) == 0x0706_4b50 {
      throw .unsupported("ZIP64 archives are not supported; zip fewer or smaller files")
    }
    guard let disk = uint16(bytes, at + 4), let count = uint16(bytes, at + 10),
      let size = uint32(bytes, at + 12), let offset = uint32(bytes, at + 16)
    else { throw .corrupt("truncated end record") }
    if count == 0xFFFF || offset == 0xFFFF_FFFF || size == 0xFFFF_FFFF {
      throw .unsupported("ZIP64 archives are not supported; zip fewer or smaller files")
    }
    guard disk == 0 else { throw .unsupported("multi-part archives are not supported") }
    guard Int(offset) + Int(size) <= at else {
      throw .corrupt("central directory points past its end record")
    }
    return (Int(count), Int(offset))
  }

  private static func centralEntry(_ bytes: [UInt8], at offset: Int) throws(Failure) -> (
    Entry, Int
  ) {
    guard uint32(bytes, offset) == 0x0201_4b50, let madeBy = uint16(bytes, offset + 4),
      let flags = uint16(bytes, offset + 8), let method = uint16(bytes, offset + 10),
      let crc = uint32(bytes, offset + 16), let compressed = uint32(bytes, offset + 20),
      let size = uint32(bytes, offset + 24), let nameLength = uint16(bytes, offset + 28),
      let extraLength = uint16(bytes, offset + 30), let commentLength = uint16(bytes, offset + 32),
      let external = uint32(bytes, offset + 38), let local = uint32(bytes, offset + 42)
    else { throw .corrupt("bad central directory entry at offset \(offset)") }
    let nameStart = offset + 46
    guard nameStart + Int(nameLength) <= bytes.count else {
      throw .corrupt("entry name runs past the end")
    }
    let name = String(decoding: bytes[nameStart..<nameStart + Int(nameLength)], as: UTF8.self)
    guard flags & 1 == 0 else { throw .unsupported("'\(name)' is encrypted") }
    if compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
      throw .unsupported("ZIP64 archives are not supported; zip fewer or smaller files")
    }
    try checkName(name)
    let entry = Entry(
      name: name, method: method, crc: crc, compressedSize: Int(compressed), size: Int(size),
      localHeaderOffset: Int(local), unixMode: madeBy >> 8 == 3 ? external >> 16 : nil)
    return (entry, nameStart + Int(nameLength) + Int(extraLength) + Int(commentLength))
  }

  /// Refuses names that would land outside the extraction folder.
  private static func checkName(_ name: String) throws(Failure) {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0"),
      !parts.contains(".."), !parts.dropLast().contains("")
    else { throw .corrupt("unsafe entry name '\(name)'") }
  }

  static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16? {
    guard at >= 0, at + 2 <= bytes.count else { return nil }
    return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32? {
    guard at >= 0, at + 4 <= bytes.count else { return nil }
    return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
      | UInt32(bytes[at + 3]) << 24
  }
}
