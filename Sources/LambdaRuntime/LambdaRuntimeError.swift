/// Errors that stop a function from being created or run at all (as opposed to invocation
/// errors, which are results). Each message says what went wrong and what to do next.
public enum LambdaRuntimeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The interpreter a runtime needs is not on PATH.
  case interpreterNotFound(program: String, runtime: String, installHint: String)
  /// The interpreter exists but could not tell us its version or path.
  case interpreterUnusable(program: String, detail: String)
  /// A configuration value is out of range.
  case invalidConfiguration(String)
  /// The code folder or handler file is missing.
  case codeNotFound(path: String, detail: String)
  /// The bootstrap files could not be written to the cache folder.
  case bootstrapUnavailable(path: String, detail: String)
  /// Something the operating system refused (sockets, processes).
  case system(String)

  public var description: String {
    switch self {
    case .interpreterNotFound(let program, let runtime, let hint):
      return "\(program) was not found on PATH; the \(runtime) runtime needs it. \(hint)"
    case .interpreterUnusable(let program, let detail):
      return "\(program) could not be used: \(detail). Check that it runs from a terminal."
    case .invalidConfiguration(let message):
      return "invalid function configuration: \(message)"
    case .codeNotFound(let path, let detail):
      return "\(path): \(detail)"
    case .bootstrapUnavailable(let path, let detail):
      return "could not write the runtime bootstrap to \(path): \(detail); "
        + "set TMPDIR to a writable folder"
    case .system(let message):
      return message
    }
  }
}
