import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the bundled bootstraps to a cache folder at run time (once per content version).
///
/// The folder is `$TMPDIR/lambdalings-<uid>/runtime-<hash>/`; a changed bootstrap gets a new
/// hash, so a stale copy is never used.
enum BootstrapCache {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var written: [String: String] = [:]

  /// The path of the bootstrap file for `runtime` (`nil` for `provided`), writing it if needed.
  static func path(for runtime: LambdaRuntimeKind) throws -> String? {
    switch runtime {
    case .python:
      _ = try write(name: PythonBootstrap.moduleFileName, source: PythonBootstrap.source)
      return try write(name: PythonBootstrap.fileName, source: PythonBootstrap.stub)
    case .nodejs:
      return try write(name: NodeBootstrap.fileName, source: NodeBootstrap.source)
    case .provided:
      return nil
    }
  }

  /// The folder given to runtimes as `LAMBDA_RUNTIME_DIR`.
  static var directory: String {
    let base = FileManager.default.temporaryDirectory.path
    let hash = String(
      fnv1a(PythonBootstrap.stub + PythonBootstrap.source + NodeBootstrap.source), radix: 16)
    return "\(base)/lambdalings-\(getuid())/runtime-\(hash)"
  }

  private static func write(name: String, source: String) throws -> String {
    let folder = directory
    let target = "\(folder)/\(name)"
    if let cached = lock.withLock({ written[target] }) { return cached }
    let data = Data(source.utf8)
    if FileManager.default.contents(atPath: target) != data {
      do {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
        let temporary = "\(target).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        try data.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, target) == 0 else {
          let reason = String(cString: strerror(errno))
          try? FileManager.default.removeItem(atPath: temporary)
          throw LambdaRuntimeError.bootstrapUnavailable(path: target, detail: reason)
        }
      } catch let error as LambdaRuntimeError {
        throw error
      } catch {
        throw LambdaRuntimeError.bootstrapUnavailable(
          path: target, detail: error.localizedDescription)
      }
    }
    lock.withLock { written[target] = target }
    return target
  }

  /// 64-bit FNV-1a, enough to tell bootstrap versions apart.
  private static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash
  }
}
