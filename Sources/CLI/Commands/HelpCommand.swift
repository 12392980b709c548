extension CommandSpec {
  /// `lambdalings help [COMMAND]`.
  static let help = CommandSpec(
    name: "help", abstract: "Show help for lambdalings or for one command.",
    usage: "help [COMMAND]",
    arguments: [ArgumentSpec("COMMAND", help: "The command to explain.")]
  ) { invocation in
    let styler = invocation.out.styler
    let width = invocation.out.settings.width
    guard let name = invocation.args.positional(0) else {
      invocation.out.write(HelpFormatter.overview(CommandTable.all, styler: styler, width: width))
      return ExitCode.success
    }
    guard let command = CommandTable.all.first(where: { $0.name == name }) else {
      let names = CommandTable.all.filter { !$0.isHidden }.map(\.name)
      let hint = Suggestion.closest(to: name, in: names).map { "Did you mean '\($0)'?" }
      throw CLIError.usage("unknown command '\(name)'", hint: hint)
    }
    invocation.out.write(HelpFormatter.command(command, styler: styler, width: width))
    return ExitCode.success
  }
}
