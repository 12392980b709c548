import Foundation
import SystemSupport

/// Remembers, across runs, which real interpreter a shim on PATH resolved to, so that the shim
/// (tens of milliseconds of shell and version-manager logic) runs once rather than on every
/// `invoke` and `check`.
///
/// One small file per fingerprint under `$XDG_CACHE_HOME/lambdalings/interpreters/` (or
/// `~/.cache/lambdalings/interpreters/`), written atomically. An entry is used only when its
/// whole fingerprint equals the current one and the interpreter it names is still the same file
/// (same stat); anything else is a miss and the shim is asked again. A broken or foreign file
/// is a miss, never an error.
public struct InterpreterCache: Sendable {
  /// The folder holding the entries.
  public let directory: AbsolutePath
  static let header = "lambdalings interpreter cache 1"

  public init(directory: AbsolutePath) {
    self.directory = directory
  }

  /// The cache of the user in `environment`, or `nil` when there is no home to put it in.
  public static func standard(environment: [String: String]) -> InterpreterCache? {
    if let disabled = environment["LAMBDALINGS_INTERPRETER_CACHE"], disabled == "off" {
      return nil
    }
    guard let directory = UserCache.directory("interpreters", environment: environment) else {
      return nil
    }
    return InterpreterCache(directory: directory)
  }

  /// The interpreter remembered for `fingerprint`, if it is still valid.
  public func lookup(_ fingerprint: InterpreterFingerprint) -> Interpreter? {
    let file = directory.appending(fingerprint.digest)
    guard let data = FileManager.default.contents(atPath: file.string) else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    guard let split = text.range(of: "\nkey:\n") else { return nil }
    guard String(text[split.upperBound...]) == fingerprint.text else { return nil }
    var fields: [String: String] = [:]
    for line in text[..<split.lowerBound].split(separator: "\n").dropFirst() {
      guard let equals = line.firstIndex(of: "=") else { return nil }
      fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    guard text.hasPrefix(Self.header + "\n"),
      let path = fields["path"].flatMap(AbsolutePath.init(validating:)),
      let version = fields["version"], !version.isEmpty, let stamp = fields["target"],
      InterpreterFingerprint.stamp(path.string, follow: true) == stamp,
      access(path.string, X_OK) == 0
    else { return nil }
    return Interpreter(path: path, version: version)
  }

  /// Remembers `interpreter` for `fingerprint`. Failures are ignored: the cache only saves time.
  public func store(_ interpreter: Interpreter, for fingerprint: InterpreterFingerprint) {
    guard let stamp = InterpreterFingerprint.stamp(interpreter.path.string, follow: true),
      !interpreter.path.string.contains("\n"), !interpreter.version.contains("\n")
    else { return }
    let text =
      [
        Self.header, "path=\(interpreter.path)", "version=\(interpreter.version)",
        "target=\(stamp)", "key:",
      ].joined(separator: "\n") + "\n" + fingerprint.text
    do {
      try FileManager.default.createDirectory(
        atPath: directory.string, withIntermediateDirectories: true, attributes: nil)
      try AtomicFile.write(Data(text.utf8), to: directory.appending(fingerprint.digest))
    } catch {
      return
    }
  }
}
