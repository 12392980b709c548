import Foundation
import SystemSupport

/// The hints say `lambdalings ...`; a learner who started the program through `swift run` or
/// a full path has no such command in their shell. The welcome screen then suggests an alias.
enum ShellAlias {
  /// `alias lambdalings="PATH"` for `executable`, or nil when `lambdalings` on `PATH`
  /// (in `environment`) is that same file already.
  static func suggestion(
    executable: String?, environment: [String: String], currentDirectory: String
  ) -> String? {
    guard let executable else { return nil }
    let me = URL(fileURLWithPath: executable).resolvingSymlinksInPath().path
    let path = environment["PATH"] ?? "/usr/bin:/bin"
    if let found = EditorChoice.find("lambdalings", path: path) {
      let absolute = found.hasPrefix("/") ? found : currentDirectory + "/" + found
      if sameFile(absolute, me) { return nil }
    }
    return "alias lambdalings=\"" + doubleQuoted(me) + "\""
  }

  /// True when both paths name one file (same device and inode, through symbolic links).
  static func sameFile(_ first: String, _ second: String) -> Bool {
    let a = URL(fileURLWithPath: first).resolvingSymlinksInPath().path
    let b = URL(fileURLWithPath: second).resolvingSymlinksInPath().path
    if a == b { return true }
    let manager = FileManager.default
    guard let one = try? manager.attributesOfItem(atPath: a),
      let two = try? manager.attributesOfItem(atPath: b),
      let inode = one[.systemFileNumber] as? NSNumber,
      let device = one[.systemNumber] as? NSNumber
    else { return false }
    return inode == two[.systemFileNumber] as? NSNumber && device == two[.systemNumber] as? NSNumber
  }

  /// `text` safe inside double quotes in a POSIX shell.
  static func doubleQuoted(_ text: String) -> String {
    var result = ""
    for character in text {
      if "\"$`\\".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }
}
