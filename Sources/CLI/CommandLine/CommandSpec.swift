/// A command of the command line, declared as data: its name, help and what it runs.
public struct CommandSpec: Sendable {
  public var name: String
  /// One line shown in `lambdalings help`.
  public var abstract: String
  /// The synopsis after `lambdalings`, e.g. `invoke FILE [options]`.
  public var usage: String
  /// Longer help shown by `COMMAND --help`.
  public var discussion: String
  public var arguments: [ArgumentSpec]
  public var options: [OptionSpec]
  /// Hidden commands work but are not listed in help.
  public var isHidden: Bool
  public var run: @Sendable (CommandRun) throws -> ExitCode

  public init(
    name: String, abstract: String, usage: String, discussion: String = "",
    arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], isHidden: Bool = false,
    run: @escaping @Sendable (CommandRun) throws -> ExitCode
  ) {
    self.name = name
    self.abstract = abstract
    self.usage = usage
    self.discussion = discussion
    self.arguments = arguments
    self.options = options
    self.isHidden = isHidden
    self.run = run
  }
}

/// A positional argument, for help text and arity checks.
public struct ArgumentSpec: Sendable {
  public var name: String
  public var help: String
  public var isOptional: Bool
  /// Takes every remaining positional argument.
  public var isVariadic: Bool

  public init(_ name: String, help: String, optional: Bool = true, variadic: Bool = false) {
    self.name = name
    self.help = help
    self.isOptional = optional
    self.isVariadic = variadic
  }
}

/// An option: a flag (`value == nil`) or an option taking a value named `value`.
public struct OptionSpec: Sendable {
  public var long: String
  public var short: Character?
  public var value: String?
  public var isRepeatable: Bool
  public var help: String

  public init(
    long: String, short: Character? = nil, value: String? = nil, repeatable: Bool = false,
    help: String
  ) {
    self.long = long
    self.short = short
    self.value = value
    self.isRepeatable = repeatable
    self.help = help
  }

  /// `-t, --timeout S` as shown in help.
  var synopsis: String {
    var text = short.map { "-\($0), " } ?? "    "
    text += "--\(long)"
    if let value { text += " \(value)" }
    return text
  }
}

/// Options every command accepts.
enum GlobalOptions {
  static let all: [OptionSpec] = [
    OptionSpec(
      long: "course", value: "DIR",
      help: "Use the course in DIR (default: the workspace's course, else the shipped one)."),
    OptionSpec(
      long: "workspace", value: "DIR",
      help: "Use the workspace in DIR (default: the one you are in, else ./lambdalings-workspace)."),
    OptionSpec(
      long: "color", value: "WHEN", help: "Colour output: auto, always or never (default: auto)."),
    OptionSpec(long: "help", short: "h", help: "Show help for the command."),
  ]
}
