#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file or stream with `read(2)` straight into one byte array: no `Data`, no
/// `FileHandle`, no second copy. A regular file's size (from `fstat`) sizes the array up front,
/// so a file costs one allocation; a pipe grows the array by doubling.
public enum WholeFile {
  /// Everything left on `descriptor` up to its end. `path` names it in errors.
  public static func read(descriptor: Int32, path: String = "-") throws -> [UInt8] {
    var status = stat()
    var capacity = 64 * 1024
    if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 {
      // One byte more than the size, so that the read which sees the end needs no growth.
      capacity = Int(status.st_size) + 1
    }
    var bytes: [UInt8] = []
    while true {
      var failure: Int32 = 0
      var atEnd = false
      let previous = bytes
      bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        guard let base = buffer.baseAddress else { return }
        if !previous.isEmpty {
          previous.withUnsafeBufferPointer { old in
            base.update(from: old.baseAddress!, count: old.count)
          }
        }
        count = previous.count
        while count < capacity {
          let got = Platform.readDescriptor(descriptor, base + count, capacity - count)
          if got > 0 {
            count += got
          } else if got == 0 {
            atEnd = true
            return
          } else if errno != EINTR {
            failure = errno
            return
          }
        }
      }
      if failure != 0 { throw FileSystemError(operation: "read", path: path, code: failure) }
      if atEnd { return bytes }
      capacity *= 2
    }
  }

  /// The whole file at `path`, or nil when it cannot be opened or read (no such file, a
  /// folder, no permission); callers say which.
  public static func read(path: AbsolutePath) -> [UInt8]? {
    let fd = open(path.string, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return try? read(descriptor: fd, path: path.string)
  }
}

extension Platform {
  /// `read(2)`: the count read, 0 at the end, -1 with `errno` set.
  static func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int)
    -> Int
  {
    read(fd, buffer, count)
  }
}
