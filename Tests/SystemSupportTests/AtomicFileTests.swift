import Foundation
import Testing

@testable import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct AtomicFileTests {
  @Test func writeCreatesThenReplacesTheFileAndLeavesNoTemporaryFile() throws {
    let folder = try TemporaryFolder()
    let target = folder.file("state.json")
    try AtomicFile.write(Data("first".utf8), to: target)
    #expect(try Data(contentsOf: target.url) == Data("first".utf8))
    try AtomicFile.write(Data("second, longer".utf8), to: target)
    #expect(try Data(contentsOf: target.url) == Data("second, longer".utf8))
    #expect(try folder.names() == ["state.json"])
  }

  @Test func writeAppliesThePermissions() throws {
    let folder = try TemporaryFolder()
    let target = folder.file("private.json")
    try AtomicFile.write(Data("x".utf8), to: target, permissions: 0o600)
    let attributes = try FileManager.default.attributesOfItem(atPath: target.string)
    let mode = try #require(attributes[.posixPermissions] as? NSNumber)
    // The umask can only clear bits, so the group and other bits must stay clear.
    #expect(mode.intValue & 0o077 == 0)
    #expect(mode.intValue & 0o600 == 0o600)
  }

  @Test func writeIntoAMissingFolderNamesThePathAndTheCause() throws {
    let folder = try TemporaryFolder()
    let target = folder.file("missing/state.json")
    let error = try #require(throws: FileSystemError.self) {
      try AtomicFile.write(Data("x".utf8), to: target)
    }
    #expect(error.code == ENOENT)
    #expect(error.description.contains(folder.file("missing").string))
    #expect(error.description.contains("Check that the folder exists"))
  }

  @Test func readIfPresentReturnsNilOnlyForAMissingFile() throws {
    let folder = try TemporaryFolder()
    #expect(try AtomicFile.readIfPresent(folder.file("absent")) == nil)
    let empty = folder.file("empty")
    try AtomicFile.write(Data(), to: empty)
    #expect(try AtomicFile.readIfPresent(empty) == Data())
    let big = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    try AtomicFile.write(big, to: folder.file("big"))
    #expect(try AtomicFile.readIfPresent(folder.file("big")) == big)
  }

  @Test func snapshotKeepsTheOldContentsAfterTheSourceIsReplaced() throws {
    let folder = try TemporaryFolder()
    let source = folder.file("state.json")
    let backup = folder.file("state.json.bak")
    try AtomicFile.write(Data("v1".utf8), to: source)
    try AtomicFile.snapshot(source, to: backup)
    try AtomicFile.write(Data("v2".utf8), to: source)
    #expect(try Data(contentsOf: backup.url) == Data("v1".utf8))
    try AtomicFile.snapshot(source, to: backup)
    try AtomicFile.write(Data("v3".utf8), to: source)
    #expect(try Data(contentsOf: backup.url) == Data("v2".utf8))
    #expect(try Data(contentsOf: source.url) == Data("v3".utf8))
    #expect(try folder.names() == ["state.json", "state.json.bak"])
  }

  @Test func snapshotOntoALinkOfTheSameFileLeavesNoTemporary() throws {
    // A writer killed between snapshot and write leaves the backup linked to the file itself.
    let folder = try TemporaryFolder()
    let source = folder.file("state.json")
    try AtomicFile.write(Data("v1".utf8), to: source)
    try AtomicFile.snapshot(source, to: folder.file("state.json.bak"))
    try AtomicFile.snapshot(source, to: folder.file("state.json.bak"))
    #expect(try folder.names() == ["state.json", "state.json.bak"])
    #expect(try Data(contentsOf: folder.file("state.json.bak").url) == Data("v1".utf8))
  }

  @Test func snapshotOfAMissingSourceChangesNothing() throws {
    let folder = try TemporaryFolder()
    try AtomicFile.snapshot(folder.file("absent"), to: folder.file("absent.bak"))
    #expect(try folder.names() == [])
  }

  @Test func removeStaleTemporariesRemovesOnlyThatFilesTemporaries() throws {
    let folder = try TemporaryFolder()
    let target = folder.file("state.json")
    let prefix = AtomicFile.temporaryPrefix(for: target)
    for name in [prefix + "1-a", prefix + "2-b", ".other.json.tmp-1-c", "state.json"] {
      try Data("x".utf8).write(to: folder.file(name).url)
    }
    #expect(AtomicFile.removeStaleTemporaries(for: target) == 2)
    #expect(try folder.names() == [".other.json.tmp-1-c", "state.json"])
  }
}
