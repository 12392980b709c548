import Foundation

/// Which editor `edit` runs: `$VISUAL`, then `$EDITOR`, then the first of vi and nano found on
/// `PATH` (with a note saying how to choose).
struct EditorChoice: Equatable {
  /// A shell command line; the file name is appended as `"$@"`.
  var command: String
  /// Said on standard error before the editor starts, when it was not the learner's choice.
  var note: String?

  static func choose(environment: [String: String]) throws -> EditorChoice {
    for name in ["VISUAL", "EDITOR"] {
      if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
        return EditorChoice(command: value, note: nil)
      }
    }
    let path = environment["PATH"] ?? "/usr/bin:/bin"
    for (name, howToQuit) in [
      ("vi", "type :wq and Enter to save and quit"), ("nano", "Ctrl-O saves, Ctrl-X quits"),
    ] {
      if find(name, path: path) != nil {
        return EditorChoice(
          command: name,
          note: "Neither VISUAL nor EDITOR is set, so this opens \(name) (\(howToQuit)). "
            + "To choose your editor: export EDITOR=nano (or code --wait, vim, ...).")
      }
    }
    throw CLIError.usage(
      "no editor to open: VISUAL and EDITOR are not set and neither vi nor nano is installed",
      hint: "Set EDITOR to your editor, e.g. export EDITOR=nano, or open the file yourself.")
  }

  /// The executable `name` in one of `path`'s folders, if any.
  static func find(_ name: String, path: String) -> String? {
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
