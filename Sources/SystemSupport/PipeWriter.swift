#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes to a pipe whose reader may go away, without the process being killed by SIGPIPE and
/// without changing the process-wide signal disposition (other threads keep theirs).
public enum PipeWriter {
  /// What became of a write.
  public enum Outcome: Equatable, Sendable {
    /// Everything was written.
    case written
    /// The reader has gone (`EPIPE`): nothing more will be read.
    case readerGone
    /// Another error (`errno`), e.g. a full disk behind a redirection.
    case failed(Int32)
  }

  /// Writes all of `text` to `descriptor`, stopping quietly when the reader has gone.
  @discardableResult
  public static func write(_ text: String, to descriptor: Int32) -> Outcome {
    let complete = Platform.withoutBrokenPipeSignal(descriptor) { writeAll(text, to: descriptor) }
    if complete { return .written }
    return errno == EPIPE ? .readerGone : .failed(errno)
  }

  private static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
    var copy = text
    return copy.withUTF8 { bytes in
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
}
