/// Errors a command throws; `ErrorReporter` turns them into a message and an exit code.
public enum CLIError: Error, Equatable, CustomStringConvertible {
  /// The command line was wrong (exit 2). `hint` says what to type instead.
  case usage(String, hint: String? = nil)
  /// A course, event or other input file is wrong (exit 2).
  case content(String)
  /// A check or quiz did not pass (exit 1); the message is already printed when empty.
  case failed(String)

  public var description: String {
    switch self {
    case .usage(let message, let hint):
      return hint.map { "\(message)\n\($0)" } ?? message
    case .content(let message), .failed(let message):
      return message
    }
  }

  public var exitCode: Int32 {
    switch self {
    case .usage, .content: return ExitCode.usageOrContent
    case .failed: return ExitCode.failure
    }
  }
}

/// The exit codes of lambdalings.
public enum ExitCode {
  public static let success: Int32 = 0
  /// A check or quiz failed.
  public static let failure: Int32 = 1
  /// Usage or content error.
  public static let usageOrContent: Int32 = 2
}

/// The one place where errors become text on stderr and an exit code.
enum ErrorReporter {
  static func report(_ error: Error, command: String?, to err: OutputWriter) -> Int32 {
    let styled = err.styler
    let label = styled.apply("error:", .error)
    switch error {
    case let cli as CLIError:
      if case .failed(let message) = cli, message.isEmpty { return cli.exitCode }
      err.lines("\(label) \(cli.description)\n")
      if case .usage = cli {
        let helpCommand = command.map { "lambdalings \($0) --help" } ?? "lambdalings help"
        err.line("Run '\(helpCommand)' for usage.")
      }
      return cli.exitCode
    default:
      err.lines("\(label) \(error)\n")
      return ExitCode.usageOrContent
    }
  }
}
