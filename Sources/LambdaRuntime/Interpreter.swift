import Foundation
import SystemSupport

/// A resolved language interpreter: its real path (past pyenv/nvm shims) and version.
public struct Interpreter: Sendable, Equatable {
  /// The real executable.
  public var path: AbsolutePath
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

  /// What this run resolved: interpreters by runtime and search path, and a note per resolution.
  private struct Resolutions {
    var memo: [String: Interpreter] = [:]
    var notes: [String] = []
  }

  private static let resolutions = Locked(Resolutions())

  /// Where a resolution came from.
  public enum Source: String, Sendable {
    /// The on-disk cache had a valid entry; no process was started.
    case cache
    /// The program on PATH was started and asked for its real path.
    case probe
  }

  /// Resolves the interpreter of `runtime` once per program run (later calls are free), using
  /// the user's interpreter cache so that a version-manager shim runs only when something it
  /// depends on changed.
  public static func resolve(
    _ runtime: LambdaRuntimeKind, path searchPath: String? = nil
  ) throws -> Interpreter? {
    let environment = ProcessInfo.processInfo.environment
    let searchPath = searchPath ?? environment["PATH"] ?? "/usr/bin:/bin"
    let key = "\(runtime.rawValue)|\(searchPath)"
    if let cached = resolutions.withLock({ $0.memo[key] }) { return cached }
    let started = ProcessClock.now()
    guard
      let (resolved, source) = try resolve(
        runtime, searchPath: searchPath, environment: environment,
        currentDirectory: FileManager.default.currentDirectoryPath,
        cache: InterpreterCache.standard(environment: environment))
    else { return nil }
    let milliseconds = Double(ProcessClock.now() - started) / 1e6
    let how =
      source == .cache
      ? "from the interpreter cache" : "asked the program on PATH, then cached"
    let note =
      "\(runtime.rawValue): \(resolved.path) (\(resolved.version)), \(how), "
      + String(format: "%.1f ms", milliseconds)
    resolutions.withLock {
      $0.memo[key] = resolved
      $0.notes.append(note)
    }
    return resolved
  }

  /// What the resolutions of this run did, one line each (for `--verbose`).
  public static func resolutionNotes() -> [String] { resolutions.withLock { $0.notes } }

  /// Resolves the interpreter of `runtime` as a program started in `currentDirectory` with
  /// `environment` and `searchPath` would run it: from `cache` when its entry for the current
  /// fingerprint is valid, otherwise by asking the program (and remembering the answer).
  /// `nil` for runtimes without an interpreter.
  public static func resolve(
    _ runtime: LambdaRuntimeKind, searchPath: String, environment: [String: String],
    currentDirectory: String, cache: InterpreterCache?
  ) throws -> (Interpreter, Source)? {
    let program: String
    let probeArguments: [String]
    let hint: String
    switch runtime {
    case .provided:
      return nil
    case .python:
      program = "python3"
      probeArguments = [
        "-S", "-c", "import sys;print(sys.executable);print('%d.%d'%sys.version_info[:2])",
      ]
      hint =
        "Install Python 3 (Debian/Ubuntu: `sudo apt-get install python3`; macOS: "
        + "`brew install python`; or https://www.python.org/downloads/) and try again."
    case .nodejs:
      program = "node"
      probeArguments = [
        "-e", "console.log(process.execPath);console.log(process.versions.node.split('.')[0])",
      ]
      hint =
        "Install Node.js 18 or newer (https://nodejs.org/en/download, or "
        + "`sudo apt-get install nodejs`) and try again."
    }
    guard let shim = find(program, in: searchPath) else {
      throw LambdaRuntimeError.interpreterNotFound(
        program: program, runtime: runtime.rawValue, installHint: hint)
    }
    let fingerprint = cache.flatMap { _ in
      InterpreterFingerprint(
        program: shim, runtime: runtime.rawValue, searchPath: searchPath,
        environment: environment, currentDirectory: currentDirectory)
    }
    if let cache, let fingerprint, let hit = cache.lookup(fingerprint) {
      return (hit, .cache)
    }
    let resolved = try probe(
      shim: shim, searchPath: searchPath, environment: environment,
      currentDirectory: currentDirectory, arguments: probeArguments)
    if let cache, let fingerprint {
      // Stored only if nothing the shim depends on changed while it ran.
      let after = InterpreterFingerprint(
        program: shim, runtime: runtime.rawValue, searchPath: searchPath,
        environment: environment, currentDirectory: currentDirectory)
      if after == fingerprint { cache.store(resolved, for: fingerprint) }
    }
    return (resolved, .probe)
  }

  /// The first executable named `program` in `searchPath`, as PATH names it (a PATH entry may
  /// be relative; the result is handed to `exec` as it is, never resolved here).
  public static func find(_ program: String, in searchPath: String) -> String? {
    for directory in searchPath.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/\(program)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  private static func probe(
    shim: String, searchPath: String, environment: [String: String], currentDirectory: String,
    arguments: [String]
  ) throws -> Interpreter {
    var environment = environment
    environment["PATH"] = searchPath
    let handle: ProcessHandle
    do {
      handle = try ProcessHandle.launch(
        executable: shim, arguments: arguments, environment: environment,
        workingDirectory: currentDirectory)
    } catch {
      throw LambdaRuntimeError.interpreterUnusable(program: shim, detail: "\(error)")
    }
    let exit = handle.waitForExit(until: ProcessClock.now() + 30_000_000_000)
    let output = handle.takeOutput().text
    handle.killGroup()
    let lines = output.split(separator: "\n").map(String.init)
    guard exit == .exited(0), lines.count >= 2,
      let path = AbsolutePath(validating: lines[lines.count - 2])
    else {
      let detail = output.isEmpty ? "it ended with \(exit?.description ?? "no exit")" : output
      throw LambdaRuntimeError.interpreterUnusable(program: shim, detail: detail)
    }
    return Interpreter(path: path, version: lines[lines.count - 1])
  }
}
