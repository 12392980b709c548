import Foundation
import SystemSupport

/// A resolved language interpreter: its real path (past pyenv/nvm shims) and version.
public struct Interpreter: Sendable, Equatable {
  /// The absolute path of the real executable.
  public var path: String
  /// `major.minor` for Python (e.g. `3.12`), the major version for Node (e.g. `20`).
  public var version: String

  /// The `AWS_EXECUTION_ENV` value for this interpreter and runtime.
  public func executionEnvironment(for runtime: LambdaRuntimeKind) -> String {
    switch runtime {
    case .python: return "AWS_Lambda_python\(version)"
    case .nodejs: return "AWS_Lambda_nodejs\(version).x"
    case .provided: return "AWS_Lambda_provided.al2023"
    }
  }

  /// Resolved interpreters by runtime and search path.
  private static let cache = Locked<[String: Interpreter]>([:])

  /// Resolves the interpreter of `runtime` once per program run (later calls are free).
  public static func resolve(
    _ runtime: LambdaRuntimeKind, path searchPath: String? = nil
  ) throws -> Interpreter? {
    let searchPath = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let key = "\(runtime.rawValue)|\(searchPath)"
    if let cached = cache.withLock({ $0[key] }) { return cached }
    let resolved: Interpreter
    switch runtime {
    case .provided:
      return nil
    case .python:
      resolved = try probe(
        program: "python3", runtime: "python", searchPath: searchPath,
        arguments: [
          "-S", "-c", "import sys;print(sys.executable);print('%d.%d'%sys.version_info[:2])",
        ],
        hint: "Install Python 3 (Debian/Ubuntu: `sudo apt-get install python3`; macOS: "
          + "`brew install python`; or https://www.python.org/downloads/) and try again.")
    case .nodejs:
      resolved = try probe(
        program: "node", runtime: "nodejs", searchPath: searchPath,
        arguments: [
          "-e", "console.log(process.execPath);console.log(process.versions.node.split('.')[0])",
        ],
        hint: "Install Node.js 18 or newer (https://nodejs.org/en/download, or "
          + "`sudo apt-get install nodejs`) and try again.")
    }
    cache.withLock { $0[key] = resolved }
    return resolved
  }

  /// The first executable named `program` in `searchPath`.
  public static func find(_ program: String, in searchPath: String) -> String? {
    for directory in searchPath.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/\(program)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  private static func probe(
    program: String, runtime: String, searchPath: String, arguments: [String], hint: String
  ) throws -> Interpreter {
    guard let shim = find(program, in: searchPath) else {
      throw LambdaRuntimeError.interpreterNotFound(
        program: program, runtime: runtime, installHint: hint)
    }
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = searchPath
    let handle: ProcessHandle
    do {
      handle = try ProcessHandle.launch(
        executable: shim, arguments: arguments, environment: environment)
    } catch {
      throw LambdaRuntimeError.interpreterUnusable(program: shim, detail: "\(error)")
    }
    let exit = handle.waitForExit(until: ProcessClock.now() + 30_000_000_000)
    let output = handle.takeOutput().text
    handle.killGroup()
    let lines = output.split(separator: "\n").map(String.init)
    guard exit == .exited(0), lines.count >= 2, lines[lines.count - 2].hasPrefix("/") else {
      let detail = output.isEmpty ? "it ended with \(exit?.description ?? "no exit")" : output
      throw LambdaRuntimeError.interpreterUnusable(program: shim, detail: detail)
    }
    return Interpreter(path: lines[lines.count - 2], version: lines[lines.count - 1])
  }
}
