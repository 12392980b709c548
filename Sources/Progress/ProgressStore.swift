import Foundation
import SystemSupport

/// Reads and writes `progress.json` in a workspace folder without ever losing progress.
///
/// - `load()` reads under a shared `flock` (on `progress.json.lock`); a missing file is an empty
///   document.
/// - `update(_:)` takes the exclusive lock, re-reads the file inside it, applies the change, keeps
///   the previous file as `progress.json.bak`, and writes the new one atomically (temporary file,
///   `fsync`, rename, `fsync` of the folder). Two processes updating at once lose nothing, and a
///   writer killed at any instant leaves either the old or the new file.
/// - A corrupt file or one of an unknown version throws `ProgressError` and is left untouched.
public struct ProgressStore: Sendable {
  /// The name of the progress file inside the workspace.
  public static let fileName = "progress.json"

  /// The workspace folder holding the progress file.
  public let directory: AbsolutePath
  /// `<directory>/progress.json`.
  public let file: AbsolutePath
  /// `<directory>/progress.json.bak`, the file as it was before the latest update.
  public let backup: AbsolutePath
  /// The migrator that brings older files up to date when they are read.
  public let migrator: ProgressMigrator
  private let clock: @Sendable () -> Date

  /// A store for the progress file in `directory`.
  ///
  /// `clock` supplies the time for `created` and `updated`; tests pass a fixed one.
  public init(
    directory: AbsolutePath, migrator: ProgressMigrator = .standard,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.directory = directory
    self.file = directory.appending(Self.fileName)
    self.backup = file.addingSuffix(".bak")
    self.migrator = migrator
    self.clock = clock
  }

  /// Whether the progress file exists.
  public var exists: Bool {
    FileManager.default.fileExists(atPath: file.string)
  }

  /// Reads the progress file under a shared lock; a missing file gives an empty document.
  ///
  /// Throws `ProgressError` for a corrupt or unreadable-version file, `FileSystemError` when
  /// the file cannot be read at all.
  public func load() throws -> ProgressDocument {
    guard exists else { return ProgressDocument(created: now()) }
    let data: Data?
    do {
      data = try FileLock(protecting: file).withLock(.shared) {
        try AtomicFile.readIfPresent(file)
      }
    } catch let error as FileSystemError where [EACCES, EPERM, EROFS].contains(error.code) {
      // A folder where not even the lock file can be created cannot be written by lambdalings
      // either, so reading without the lock is safe enough to show the learner their progress.
      data = try AtomicFile.readIfPresent(file)
    }
    guard let data else { return ProgressDocument(created: now()) }
    return try decode(data)
  }

  /// Applies `body` to the current document and saves the result; returns what was saved.
  ///
  /// Runs under the exclusive lock and re-reads the file inside it, so concurrent updates from
  /// other processes are never lost. Creates the folder and the file when missing, sets
  /// `updated` (and `created` for a new file), and keeps the previous file as the backup.
  /// If `body` throws, nothing is written and the error is passed on.
  @discardableResult
  public func update(_ body: (inout ProgressDocument) throws -> Void) throws -> ProgressDocument {
    try createDirectory()
    return try FileLock(protecting: file).withLock(.exclusive) {
      let timestamp = now()
      let existing = try AtomicFile.readIfPresent(file)
      var document = try existing.map(decode) ?? ProgressDocument(created: timestamp)
      try body(&document)
      document.version = ProgressDocument.currentVersion
      document.updated = timestamp
      let data = try ProgressCoding.encode(document)
      // Holding the exclusive lock, any temporary file of ours is left over from a killed writer.
      AtomicFile.removeStaleTemporaries(for: file)
      AtomicFile.removeStaleTemporaries(for: backup)
      if existing != nil { try AtomicFile.snapshot(file, to: backup) }
      try AtomicFile.write(data, to: file)
      return try decode(data)
    }
  }

  private func now() -> Date {
    ProgressCoding.wholeSeconds(clock())
  }

  private func createDirectory() throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory.string, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return
    }
    do {
      try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
    } catch {
      let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
      let code = underlying.map { Int32(truncatingIfNeeded: $0.code) } ?? EIO
      throw FileSystemError(operation: "create the folder", path: directory.string, code: code)
    }
  }
}
