import Foundation
import SystemSupport

/// Everything that can change which interpreter a `python3` or `node` found on PATH runs.
///
/// Version managers (pyenv, asdf, mise, nodenv, nvm) put a shim first on PATH that picks a
/// version from environment variables and from version files in the current folder or its
/// parents. The fingerprint is the text of all of those inputs: the program's path and stat,
/// its folder's stat (pyenv and asdf rewrite shims when a version is installed), PATH, the
/// version managers' variables, and the name and contents of every version file the shim could
/// read. Two resolutions with equal fingerprints run the same interpreter.
public struct InterpreterFingerprint: Sendable, Equatable {
  /// The fingerprint as text, one input per line.
  public let text: String

  /// Files a shim may read in the current folder and each of its parents.
  static let localVersionFiles = [
    ".python-version", ".node-version", ".nvmrc", ".tool-versions", "mise.toml", ".mise.toml",
    "mise.local.toml", ".mise.local.toml", ".config/mise.toml", ".config/mise/config.toml",
    ".mise/config.toml", ".rtx.toml", "package.json",
  ]

  /// Prefixes of the environment variables version managers read.
  static let environmentPrefixes = [
    "PYENV", "ASDF_", "MISE_", "RTX_", "NODENV", "NVM_", "VOLTA_", "VIRTUAL_ENV", "CONDA_",
    "NODE_VERSION", "PYTHON_VERSION",
  ]

  /// Builds the fingerprint of `program` (an absolute path found on `searchPath`) as a shim
  /// started in `currentDirectory` with `environment` would see it. `nil` when the program
  /// cannot be examined (then nothing is cached).
  public init?(
    program: String, runtime: String, searchPath: String, environment: [String: String],
    currentDirectory: String
  ) {
    guard let programStat = Self.stamp(program, follow: true) else { return nil }
    var lines = [
      "runtime=\(runtime)", "program=\(program)", "stat=\(programStat)",
      "link=\(Self.stamp(program, follow: false) ?? "-")",
      "folder=\(Self.stamp((program as NSString).deletingLastPathComponent, follow: true) ?? "-")",
      "PATH=\(searchPath)",
    ]
    for key in environment.keys.sorted()
    where Self.environmentPrefixes.contains(where: { key.hasPrefix($0) }) {
      lines.append("env \(key)=\(Self.escape(environment[key] ?? ""))")
    }
    var starts = [currentDirectory]
    if let pyenvDirectory = environment["PYENV_DIR"], pyenvDirectory.hasPrefix("/") {
      starts.append(pyenvDirectory)
    }
    for start in starts {
      lines.append("walk \(start)")
      var directory = (start as NSString).standardizingPath
      while true {
        for name in Self.localVersionFiles {
          if let content = Self.contents("\(directory)/\(name)") {
            // The folder matters only for files whose meaning depends on where they are.
            lines.append("file \(directory)/\(name)=\(content)")
          }
        }
        if directory == "/" || directory.isEmpty { break }
        directory = (directory as NSString).deletingLastPathComponent
      }
    }
    for file in Self.globalVersionFiles(environment) {
      if let content = Self.contents(file) { lines.append("global \(file)=\(content)") }
    }
    text = lines.joined(separator: "\n")
  }

  /// The per-user files that choose a version when no local file does.
  static func globalVersionFiles(_ environment: [String: String]) -> [String] {
    let home = environment["HOME"] ?? NSHomeDirectory()
    let config =
      environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
      ?? "\(home)/.config"
    let pyenv = environment["PYENV_ROOT"] ?? "\(home)/.pyenv"
    let nodenv = environment["NODENV_ROOT"] ?? "\(home)/.nodenv"
    let nvm = environment["NVM_DIR"] ?? "\(home)/.nvm"
    let asdf = environment["ASDF_DEFAULT_TOOL_VERSIONS_FILENAME"] ?? ".tool-versions"
    return [
      "\(pyenv)/version", "\(nodenv)/version", "\(nvm)/alias/default", "\(home)/\(asdf)",
      "\(config)/mise/config.toml", "\(config)/rtx/config.toml",
    ]
  }

  /// `device:inode:size:mtime` of a path, or `nil` when it does not exist.
  static func stamp(_ path: String, follow: Bool) -> String? {
    Platform.fileStatus(path, followingLinks: follow)?.stamp
  }

  /// The contents of a small regular file (escaped onto one line); its stamp when it is large;
  /// `nil` when there is no such file.
  static func contents(_ path: String) -> String? {
    guard let status = Platform.fileStatus(path) else { return nil }
    guard status.kind == .regularFile else { return "not-a-file" }
    guard status.size <= 16_384 else { return "large \(status.stamp)" }
    guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
    return escape(String(decoding: data, as: UTF8.self))
  }

  /// `text` on one line: backslashes and line breaks escaped.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
      .replacingOccurrences(of: "\r", with: "\\r")
  }

  /// A stable 64-bit FNV-1a hash of the text, in hex (for file names; the text is compared too).
  public var digest: String { UserCache.digest(text) }
}
