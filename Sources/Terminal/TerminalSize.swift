#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  public static func current(descriptor: Int32 = STDOUT_FILENO) -> TerminalSize? {
    var size = winsize()
    #if canImport(Glibc)
      let result = ioctl(descriptor, UInt(TIOCGWINSZ), &size)
    #else
      let result = ioctl(descriptor, TIOCGWINSZ, &size)
    #endif
    guard result == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
    return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
  }
}
