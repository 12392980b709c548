#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes to a pipe whose reader may go away, without the process being killed by SIGPIPE and
/// without changing the process-wide signal disposition (other threads keep theirs).
public enum PipeWriter {
  /// Writes all of `text` to `descriptor`, stopping quietly when the reader has gone.
  /// Returns whether everything was written; when not, `readerHasGone` (asked on the same
  /// thread, right after) tells whether the reader left.
  @discardableResult
  public static func write(_ text: String, to descriptor: Int32) -> Bool {
    var copy = text
    return copy.withUTF8 { write($0, to: descriptor) }
  }

  /// Writes all of `bytes` to `descriptor`, as `write(_:to:)` does for text.
  @discardableResult
  public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
    Platform.withoutBrokenPipeSignal(descriptor) { writeAll(bytes, to: descriptor) }
  }

  /// After a `write` that returned false, on the same thread: whether it failed because the
  /// reader has gone (`EPIPE`) rather than for another reason, such as a full disk.
  public static var readerHasGone: Bool { errno == EPIPE }

  private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var offset = 0
    while offset < bytes.count {
      let written = Platform.write(descriptor, base + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }
}
