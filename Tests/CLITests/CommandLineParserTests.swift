import Testing

@testable import CLI

/// `CommandLineParser` in-process: where options may go, their spellings, and every usage
/// error with its message and hint, without spawning the binary.
@Suite struct CommandLineParserTests {
  /// A small table of its own, so the tests do not move when a real command changes.
  static let commands = [
    CommandSpec(
      name: "invoke", abstract: "Invoke.", usage: "invoke FILE",
      arguments: [ArgumentSpec("FILE", help: "The handler file.", optional: false)],
      options: [
        OptionSpec(long: "event", short: "e", value: "FILE", help: "The event."),
        OptionSpec(long: "set", value: "PATH=VALUE", repeatable: true, help: "Change a field."),
        OptionSpec(long: "json", help: "Print JSON."),
      ]
    ) { _ in .success },
    CommandSpec(
      name: "check", abstract: "Check.", usage: "check [EXERCISE]",
      arguments: [ArgumentSpec("EXERCISE", help: "The exercise id.")],
      options: [OptionSpec(long: "verbose", short: "v", help: "Say more.")]
    ) { _ in .success },
    CommandSpec(
      name: "run", abstract: "Run.", usage: "run ARGS...",
      arguments: [ArgumentSpec("ARGS", help: "Anything.", variadic: true)]
    ) { _ in .success },
    CommandSpec(name: "secret", abstract: "Hidden.", usage: "secret", isHidden: true) { _ in
      .success
    },
  ]

  static func parse(_ tokens: [String]) throws -> CommandLineParser.Result {
    try CommandLineParser(commands: commands).parse(tokens)
  }

  /// The usage error `tokens` give: message and hint; nil when they parse.
  static func usageError(_ tokens: [String], commands: [CommandSpec] = commands) -> (
    message: String, hint: String?
  )? {
    do {
      _ = try CommandLineParser(commands: commands).parse(tokens)
      return nil
    } catch CLIError.usage(let message, let hint) {
      return (message, hint)
    } catch {
      Issue.record("not a usage error: \(error)")
      return nil
    }
  }

  @Test func optionsBeforeAndAfterTheCommandAreTheSame() throws {
    let after = try Self.parse(["invoke", "handler.py", "--event", "e.json", "--json"])
    let before = try Self.parse(["--color", "never", "invoke", "--event", "e.json", "handler.py"])
    #expect(after.command?.name == "invoke")
    #expect(before.command?.name == "invoke")
    #expect(after.arguments.positionals == ["handler.py"])
    #expect(before.arguments.positionals == ["handler.py"])
    #expect(after.arguments.value("event") == "e.json")
    #expect(before.arguments.value("event") == "e.json")
    #expect(after.arguments.flag("json"))
    #expect(!before.arguments.flag("json"))
    #expect(before.arguments.value("color") == "never")
  }

  @Test func equalsSpellingAndShortOptions() throws {
    // `--name=value` splits at the first `=`; the value may hold more, or be empty.
    let equals = try Self.parse(["invoke", "--event=a=b.json", "h.py"])
    #expect(equals.arguments.value("event") == "a=b.json")
    #expect(equals.arguments.positionals == ["h.py"])
    #expect(try Self.parse(["invoke", "h.py", "--event="]).arguments.value("event") == "")
    // A value that looks like an option is still the value.
    #expect(
      try Self.parse(["invoke", "h.py", "--event", "--json"]).arguments.value("event") == "--json")
    let short = try Self.parse(["invoke", "-e", "c.json", "h.py"])
    #expect(short.arguments.value("event") == "c.json")
    let global = try Self.parse(["--color=always", "check"])
    #expect(global.command?.name == "check")
    #expect(global.arguments.value("color") == "always")
  }

  @Test func doubleDashEndsOptions() throws {
    let result = try Self.parse(["run", "--", "--json", "-e", "-"])
    #expect(result.command?.name == "run")
    #expect(result.arguments.positionals == ["--json", "-e", "-"])
    #expect(result.arguments.flags.isEmpty)
    // Before the command, `--` makes the next word the command even if it looks like one.
    let leading = try Self.parse(["--", "check", "--verbose"])
    #expect(leading.command?.name == "check")
    #expect(leading.arguments.positionals == ["--verbose"])
    // A lone `-` (standard input) is a positional, not an option.
    #expect(try Self.parse(["invoke", "-"]).arguments.positionals == ["-"])
  }

  @Test func unknownCommandSuggestsTheClosestVisibleOne() throws {
    let error = try #require(Self.usageError(["chek"]))
    #expect(error.message == "unknown command 'chek'")
    #expect(error.hint == "Did you mean 'check'?")
    // Hidden commands run but are never suggested.
    #expect(Self.usageError(["secret"]) == nil)
    #expect(Self.usageError(["secrte"])?.hint == nil)
    // Nothing close: no hint at all.
    let far = try #require(Self.usageError(["zzzzzzzz"]))
    #expect(far.hint == nil)
    // The real table: a typo of a real command.
    let real = try #require(Self.usageError(["qiuz"], commands: CommandTable.all))
    #expect(real.hint == "Did you mean 'quiz'?")
  }

  @Test func unknownOptionNamesTheCommandAndSuggests() throws {
    let long = try #require(Self.usageError(["invoke", "h.py", "--evnet", "e.json"]))
    #expect(long.message == "unknown option '--evnet' for 'invoke'")
    #expect(long.hint == "Did you mean '--event'?")
    let short = try #require(Self.usageError(["check", "-x"]))
    #expect(short.message == "unknown option '-x' for 'check'")
    // Another command's option is unknown here.
    #expect(Self.usageError(["check", "--json"])?.message == "unknown option '--json' for 'check'")
    // Bundled short flags are not supported: the whole token is named.
    #expect(Self.usageError(["check", "-vh"])?.message == "unknown option '-vh' for 'check'")
    // Without a command, the message does not name one.
    #expect(Self.usageError(["--nope"])?.message == "unknown option '--nope'")
  }

  /// A usage error of a known command points at `lambdalings COMMAND --help`, wherever the
  /// command stands among the options and whichever error the rest of the line has; only an
  /// unknown or missing command points at `lambdalings help`.
  @Test func usageErrorsOfAKnownCommandPointAtItsOwnHelp() throws {
    let parser = CommandLineParser(commands: Self.commands)
    let cases: [([String], String?)] = [
      (["check", "--verbse"], "check"),
      (["invoke", "h.py", "--event"], "invoke"),
      (["invoke", "h.py", "--json=yes"], "invoke"),
      (["invoke"], "invoke"),
      (["check", "a", "b"], "check"),
      (["--color", "never", "check", "-x"], "check"),
      (["--nope", "check"], "check"),
      (["chek", "--verbose"], nil),
      (["--nope"], nil),
    ]
    for (tokens, name) in cases {
      #expect(throws: CLIError.self, "\(tokens)") { try parser.parse(tokens) }
      #expect(parser.command(in: tokens)?.name == name, "\(tokens)")
    }
    // What the learner reads: the suggestion, then the command's own help.
    let error = try #require(Self.usageError(["check", "--verbse"]))
    let (status, text) = try ErrorReporterTests.report(
      CLIError.usage(error.message, hint: error.hint),
      command: parser.command(in: ["check", "--verbse"])?.name)
    #expect(status == 2)
    #expect(
      text == "error: unknown option '--verbse' for 'check'\nDid you mean '--verbose'?\n"
        + "Run 'lambdalings check --help' for usage.\n")
  }

  @Test func missingAndUnexpectedValues() throws {
    #expect(
      Self.usageError(["invoke", "h.py", "--event"])?.message == "--event needs a value (FILE)")
    #expect(Self.usageError(["--color"])?.message == "--color needs a value (WHEN)")
    #expect(
      Self.usageError(["invoke", "h.py", "--json=yes"])?.message
        == "--json does not take a value")
  }

  @Test func missingAndExtraPositionals() throws {
    #expect(Self.usageError(["invoke"])?.message == "'invoke' needs FILE: The handler file.")
    #expect(
      Self.usageError(["check", "a", "b"])?.message == "unexpected argument 'b' for 'check'")
    #expect(try Self.parse(["run", "a", "b", "c"]).arguments.positionals == ["a", "b", "c"])
    // `--help` skips the arity check, so `invoke --help` shows help instead of an error.
    #expect(try Self.parse(["invoke", "--help"]).arguments.flag("help"))
    #expect(try Self.parse(["invoke", "-h"]).arguments.flag("help"))
  }

  @Test func repeatedOptions() throws {
    let sets = try Self.parse(["invoke", "h.py", "--set", "a=1", "--set=b=2"])
    #expect(sets.arguments.values("set") == ["a=1", "b=2"])
    let twice = try #require(Self.usageError(["invoke", "h.py", "--event", "a", "-e", "b"]))
    #expect(twice.message == "--event is given twice; give it once")
    // A global option may be repeated (a shell alias plus the command line): the last wins.
    let colors = try Self.parse(["--color", "always", "check", "--color", "never"])
    #expect(colors.arguments.value("color") == "never")
    // A repeated flag is the flag.
    #expect(try Self.parse(["check", "-v", "--verbose"]).arguments.flags == ["verbose"])
  }

  @Test func globalOptionsWithoutACommand() throws {
    let version = try Self.parse(["--version"])
    #expect(version.command == nil)
    #expect(version.showVersion)
    let help = try Self.parse(["--color", "never", "--help"])
    #expect(help.command == nil)
    #expect(help.arguments.flag("help"))
    #expect(help.arguments.value("color") == "never")
    // A global option's value is not taken for the command.
    let course = try Self.parse(["--course", "check", "invoke", "h.py"])
    #expect(course.command?.name == "invoke")
    #expect(course.arguments.value("course") != nil)
    #expect(try Self.parse([]).command == nil)
  }
}
