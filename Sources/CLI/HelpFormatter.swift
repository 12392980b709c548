import SystemSupport

/// Help text for the whole tool and for each command.
enum HelpFormatter {
  static func overview(_ commands: [CommandSpec], styler: Styler) -> String {
    var text = "lambdalings \(SystemSupport.version): learn AWS Lambda by doing.\n\n"
    text += styler.apply("USAGE:", .heading) + " lambdalings [COMMAND] [options]\n"
    text += "  With no command, shows where you are and what to do next.\n\n"
    text += styler.apply("COMMANDS:", .heading) + "\n"
    let visible = commands.filter { !$0.isHidden }
    let width = (visible.map(\.name.count).max() ?? 0) + 2
    for command in visible {
      text += "  " + styler.apply(pad(command.name, width), .command) + command.abstract + "\n"
    }
    let version = OptionSpec(long: "version", help: "Show the version.")
    text += "\n" + options(GlobalOptions.all + [version], styler: styler, title: "GLOBAL OPTIONS:")
    text += "\nRun 'lambdalings COMMAND --help' for a command's options.\n"
    text += "Exit codes: 0 success, 1 a check or quiz failed, 2 usage or content error.\n"
    return text
  }

  static func command(_ command: CommandSpec, styler: Styler) -> String {
    var text = command.abstract + "\n\n"
    text += styler.apply("USAGE:", .heading) + " lambdalings \(command.usage)\n"
    if !command.discussion.isEmpty {
      text += "\n" + command.discussion.trimmingCharacters(in: "\n") + "\n"
    }
    if !command.arguments.isEmpty {
      text += "\n" + styler.apply("ARGUMENTS:", .heading) + "\n"
      let width = (command.arguments.map(\.name.count).max() ?? 0) + 2
      for argument in command.arguments {
        text += "  " + pad(argument.name, width) + argument.help + "\n"
      }
    }
    if !command.options.isEmpty {
      text += "\n" + options(command.options, styler: styler, title: "OPTIONS:")
    }
    text += "\n" + options(GlobalOptions.all, styler: styler, title: "GLOBAL OPTIONS:")
    return text
  }

  private static func options(_ specs: [OptionSpec], styler: Styler, title: String) -> String {
    var text = styler.apply(title, .heading) + "\n"
    let width = (specs.map(\.synopsis.count).max() ?? 0) + 2
    for spec in specs {
      let repeatable = spec.isRepeatable ? " (repeatable)" : ""
      text += "  " + pad(spec.synopsis, width) + spec.help + repeatable + "\n"
    }
    return text
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var result = Substring(self)
    while result.first == set { result = result.dropFirst() }
    while result.last == set { result = result.dropLast() }
    return String(result)
  }
}
