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
  /// `state.withLock`, read without a lock by the handler alone. That exception to "state lives
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
  /// How many `withRawMode` and `remembering` calls are running, and whether the program is
  /// ending (`freeze()`: no mode changes any more); its lock also guards the writes to `saved`
  /// and `savedDescriptor` and every change to the terminal's modes, so a signal handled on
  /// another thread cannot fall between saving the modes and changing them.
  private struct State {
    var depth = 0
    var frozen = false
  }
  private static let state = Locked(State())

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
    let outermost = state.withLock { state -> Bool in
      state.depth += 1
      // Ending (a signal is being handled): the terminal stays as the handler restored it.
      guard !state.frozen else { return false }
      let outermost = state.depth == 1
      if outermost {
        saved.pointee = original
        savedDescriptor.pointee = descriptor
      }
      tcsetattr(descriptor, TCSANOW, &raw)
      return outermost
    }
    defer {
      state.withLock { state in
        if !state.frozen { tcsetattr(descriptor, TCSANOW, &original) }
        state.depth -= 1
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
    let owner = state.withLock { state -> Bool in
      state.depth += 1
      guard state.depth == 1, !state.frozen else { return false }
      saved.pointee = current
      savedDescriptor.pointee = descriptor
      return true
    }
    defer {
      state.withLock { state in
        state.depth -= 1
        if owner { savedDescriptor.pointee = -1 }
      }
    }
    return try body()
  }

  /// The settings `restoreSaved()` would put back now, kept by a signal handler that must
  /// restore them even after the code that saved them has returned. From then on the program
  /// changes no mode: the main thread may be just about to enter raw mode, and would otherwise
  /// leave the terminal raw after the handler restored it.
  static func freeze() -> (descriptor: Int32, modes: termios)? {
    state.withLock { state in
      state.frozen = true
      return savedDescriptor.pointee >= 0 ? (savedDescriptor.pointee, saved.pointee) : nil
    }
  }

  /// Undoes `freeze()`: only tests do, as a program that froze its terminal is ending.
  static func thaw() {
    state.withLock { $0.frozen = false }
  }

  /// Puts back settings taken with `freeze()`.
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
