import Foundation
import Testing

@testable import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct WholeFileTests {
  /// Bytes that are not all alike, so a misplaced chunk would show.
  static func pattern(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
  }

  @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 300_001])
  func readsARegularFileWhole(size: Int) throws {
    let folder = try TemporaryFolder()
    let file = folder.file("input.md")
    let bytes = Self.pattern(size)
    try Data(bytes).write(to: file.url)
    #expect(WholeFile.read(path: file) == bytes)
  }

  @Test func readsAPipeLargerThanItsFirstBufferWhole() throws {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    let bytes = Self.pattern(200_000)
    let writeEnd = ends[1]
    // A writer thread, as a pipe holds only 64 KB.
    let writer = Thread {
      bytes.withUnsafeBytes { raw in
        var sent = 0
        while sent < raw.count {
          let count = write(writeEnd, raw.baseAddress! + sent, raw.count - sent)
          if count <= 0 { break }
          sent += count
        }
      }
      close(writeEnd)
    }
    writer.start()
    defer { close(ends[0]) }
    #expect(try WholeFile.read(descriptor: ends[0]) == bytes)
  }

  @Test func aFolderOrAMissingFileGivesNil() throws {
    let folder = try TemporaryFolder()
    #expect(WholeFile.read(path: folder.path) == nil)
    #expect(WholeFile.read(path: folder.file("missing.md")) == nil)
  }
}
