import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Raw mode on a terminal, always undone: when the body returns or throws, and when a signal or
/// a crash ends the program meanwhile (`SignalBridge` calls `restoreSaved()`).
public enum TerminalModes {
  /// The settings to put back. Raw memory at a fixed address because the crash handler reads
  /// it (`restoreSaved()`), and a signal handler can take no lock: written only inside
  /// `depth.withLock`, read without a lock by the handler alone. That exception to "state lives
  /// in a `Locked`" is why these two are `nonisolated(unsafe)` (a pointer is not `Sendable`).
  nonisolated(unsafe) private static let saved: UnsafeMutablePointer<termios> = {
    let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    pointer.initialize(to: termios())
    return pointer
  }()
  /// The descriptor `saved` belongs to, or -1 when nothing needs restoring.
  nonisolated(unsafe) private static let savedDescriptor: UnsafeMutablePointer<Int32> = {
    let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    pointer.initialize(to: -1)
    return pointer
  }()
  /// How many `withRawMode` and `remembering` calls are running; its lock also guards the
  /// writes to `saved` and `savedDescriptor`.
  private static let depth = Locked(0)

  /// Touches the storage so that later use from a signal handler does no lazy initialisation.
  static func prepare() {
    _ = saved
    _ = savedDescriptor
  }

  /// Runs `body` with `descriptor` in raw mode: no echo, no line buffering, no signals from
  /// keys (Ctrl-C, Ctrl-\ and Ctrl-Z arrive as bytes 3, 28 and 26), no flow control, CR kept
  /// as CR; output processing stays on. Nested calls keep the outermost original settings.
  /// When `descriptor` is not a terminal, `body` simply runs.
  public static func withRawMode<T>(_ descriptor: Int32, _ body: () throws -> T) rethrows -> T {
    var original = termios()
    guard tcgetattr(descriptor, &original) == 0 else { return try body() }
    prepare()
    var raw = original
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
    withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
      bytes[Int(VMIN)] = 1
      bytes[Int(VTIME)] = 0
    }
    let outermost = depth.withLock { depth -> Bool in
      depth += 1
      if depth == 1 {
        saved.pointee = original
        savedDescriptor.pointee = descriptor
        return true
      }
      return false
    }
    tcsetattr(descriptor, TCSANOW, &raw)
    defer {
      tcsetattr(descriptor, TCSANOW, &original)
      depth.withLock { depth in
        depth -= 1
        if outermost { savedDescriptor.pointee = -1 }
      }
    }
    return try body()
  }

  /// Runs `body` (a foreground child such as the pager) remembering the current settings of
  /// `descriptor`, so that a signal ending us while the child has the terminal in its own modes
  /// still leaves the terminal as we found it. Inside `withRawMode` the original settings are
  /// already remembered and stay so.
  public static func remembering<T>(_ descriptor: Int32, _ body: () throws -> T) rethrows -> T {
    var current = termios()
    guard tcgetattr(descriptor, &current) == 0 else { return try body() }
    prepare()
    let owner = depth.withLock { depth -> Bool in
      depth += 1
      if depth == 1 {
        saved.pointee = current
        savedDescriptor.pointee = descriptor
        return true
      }
      return false
    }
    defer {
      depth.withLock { depth in
        depth -= 1
        if owner { savedDescriptor.pointee = -1 }
      }
    }
    return try body()
  }

  /// The settings `restoreSaved()` would put back now, kept by a signal handler that must
  /// restore them even after the code that saved them has returned.
  static func snapshot() -> (descriptor: Int32, modes: termios)? {
    depth.withLock { _ in
      savedDescriptor.pointee >= 0 ? (savedDescriptor.pointee, saved.pointee) : nil
    }
  }

  /// Puts back settings taken with `snapshot()`.
  static func restore(_ snapshot: (descriptor: Int32, modes: termios)) {
    var modes = snapshot.modes
    _ = tcsetattr(snapshot.descriptor, TCSANOW, &modes)
  }

  /// Puts back the settings saved by the outermost `withRawMode` still running, if any.
  /// Async-signal-safe: only reads memory and calls `tcsetattr`.
  public static func restoreSaved() {
    let descriptor = savedDescriptor.pointee
    guard descriptor >= 0 else { return }
    _ = tcsetattr(descriptor, TCSANOW, saved)
  }
}
