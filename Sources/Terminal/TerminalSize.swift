import SystemSupport

/// The size of the terminal attached to a file descriptor, read with ioctl `TIOCGWINSZ`.
public struct TerminalSize: Sendable, Equatable {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }

  /// The size of the terminal on `descriptor` (stdout by default), or nil when it is not a
  /// terminal or reports a zero size.
  public static func current(descriptor: Int32 = Platform.standardOutput) -> TerminalSize? {
    Platform.windowSize(descriptor).map { TerminalSize(columns: $0.columns, rows: $0.rows) }
  }
}
