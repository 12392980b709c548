import Foundation
import SystemSupport

/// Writes the bundled bootstraps to a cache folder at run time (once per content version).
///
/// The folder is `$TMPDIR/lambdalings-<uid>/runtime-<hash>/`; a changed bootstrap gets a new
/// hash, so a stale copy is never used. Each file is written with `AtomicFile`, so two programs
/// starting runtimes at the same moment never see a half-written bootstrap.
enum BootstrapCache {
  /// Files already checked or written by this program run.
  private static let written = Locked<Set<AbsolutePath>>([])

  /// The hash of every bundled script, computed once.
  private static let contentHash = String(
    fnv1a(PythonBootstrap.stub + PythonBootstrap.source + NodeBootstrap.source), radix: 16)

  /// The path of the bootstrap file for `runtime` (`nil` for `provided`), writing it if needed.
  static func path(for runtime: LambdaRuntimeKind) throws -> AbsolutePath? {
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
  static var directory: AbsolutePath {
    AbsolutePath(NSTemporaryDirectory(), relativeTo: .currentDirectory())
      .appending("lambdalings-\(Platform.userID)/runtime-\(contentHash)")
  }

  private static func write(name: String, source: String) throws -> AbsolutePath {
    let folder = directory
    let file = folder.appending(name)
    if written.withLock({ $0.contains(file) }) { return file }
    let data = Data(source.utf8)
    if (try? AtomicFile.readIfPresent(file)) != data {
      do {
        try FileManager.default.createDirectory(
          atPath: folder.string, withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
        try AtomicFile.write(data, to: file)
      } catch let error as FileSystemError {
        throw LambdaRuntimeError.bootstrapUnavailable(path: file.string, detail: error.reason)
      } catch {
        throw LambdaRuntimeError.bootstrapUnavailable(
          path: file.string, detail: error.localizedDescription)
      }
    }
    written.withLock { _ = $0.insert(file) }
    return file
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
