import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every live process group this program started, so that none outlives it.
///
/// `installSignalHandlers()` makes Ctrl-C (SIGINT) and SIGTERM kill every registered group
/// before the program exits.
public enum ProcessGroupRegistry {
  private static let groups = Locked<Set<Int32>>([])
  /// The installed signal sources, kept alive for the program's life. `DispatchSourceSignal` is
  /// not `Sendable`, so `Locked` cannot hold it: this one variable is only touched by
  /// `installSignalHandlers` while holding `installLock`.
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
  private static let installLock = NSLock()

  /// Records a live group.
  public static func register(_ pgid: Int32) {
    groups.withLock { _ = $0.insert(pgid) }
  }

  /// Forgets a group that was killed.
  public static func unregister(_ pgid: Int32) {
    groups.withLock { _ = $0.remove(pgid) }
  }

  /// The groups currently registered.
  public static var live: Set<Int32> { groups.withLock { $0 } }

  /// Sends SIGKILL to every registered group and forgets them.
  public static func killAll() {
    let all = groups.withLock { groups -> Set<Int32> in
      defer { groups.removeAll() }
      return groups
    }
    for pgid in all where pgid > 1 {
      kill(-pgid, SIGKILL)
    }
  }

  /// Makes SIGINT and SIGTERM kill every live group, then exit with 128 + signal.
  ///
  /// Safe to call more than once; only the first call installs handlers.
  public static func installSignalHandlers() {
    installLock.lock()
    defer { installLock.unlock() }
    guard sources.isEmpty else { return }
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        ProcessGroupRegistry.killAll()
        exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }
}
