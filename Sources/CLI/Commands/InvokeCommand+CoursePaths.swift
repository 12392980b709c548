import Foundation
import SystemSupport

/// Lessons write paths from the course folder (`exercises/hello-api/solution/python/...`);
/// a learner who copies the command into their own folder has no such file there. `invoke`
/// then uses the course's file and says so.
extension InvokeCommand {
  /// `args` with the handler path, `--event` and `--messages` resolved: kept when they exist
  /// from the current folder, else the course's file (with a `note:` on stderr). A path that
  /// exists nowhere is an error naming every place looked in.
  static func resolvingCourseFiles(_ invocation: CommandRun) throws -> ParsedArguments {
    var args = invocation.args
    let context = invocation.context
    var searched = false
    var courseRoot: AbsolutePath?
    func root() -> AbsolutePath? {
      if !searched {
        searched = true
        courseRoot = (try? context.courseLocation())?.path
      }
      return courseRoot
    }
    func resolve(_ path: String, what: String, advice: String) throws -> String {
      guard path != "-", !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~") else {
        return path
      }
      let here = AbsolutePath(path, relativeTo: context.currentDirectory)
      if FileManager.default.fileExists(atPath: here.string) { return path }
      var looked = [context.currentDirectory.string]
      if let root = root(), root != context.currentDirectory {
        let there = AbsolutePath(path, relativeTo: root)
        if FileManager.default.fileExists(atPath: there.string) {
          context.err.line(
            "note: \(path) is not in this folder; using the course's \(what) \(there.string)")
          return there.string
        }
        looked.append("the course at \(root.string)")
      }
      throw CLIError.usage(
        "\(path): no such \(what) in \(looked.joined(separator: " or in "))",
        hint: advice)
    }
    if let file = args.positional(0) {
      args.positionals[0] = try resolve(
        file, what: "file",
        advice: "Pass a handler file (.py, .mjs, .js) or a code folder, with its path from"
          + " this folder or from the course folder.")
    }
    // Only where the path is used: a mix of options is reported as such by the command.
    let template = args.value("event-template") != nil
    let source = args.value("source") != nil
    for (option, what, used) in [
      ("event", "event file", !template && !source),
      ("messages", "messages file", source && !template),
    ] {
      guard used, let value = args.value(option) else { continue }
      args.values[option] = [
        try resolve(
          value, what: what,
          advice: "Check the path (from this folder or from the course folder), or use"
            + " --event-template NAME ('lambdalings events list' shows them).")
      ]
    }
    return args
  }
}
