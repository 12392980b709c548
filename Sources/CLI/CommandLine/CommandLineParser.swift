import SystemSupport

/// Splits a command line into the command, its options and positionals, and the global options.
///
/// Options may come before or after the command; `--name=value` and `--name value` both work;
/// `--` ends option parsing.
struct CommandLineParser {
  let commands: [CommandSpec]

  /// The outcome of parsing: which command, with which arguments.
  struct Result {
    var command: CommandSpec?
    var arguments: ParsedArguments
    var showVersion: Bool
  }

  func parse(_ tokens: [String]) throws -> Result {
    let commandIndex = findCommandIndex(tokens)
    var command: CommandSpec?
    var rest = tokens
    if let index = commandIndex {
      let name = tokens[index]
      guard let found = commands.first(where: { $0.name == name }) else {
        let visible = commands.filter { !$0.isHidden }.map(\.name)
        let hint = DidYouMean.closest(to: name, among: visible).map { "Did you mean '\($0)'?" }
        throw CLIError.usage("unknown command '\(name)'", hint: hint)
      }
      command = found
      rest.remove(at: index)
    }
    let options =
      (command?.options ?? []) + GlobalOptions.all
      + [OptionSpec(long: "version", help: "")]
    var arguments = ParsedArguments()
    var index = 0
    var onlyPositionals = false
    while index < rest.count {
      let token = rest[index]
      index += 1
      if onlyPositionals || token == "-" || !token.hasPrefix("-") {
        arguments.positionals.append(token)
        continue
      }
      if token == "--" {
        onlyPositionals = true
        continue
      }
      let (spec, inlineValue) = try lookUp(token, in: options, command: command)
      if let valueName = spec.value {
        let value: String
        if let inlineValue {
          value = inlineValue
        } else if index < rest.count {
          value = rest[index]
          index += 1
        } else {
          throw CLIError.usage("--\(spec.long) needs a value (\(valueName))")
        }
        if !spec.isRepeatable, arguments.values[spec.long] != nil,
          GlobalOptions.all.allSatisfy({ $0.long != spec.long })
        {
          throw CLIError.usage("--\(spec.long) is given twice; give it once")
        }
        arguments.values[spec.long, default: []].append(value)
      } else {
        if inlineValue != nil { throw CLIError.usage("--\(spec.long) does not take a value") }
        arguments.flags.insert(spec.long)
      }
    }
    let showVersion = arguments.flag("version")
    if let command, !arguments.flag("help") {
      try checkArity(arguments, command)
    }
    return Result(command: command, arguments: arguments, showVersion: showVersion)
  }

  /// The known command `tokens` name, if any, even when the rest of them do not parse: the
  /// command whose `--help` a usage error points at.
  func command(in tokens: [String]) -> CommandSpec? {
    guard let index = findCommandIndex(tokens) else { return nil }
    return commands.first { $0.name == tokens[index] }
  }

  /// The index of the first token that is neither an option nor a global option's value.
  private func findCommandIndex(_ tokens: [String]) -> Int? {
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      if token == "--" { return index + 1 < tokens.count ? index + 1 : nil }
      if !token.hasPrefix("-") || token == "-" { return index }
      let name = String(token.dropFirst(2).prefix { $0 != "=" })
      let takesValue = GlobalOptions.all.contains { $0.long == name && $0.value != nil }
      index += (takesValue && !token.contains("=")) ? 2 : 1
    }
    return nil
  }

  private func lookUp(_ token: String, in options: [OptionSpec], command: CommandSpec?) throws
    -> (OptionSpec, String?)
  {
    if token.hasPrefix("--") {
      let body = token.dropFirst(2)
      let name = String(body.prefix { $0 != "=" })
      let value = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
      if let spec = options.first(where: { $0.long == name }) { return (spec, value) }
      throw unknownOption("--\(name)", options: options, command: command)
    }
    let letters = Array(token.dropFirst())
    if letters.count == 1, let spec = options.first(where: { $0.short == letters[0] }) {
      return (spec, nil)
    }
    throw unknownOption(token, options: options, command: command)
  }

  private func unknownOption(_ token: String, options: [OptionSpec], command: CommandSpec?)
    -> CLIError
  {
    let names = options.filter { !$0.help.isEmpty }.map { "--\($0.long)" }
    let hint = DidYouMean.closest(to: token, among: names).map { "Did you mean '\($0)'?" }
    let owner = command.map { " for '\($0.name)'" } ?? ""
    return .usage("unknown option '\(token)'\(owner)", hint: hint)
  }

  private func checkArity(_ arguments: ParsedArguments, _ command: CommandSpec) throws {
    let required = command.arguments.filter { !$0.isOptional }
    if arguments.positionals.count < required.count {
      let missing = required[arguments.positionals.count]
      throw CLIError.usage("'\(command.name)' needs \(missing.name): \(missing.help)")
    }
    let variadic = command.arguments.contains { $0.isVariadic }
    if !variadic, arguments.positionals.count > command.arguments.count {
      let extra = arguments.positionals[command.arguments.count]
      throw CLIError.usage("unexpected argument '\(extra)' for '\(command.name)'")
    }
  }
}
