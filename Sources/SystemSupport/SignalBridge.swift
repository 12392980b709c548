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
/// SIGTERM and SIGHUP are passed on to it. Temporary folders the program made
/// (`ScratchFolders`) are removed after the kill. Closed pipes are handled where we write
/// (`PipeWriter`), not here. A crash (a bug) prints one line instead of the Swift runtime's
/// backtrace, unless `SWIFT_BACKTRACE` asks for one.
public enum SignalBridge {
  /// What the entry point, foreground children and the signal thread share.
  private struct State: Sendable {
    var installed = false
    var foregroundDepth = 0
    var foregroundChildren: Set<pid_t> = []
    /// Set by the first signal (or `exitProcess` call) that ends the program.
    var exiting = false
  }

  private static let state = Locked(State())

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
    let first = state.withLock { state -> Bool in
      defer { state.installed = true }
      return !state.installed
    }
    guard first else { return }
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
  public static var isInstalled: Bool { state.withLock { $0.installed } }

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
    state.withLock { $0.foregroundDepth += 1 }
  }

  /// Records the foreground child so SIGTERM and SIGHUP reach it.
  static func foregroundChildStarted(_ pid: pid_t) {
    state.withLock { _ = $0.foregroundChildren.insert(pid) }
  }

  /// Called once the foreground child has been waited for (or failed to start).
  static func foregroundChildEnded() {
    state.withLock { state in
      state.foregroundDepth -= 1
      if state.foregroundDepth == 0 { state.foregroundChildren.removeAll() }
    }
  }

  /// Ends the process with `status`, the entry point's way out. When a signal is already
  /// ending the process (its handler restores the terminal and exits with 128 + the signal),
  /// this waits for that instead: two threads must not race to `exit`, and the signal's status
  /// is the true one (a pager killed by SIGTERM returns, and the command would say 0).
  public static func exitProcess(_ status: Int32) -> Never {
    let ours = state.withLock { state -> Bool in
      defer { state.exiting = true }
      return !state.exiting
    }
    if ours { exit(status) }
    parkForever()
  }

  /// Called when a foreground child has ended: if a signal is ending the process (it may have
  /// been what ended the child), the calling thread waits here for the handler to exit, so the
  /// command does not carry on (print, save progress) as if the child had finished normally.
  static func waitIfExiting() {
    if state.withLock({ $0.exiting }) { parkForever() }
  }

  /// Blocks the calling thread for good; the signal handler's `exit` ends the process.
  private static func parkForever() -> Never {
    while true { sleep(60) }
  }

  /// Handles one delivered signal, on the signal thread.
  private static func received(_ signalNumber: Int32) {
    let (depth, children, first) = state.withLock { state -> (Int, Set<pid_t>, Bool) in
      let ignored =
        state.foregroundDepth > 0 && (signalNumber == SIGINT || signalNumber == SIGQUIT)
      let first = !state.exiting && !ignored
      if first { state.exiting = true }
      return (state.foregroundDepth, state.foregroundChildren, first)
    }
    // Ctrl-C and Ctrl-\ belong to a foreground child; a second signal while leaving is ours.
    guard first else { return }
    // Taken now: the code that saved the modes may return (and forget them) while we wait;
    // and from now on nothing puts the terminal in raw mode.
    let modes = TerminalModes.freeze()
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
    // After the kill: nothing writes into them any more.
    ScratchFolders.removeAll()
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
  /// What `crashed` writes. A constant, so the handler needs no lock to read it (it cannot
  /// take one); `install` reads it once first, so the handler never runs its lazy
  /// initialisation.
  static let message: [UInt8] = Array(
    ("\nlambdalings stopped because of a bug. Your work and progress are saved. Please report"
      + " it with the command you ran (set SWIFT_BACKTRACE=enable=yes to see where it"
      + " happened).\n").utf8)

  static func install() {
    _ = message.count
    for signalNumber in signals {
      var action = Platform.oneShotAction(crashed)
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
