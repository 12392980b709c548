import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An advisory `flock(2)` lock held on a sidecar file next to the file it protects.
///
/// The lock lives on `<file>.lock`, never on the file itself, because the protected file is
/// replaced by rename on every atomic write: a lock taken on the old inode would not exclude a
/// process that opened the new one. The sidecar is created on first use and never removed.
///
/// Each `withLock` call opens its own descriptor, so two threads of one process exclude each
/// other just as two processes do. The kernel drops the lock when the holder dies, so a killed
/// writer never leaves the file locked.
public struct FileLock: Sendable {
  /// How the lock is shared.
  public enum Mode: Sendable {
    /// Many readers at once; excludes exclusive holders.
    case shared
    /// One writer alone.
    case exclusive
  }

  /// The sidecar file that carries the lock.
  public let lockFile: AbsolutePath

  /// A lock protecting `file`, held on `file` + `.lock`.
  public init(protecting file: AbsolutePath) {
    self.lockFile = file.addingSuffix(".lock")
  }

  /// Waits for the lock in `mode`, runs `body`, and releases the lock, also when `body` throws.
  public func withLock<T>(_ mode: Mode, _ body: () throws -> T) throws -> T {
    let fd = try openLockFile()
    defer { close(fd) }
    let operation = mode == .shared ? LOCK_SH : LOCK_EX
    while flock(fd, operation) != 0 {
      if errno == EINTR { continue }
      throw FileSystemError.last("lock", lockFile.string)
    }
    defer { _ = flock(fd, LOCK_UN) }
    return try body()
  }

  /// Opens (creating if needed) the sidecar; falls back to read-only for a read-only folder.
  private func openLockFile() throws -> Int32 {
    let path = lockFile.string
    while true {
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      if fd >= 0 { return fd }
      if errno == EINTR { continue }
      let failure = FileSystemError.last("open the lock file", path)
      let readOnly = open(path, O_RDONLY | O_CLOEXEC)
      if readOnly >= 0 { return readOnly }
      throw failure
    }
  }
}
