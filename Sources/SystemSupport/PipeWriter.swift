#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes to a pipe whose reader may go away, without the process being killed by SIGPIPE and
/// without changing the process-wide signal disposition (other threads keep theirs).
public enum PipeWriter {
  /// Writes all of `text` to `descriptor`, stopping quietly when the reader has gone.
  /// Returns whether everything was written; when not, `errno` tells why (`EPIPE`: the reader
  /// has gone).
  @discardableResult
  public static func write(_ text: String, to descriptor: Int32) -> Bool {
    var copy = text
    return copy.withUTF8 { write($0, to: descriptor) }
  }

  /// Writes all of `bytes` to `descriptor`, as `write(_:to:)` does for text.
  @discardableResult
  public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
    #if canImport(Darwin)
      _ = fcntl(descriptor, F_SETNOSIGPIPE, 1)
      return writeAll(bytes, to: descriptor)
    #else
      // SIGPIPE from write() is sent to the writing thread: block it here, and consume the
      // pending signal before unblocking if the reader went away.
      var blocked = sigset_t()
      var previous = sigset_t()
      sigemptyset(&blocked)
      sigaddset(&blocked, SIGPIPE)
      var pending = sigset_t()
      sigpending(&pending)
      let alreadyPending = sigismember(&pending, SIGPIPE) == 1
      pthread_sigmask(SIG_BLOCK, &blocked, &previous)
      let complete = writeAll(bytes, to: descriptor)
      let writeError = errno
      defer { errno = writeError }
      if !complete && !alreadyPending {
        var timeout = timespec(tv_sec: 0, tv_nsec: 0)
        _ = sigtimedwait(&blocked, nil, &timeout)
      }
      pthread_sigmask(SIG_SETMASK, &previous, nil)
      return complete
    #endif
  }

  private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var offset = 0
    while offset < bytes.count {
      #if canImport(Glibc)
        let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
      #else
        let written = Darwin.write(descriptor, base + offset, bytes.count - offset)
      #endif
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }
}
