/// Why a child process could not be started.
public struct ProcessSpawnError: Error, Sendable, CustomStringConvertible {
  /// The program that was to be started.
  public var executable: String
  /// The `errno` value reported by the failing call.
  public var code: Int32
  /// The failing call (`pipe2`, `posix_spawn`, ...).
  public var operation: String

  /// Creates an error for `operation` failing with `code` while starting `executable`.
  public init(executable: String, code: Int32, operation: String) {
    self.executable = executable
    self.code = code
    self.operation = operation
  }

  public var description: String {
    let reason = String(cString: strerror(code))
    return "could not start \(executable): \(operation) failed: \(reason) (errno \(code)); "
      + "check that the file exists and is executable"
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
