import Course
import SystemSupport
import Workspace

extension CommandSpec {
  /// `lambdalings init [DIR] [--language python|node]`.
  static let initialize = CommandSpec(
    name: "init", abstract: "Create a workspace: your copies of the exercises and a progress file.",
    usage: "init [DIR] [--language python|node]",
    discussion: """
      Copies every exercise's starter into DIR (default: ./lambdalings-workspace, or
      --workspace / LAMBDALINGS_WORKSPACE) and creates progress.json there. Running it again adds
      starters for new exercises and never overwrites a file you have written.
      """,
    arguments: [ArgumentSpec("DIR", help: "Where to create the workspace.")],
    options: [
      OptionSpec(
        long: "language", short: "l", value: "LANG",
        help: "Language of the starters: python (default) or node.")
    ]
  ) { invocation in
    let context = invocation.context
    var language: Language?
    if let raw = invocation.args.value("language") {
      guard let parsed = Language(rawValue: raw) else {
        throw CLIError.usage("--language must be python or node, got '\(raw)'")
      }
      language = parsed
    }
    let course = try context.course()
    // A folder named on the command line is resolved here, where it is read.
    let named = invocation.args.positional(0).map {
      AbsolutePath($0, relativeTo: context.currentDirectory)
    }
    let path = named ?? context.workspacePath
    let report = try WorkspaceSetup.create(
      at: path, course: course, language: language, context: context)
    let out = invocation.out
    WorkspaceSetup.describe(report, context: context, to: out)
    out.line()
    let styler = out.styler
    let chosen = named ?? context.workspaceFlag
    if let chosen, chosen != context.currentDirectory.appending(Workspace.defaultFolderName) {
      let quoted = Context.shellQuoted(context.display(chosen))
      out.line("Next: open the dashboard of this workspace from inside it,")
      out.line("    " + styler.apply("cd \(quoted) && lambdalings", .command))
      out.line("or from here with")
      out.line("    " + styler.apply("lambdalings --workspace \(quoted)", .command))
      out.line("Commands run inside the workspace find it and its course by themselves.")
    } else {
      out.line("Next: see where you are and what to do first:")
      out.line("    " + styler.apply("lambdalings", .command))
    }
    return ExitCode.success
  }
}
