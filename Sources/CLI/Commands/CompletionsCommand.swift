extension CommandSpec {
  /// `lambdalings completions bash|zsh|fish`: a completion script built from the command table.
  static let completions = CommandSpec(
    name: "completions", abstract: "Print a shell completion script (bash, zsh or fish).",
    usage: "completions bash|zsh|fish",
    discussion: """
      The script completes command names, each command's options and fixed words (such as
      'events generate' or 'quiz exam'), and folders after --course and --workspace. Install it:
        bash: lambdalings completions bash > ~/.local/share/bash-completion/completions/lambdalings
        zsh:  lambdalings completions zsh > "${fpath[1]}/_lambdalings"
        fish: lambdalings completions fish > ~/.config/fish/completions/lambdalings.fish
      or load it for the current shell with: source <(lambdalings completions bash)
      """,
    arguments: [ArgumentSpec("SHELL", help: "bash, zsh or fish.", optional: false)]
  ) { invocation in
    let shell = invocation.args.positional(0) ?? ""
    let script = CompletionScript(commands: CommandTable.all)
    switch shell {
    case "bash": invocation.out.write(script.bash())
    case "zsh": invocation.out.write(script.zsh())
    case "fish": invocation.out.write(script.fish())
    default:
      let hint = Suggestion.closest(to: shell, in: CompletionScript.shells).map {
        "Did you mean '\($0)'?"
      }
      throw CLIError.usage("completions are for bash, zsh or fish, not '\(shell)'", hint: hint)
    }
    return ExitCode.success
  }
}
