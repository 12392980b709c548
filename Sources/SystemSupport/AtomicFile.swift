import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Crash-safe whole-file writes: after a crash at any instant, the file holds either its old
/// contents or its new contents, never a mixture or a truncated file.
///
/// A write goes to a temporary file in the same folder (so the rename stays on one file system),
/// which is flushed with `fsync`, renamed over the target, and then the folder itself is flushed
/// so the rename survives a power loss. Callers that may run concurrently serialize with
/// `FileLock`; the writes themselves never leave a partial file even without it.
public enum AtomicFile {
  /// Replaces the contents of `file` with `data`, atomically and durably. With `durable: false`
  /// (caches, which can be rebuilt) the flushes are left out: still never a mixture, but after
  /// a power loss the file may hold its old contents or be empty.
  public static func write(
    _ data: Data, to file: AbsolutePath, permissions: mode_t = 0o644, durable: Bool = true
  ) throws {
    let temporary = file.parent.appending(temporaryName(for: file)).string
    let fd = try openRetrying(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
    do {
      try writeAll(data, to: fd, path: temporary)
      if durable, fsync(fd) != 0 { throw FileSystemError.last("flush", temporary) }
      if close(fd) != 0 { throw FileSystemError.last("close", temporary) }
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    if rename(temporary, file.string) != 0 {
      let failure = FileSystemError.last("rename", temporary)
      unlink(temporary)
      throw failure
    }
    if durable { try syncDirectory(of: file) }
  }

  /// Reads the whole of `file`, or returns `nil` when there is no such file.
  public static func readIfPresent(_ file: AbsolutePath) throws -> Data? {
    let fd: Int32
    do {
      fd = try openRetrying(file.string, O_RDONLY | O_CLOEXEC, 0)
    } catch let error as FileSystemError where error.code == ENOENT {
      return nil
    }
    defer { close(fd) }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count == 0 { return data }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileSystemError.last("read", file.string)
      }
      data.append(contentsOf: buffer[0..<count])
    }
  }

  /// Makes `backup` hold the current contents of `source`, replacing any older backup atomically.
  ///
  /// Uses a hard link when the file system allows it (no copying; the link shares the inode only
  /// until `source` is next replaced by `write`), and falls back to an atomic copy otherwise.
  /// Does nothing when `source` does not exist.
  public static func snapshot(_ source: AbsolutePath, to backup: AbsolutePath) throws {
    let temporary = backup.parent.appending(temporaryName(for: backup)).string
    if link(source.string, temporary) == 0 {
      if rename(temporary, backup.string) == 0 {
        // When backup already was a link to the same file, rename does nothing and
        // leaves the temporary name behind.
        unlink(temporary)
        return
      }
      let failure = FileSystemError.last("rename", temporary)
      unlink(temporary)
      throw failure
    }
    if errno == ENOENT { return }
    guard let data = try readIfPresent(source) else { return }
    try write(data, to: backup)
  }

  /// Removes temporary files that interrupted writes of `file` left behind.
  ///
  /// Only call this while holding the exclusive lock that all writers of `file` take, so that no
  /// temporary file still being written is removed. Returns how many files were removed.
  @discardableResult
  public static func removeStaleTemporaries(for file: AbsolutePath) -> Int {
    let folder = file.parent
    let prefix = temporaryPrefix(for: file)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.string)) ?? []
    var removed = 0
    for name in names where name.hasPrefix(prefix) {
      if unlink(folder.appending(name).string) == 0 { removed += 1 }
    }
    return removed
  }

  /// The name prefix of temporary files for `file`: hidden, and distinct per target file.
  public static func temporaryPrefix(for file: AbsolutePath) -> String {
    "." + file.name + ".tmp-"
  }

  private static func temporaryName(for file: AbsolutePath) -> String {
    let random = UInt64.random(in: 0...UInt64.max)
    return temporaryPrefix(for: file) + "\(getpid())-" + String(random, radix: 16)
  }

  private static func openRetrying(_ path: String, _ flags: Int32, _ mode: mode_t) throws -> Int32 {
    while true {
      let fd = open(path, flags, mode)
      if fd >= 0 { return fd }
      if errno != EINTR { throw FileSystemError.last("open", path) }
    }
  }

  private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      guard let base = raw.baseAddress else { return }
      var offset = 0
      while offset < raw.count {
        let written = Platform.write(fd, base + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw FileSystemError.last("write", path)
        }
        offset += written
      }
    }
  }

  /// Flushes the folder holding `file`, so that a rename into it is durable.
  private static func syncDirectory(of file: AbsolutePath) throws {
    let folder = file.parent.string
    let fd = try openRetrying(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
    defer { close(fd) }
    if fsync(fd) != 0 && errno != EINVAL { throw FileSystemError.last("flush", folder) }
  }
}
