/// What a command's `run` receives: its parsed arguments and the context.
public struct CommandRun {
  public var args: ParsedArguments
  public var context: Context
  public var command: CommandSpec

  /// Shorthand for `context.out`.
  public var out: OutputWriter { context.out }
  /// Shorthand for `context.err`.
  public var err: OutputWriter { context.err }
}
