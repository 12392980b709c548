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
  /// Replaces the contents of `url` with `data`, atomically and durably. With `durable: false`
  /// (caches, which can be rebuilt) the flushes are left out: still never a mixture, but after
  /// a power loss the file may hold its old contents or be empty.
  public static func write(
    _ data: Data, to url: URL, permissions: mode_t = 0o644, durable: Bool = true
  ) throws {
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(temporaryName(for: url))
    let fd = try openRetrying(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
    do {
      try writeAll(data, to: fd, path: temporary.path)
      if durable, fsync(fd) != 0 { throw FileSystemError.last("flush", temporary.path) }
      if close(fd) != 0 { throw FileSystemError.last("close", temporary.path) }
    } catch {
      close(fd)
      unlink(temporary.path)
      throw error
    }
    if rename(temporary.path, url.path) != 0 {
      let failure = FileSystemError.last("rename", temporary.path)
      unlink(temporary.path)
      throw failure
    }
    if durable { try syncDirectory(of: url) }
  }

  /// Reads the whole of `url`, or returns `nil` when there is no such file.
  public static func readIfPresent(_ url: URL) throws -> Data? {
    let fd: Int32
    do {
      fd = try openRetrying(url.path, O_RDONLY | O_CLOEXEC, 0)
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
        throw FileSystemError.last("read", url.path)
      }
      data.append(contentsOf: buffer[0..<count])
    }
  }

  /// Makes `backup` hold the current contents of `source`, replacing any older backup atomically.
  ///
  /// Uses a hard link when the file system allows it (no copying; the link shares the inode only
  /// until `source` is next replaced by `write`), and falls back to an atomic copy otherwise.
  /// Does nothing when `source` does not exist.
  public static func snapshot(_ source: URL, to backup: URL) throws {
    let temporary = backup.deletingLastPathComponent()
      .appendingPathComponent(temporaryName(for: backup))
    if link(source.path, temporary.path) == 0 {
      if rename(temporary.path, backup.path) == 0 {
        // When backup already was a link to the same file, rename does nothing and
        // leaves the temporary name behind.
        unlink(temporary.path)
        return
      }
      let failure = FileSystemError.last("rename", temporary.path)
      unlink(temporary.path)
      throw failure
    }
    if errno == ENOENT { return }
    guard let data = try readIfPresent(source) else { return }
    try write(data, to: backup)
  }

  /// Removes temporary files that interrupted writes of `url` left behind.
  ///
  /// Only call this while holding the exclusive lock that all writers of `url` take, so that no
  /// temporary file still being written is removed. Returns how many files were removed.
  @discardableResult
  public static func removeStaleTemporaries(for url: URL) -> Int {
    let folder = url.deletingLastPathComponent()
    let prefix = temporaryPrefix(for: url)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var removed = 0
    for name in names where name.hasPrefix(prefix) {
      if unlink(folder.appendingPathComponent(name).path) == 0 { removed += 1 }
    }
    return removed
  }

  /// The name prefix of temporary files for `url`: hidden, and distinct per target file.
  public static func temporaryPrefix(for url: URL) -> String {
    "." + url.lastPathComponent + ".tmp-"
  }

  private static func temporaryName(for url: URL) -> String {
    let random = UInt64.random(in: 0...UInt64.max)
    return temporaryPrefix(for: url) + "\(getpid())-" + String(random, radix: 16)
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

  /// Flushes the folder holding `url`, so that a rename into it is durable.
  private static func syncDirectory(of url: URL) throws {
    let folder = url.deletingLastPathComponent().path
    let fd = try openRetrying(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
    defer { close(fd) }
    if fsync(fd) != 0 && errno != EINVAL { throw FileSystemError.last("flush", folder) }
  }
}
