import Foundation
import SystemSupport
import Terminal

/// Entry point of the command line; `main.swift` only calls `run` and `exit`.
public enum LambdalingsCLI {
  /// Ends the process with `status` (what `run` returned), unless a signal is already ending
  /// it: then its handler's status (128 + the signal) wins and nothing runs in between.
  public static func exit(_ status: Int32) -> Never {
    SignalBridge.exitProcess(status)
  }

  /// Runs the command line and returns the process exit code.
  ///
  /// Installs the signal bridge first, once for every command: Ctrl-C, Ctrl-\, SIGTERM and
  /// SIGHUP end the program quietly with the terminal restored and child processes killed.
  public static func run(arguments: [String], environment: [String: String]) -> Int32 {
    SignalBridge.install(environment: environment)
    let colorWord = colorFlag(arguments)
    let colorMode = colorWord.flatMap(ColorMode.init(flag:)) ?? .auto
    let outSettings = TerminalSettings.detect(
      colorFlag: colorMode, environment: environment,
      isTTY: Platform.isTerminal(Platform.standardOutput))
    let errSettings = TerminalSettings.detect(
      colorFlag: colorMode, environment: environment,
      isTTY: Platform.isTerminal(Platform.standardError))
    let out = OutputWriter(descriptor: Platform.standardOutput, settings: outSettings)
    let err = OutputWriter(descriptor: Platform.standardError, settings: errSettings)
    let parser = CommandLineParser(commands: CommandTable.all)
    // A usage error of a known command points at that command's `--help`.
    let named = parser.command(in: arguments)?.name
    if let colorWord, ColorMode(flag: colorWord) == nil {
      return ErrorReporter.report(
        CLIError.usage("--color must be auto, always or never, got '\(colorWord)'"),
        command: named, to: err)
    }
    let parsed: CommandLineParser.Result
    do {
      parsed = try parser.parse(arguments)
    } catch {
      return ErrorReporter.report(error, command: named, to: err)
    }
    if parsed.showVersion {
      out.line("lambdalings \(ProductVersion.current)")
      return ExitCode.success.rawValue
    }
    let command = parsed.command ?? .dashboard
    if parsed.arguments.flag("help") {
      let text =
        parsed.command == nil
        ? HelpFormatter.overview(CommandTable.all, styler: out.styler, width: out.settings.width)
        : HelpFormatter.command(command, styler: out.styler, width: out.settings.width)
      out.write(text)
      return ExitCode.success.rawValue
    }
    let context = Context(
      environment: environment, out: out, err: err,
      currentDirectory: AbsolutePath.currentDirectory(),
      courseFlag: parsed.arguments.value("course"),
      workspaceFlag: parsed.arguments.value("workspace"),
      stdinIsTTY: Platform.isTerminal(Platform.standardInput))
    do {
      return try command.run(CommandRun(args: parsed.arguments, context: context, command: command))
        .rawValue
    } catch {
      return ErrorReporter.report(error, command: command.name, to: err)
    }
  }

  /// The `--color` value, read before parsing so even usage errors are coloured right.
  private static func colorFlag(_ arguments: [String]) -> String? {
    var result: String?
    for (index, token) in arguments.enumerated() {
      if token == "--" { break }
      if token.hasPrefix("--color=") { result = String(token.dropFirst("--color=".count)) }
      if token == "--color", index + 1 < arguments.count { result = arguments[index + 1] }
    }
    return result
  }
}
