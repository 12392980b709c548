#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed file-system call: which operation, on which path, and the `errno` it left.
///
/// Its description is meant for a learner: it names the file, says what went wrong in words and,
/// for the common causes (permissions, a full disk, a read-only volume), what to do next.
public struct FileSystemError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The operation in words, such as "open", "lock", "write", "rename".
  public let operation: String
  /// The path the operation was applied to.
  public let path: String
  /// The `errno` value the call reported.
  public let code: Int32

  /// Creates an error for `operation` on `path` with the given `errno` value.
  public init(operation: String, path: String, code: Int32) {
    self.operation = operation
    self.path = path
    self.code = code
  }

  /// Captures the current `errno` for a call that just failed.
  static func last(_ operation: String, _ path: String) -> FileSystemError {
    FileSystemError(operation: operation, path: path, code: errno)
  }

  /// The system's text for `code`, such as "Permission denied".
  public var reason: String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }

  /// A hint about what the learner can do, when the cause is a common one.
  public var advice: String {
    switch code {
    case EACCES, EPERM:
      return "Check that you may write to this folder, or choose another with --workspace."
    case ENOSPC, EDQUOT:
      return "The disk is full; free some space and run the command again."
    case EROFS:
      return "The file system is read-only; choose a writable folder with --workspace."
    case ENOENT, ENOTDIR:
      return "Check that the folder exists."
    default:
      return "Run the command again; if it keeps failing, check the folder's permissions."
    }
  }

  /// `could not <operation> <path>: <reason>. <advice>`
  public var description: String {
    "could not \(operation) \(path): \(reason). \(advice)"
  }
}
