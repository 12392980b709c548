/// Errors a command throws; `ErrorReporter` turns them into a message and an exit code.
///
/// The messages describe the problem (what, where, what to do next); only the reporter adds
/// `error:`. A command that has printed its own result (a failed check, a quiz below the pass
/// mark) ends with its `ExitCode` instead: returned where the command ends, thrown from deeper
/// down.
public enum CLIError: Error, Equatable, CustomStringConvertible {
  /// The command line was wrong (exit 2). `hint` says what to type instead.
  case usage(String, hint: String? = nil)
  /// A course, event, progress or other input file is wrong, or the command could not do what
  /// was asked (exit 2).
  case content(String)

  public var description: String {
    switch self {
    case .usage(let message, let hint):
      return hint.map { "\(message)\n\($0)" } ?? message
    case .content(let message):
      return message
    }
  }

  public var exitCode: ExitCode { .usageOrContent }
}

/// How lambdalings exits. Returned by a command, or thrown when it has printed everything
/// already and only the status is left to give ("already printed, exit with N"): the reporter
/// prints nothing for it.
public struct ExitCode: Error, Equatable, Sendable, CustomStringConvertible {
  /// The process status.
  public let rawValue: Int32

  public init(_ rawValue: Int32) { self.rawValue = rawValue }

  public static let success = ExitCode(0)
  /// A check or quiz failed.
  public static let failure = ExitCode(1)
  /// Usage or content error.
  public static let usageOrContent = ExitCode(2)

  public var description: String { "exit status \(rawValue)" }
}

/// The one place where errors become text on stderr and an exit code.
enum ErrorReporter {
  static func report(_ error: Error, command: String?, to err: OutputWriter) -> Int32 {
    let styled = err.styler
    let label = styled.apply("error:", .error)
    switch error {
    case let code as ExitCode:
      // The command printed what happened already.
      return code.rawValue
    case let cli as CLIError:
      err.lines("\(label) \(cli.description)\n")
      if case .usage = cli {
        let helpCommand = command.map { "lambdalings \($0) --help" } ?? "lambdalings help"
        err.line("Run '\(helpCommand)' for usage.")
      }
      return cli.exitCode.rawValue
    default:
      err.lines("\(label) \(error)\n")
      return ExitCode.usageOrContent.rawValue
    }
  }
}
