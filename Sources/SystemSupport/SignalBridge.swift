import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the program does when it is told to stop, installed once at the entry point for every
/// command.
///
/// SIGINT (Ctrl-C), SIGQUIT (Ctrl-\), SIGTERM and SIGHUP end the program quietly with
/// 128 + the signal's number, after putting the terminal back (`TerminalModes`) and killing
/// every process group we started (`ProcessGroupRegistry`). While a foreground child (a pager,
/// an editor) runs, Ctrl-C and Ctrl-\ are the child's and are ignored here, as `system(3)` does;
/// SIGTERM and SIGHUP are passed on to it. Closed pipes are handled where we write
/// (`PipeWriter`), not here. A crash (a bug) prints one line instead of the Swift runtime's
/// backtrace, unless `SWIFT_BACKTRACE` asks for one.
public enum SignalBridge {
  private static let lock = NSLock()
  // The state below is `nonisolated(unsafe)` because it is only touched under `lock`.
  nonisolated(unsafe) private static var installed = false
  nonisolated(unsafe) private static var foregroundDepth = 0
  nonisolated(unsafe) private static var foregroundChildren: Set<pid_t> = []
  /// Set by the first signal that ends the program (guarded by `lock`).
  nonisolated(unsafe) private static var exiting = false

  /// The signals that stop the program.
  public static let stopSignals: [Int32] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP]

  /// Installs the handlers; later calls do nothing. `environment` decides whether crashes get
  /// the short message (`SWIFT_BACKTRACE` unset) or the runtime's backtrace.
  ///
  /// Call it first thing on the main thread, before any other thread starts: the stop signals
  /// are blocked here, so every thread started afterwards inherits the block (Dispatch's own
  /// threads block them anyway), and a signal stays pending until the thread started here
  /// takes it with `sigwait`. There is no moment, however early or late, where one is lost
  /// (Dispatch signal sources on Linux register asynchronously, and a signal ignored until
  /// then vanished) or takes its default action with the terminal still in raw mode.
  public static func install(environment: [String: String]) {
    lock.lock()
    defer { lock.unlock() }
    guard !installed else { return }
    installed = true
    TerminalModes.prepare()
    var blocked = stopSignalSet()
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
    let waiter = Thread { SignalBridge.waitForSignals() }
    waiter.name = "lambdalings signals"
    waiter.start()
    if environment["SWIFT_BACKTRACE"] == nil {
      CrashHandler.install()
    }
  }

  /// Whether `install` has run.
  public static var isInstalled: Bool { lock.withLock { installed } }

  /// The stop signals as a set for `pthread_sigmask` and `sigwait`.
  static func stopSignalSet() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for signalNumber in stopSignals { sigaddset(&set, signalNumber) }
    return set
  }

  /// The signal thread: takes each stop signal as it becomes pending and handles it here, on
  /// an ordinary thread (not in signal context).
  private static func waitForSignals() {
    var set = stopSignalSet()
    while true {
      var signalNumber: Int32 = 0
      if sigwait(&set, &signalNumber) == 0 { received(signalNumber) }
    }
  }

  /// Called just before a foreground child is spawned: from now on Ctrl-C is the child's.
  static func foregroundChildWillStart() {
    lock.withLock { foregroundDepth += 1 }
  }

  /// Records the foreground child so SIGTERM and SIGHUP reach it.
  static func foregroundChildStarted(_ pid: pid_t) {
    lock.withLock { _ = foregroundChildren.insert(pid) }
  }

  /// Called once the foreground child has been waited for (or failed to start).
  static func foregroundChildEnded() {
    lock.withLock {
      foregroundDepth -= 1
      if foregroundDepth == 0 { foregroundChildren.removeAll() }
    }
  }

  /// Ends the process with `status`, the entry point's way out. When a signal is already
  /// ending the process (its handler restores the terminal and exits with 128 + the signal),
  /// this waits for that instead: two threads must not race to `exit`, and the signal's status
  /// is the true one (a pager killed by SIGTERM returns, and the command would say 0).
  public static func exitProcess(_ status: Int32) -> Never {
    let ours = lock.withLock { () -> Bool in
      if exiting { return false }
      exiting = true
      return true
    }
    if ours { exit(status) }
    parkForever()
  }

  /// Called when a foreground child has ended: if a signal is ending the process (it may have
  /// been what ended the child), the calling thread waits here for the handler to exit, so the
  /// command does not carry on (print, save progress) as if the child had finished normally.
  static func waitIfExiting() {
    if lock.withLock({ exiting }) { parkForever() }
  }

  /// Blocks the calling thread for good; the signal handler's `exit` ends the process.
  private static func parkForever() -> Never {
    while true { sleep(60) }
  }

  /// Handles one delivered signal, on the signal thread.
  private static func received(_ signalNumber: Int32) {
    let (depth, children, first) = lock.withLock { () -> (Int, Set<pid_t>, Bool) in
      let ignored = foregroundDepth > 0 && (signalNumber == SIGINT || signalNumber == SIGQUIT)
      let first = !exiting && !ignored
      if first { exiting = true }
      return (foregroundDepth, foregroundChildren, first)
    }
    // Ctrl-C and Ctrl-\ belong to a foreground child; a second signal while leaving is ours.
    guard first else { return }
    // Taken now: the code that saved the modes may return (and forget them) while we wait.
    let modes = TerminalModes.snapshot()
    if depth > 0 {
      // The child may be a shell running the pager: the whole group (us included, which the
      // `exiting` flag above ignores) gets the signal, as from the terminal.
      kill(0, signalNumber)
      // Give it a moment to put the terminal back (the main thread reaps it; until then it
      // still answers kill 0); `TerminalModes` restores what we found in any case.
      let deadline = DispatchTime.now().uptimeNanoseconds + 500_000_000
      while children.contains(where: { kill($0, 0) == 0 }),
        DispatchTime.now().uptimeNanoseconds < deadline
      {
        usleep(10_000)
      }
    }
    if let modes { TerminalModes.restore(modes) }
    ProcessGroupRegistry.killAll()
    if isatty(STDERR_FILENO) == 1 {
      // End the line the learner was on (a prompt, a status line), so the shell's prompt
      // starts on its own line; nothing else is printed.
      var newline: UInt8 = 10
      _ = write(STDERR_FILENO, &newline, 1)
    }
    // `_exit`: nothing is buffered (output goes straight to the descriptors), and `exit` would
    // run the atexit handlers while the other threads keep running.
    _exit(128 + signalNumber)
  }
}

/// Replaces the Swift runtime's crash backtrace by one line that says what to do.
private enum CrashHandler {
  static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
  /// Written once by `install` before any handler is set, then only read by `crashed`
  /// (a signal handler cannot take a lock), hence `nonisolated(unsafe)`.
  nonisolated(unsafe) static var message: [UInt8] = []

  static func install() {
    message = Array(
      ("\nlambdalings stopped because of a bug. Your work and progress are saved. Please report"
        + " it with the command you ran (set SWIFT_BACKTRACE=enable=yes to see where it"
        + " happened).\n").utf8)
    for signalNumber in signals {
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = crashed
        action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
      #else
        action.__sigaction_u.__sa_handler = crashed
        action.sa_flags = SA_RESETHAND
      #endif
      sigemptyset(&action.sa_mask)
      sigaction(signalNumber, &action, nil)
    }
  }
}

/// The crash handler: async-signal-safe calls only (tcsetattr, write, raise).
private func crashed(_ signalNumber: Int32) {
  TerminalModes.restoreSaved()
  CrashHandler.message.withUnsafeBytes { bytes in
    _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count)
  }
  // SA_RESETHAND put the default action back: die of the same signal.
  raise(signalNumber)
}
