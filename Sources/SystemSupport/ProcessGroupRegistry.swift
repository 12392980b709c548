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
  private static let lock = NSLock()
  nonisolated(unsafe) private static var groups: Set<Int32> = []
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  /// Records a live group.
  public static func register(_ pgid: Int32) {
    lock.withLock { _ = groups.insert(pgid) }
  }

  /// Forgets a group that was killed.
  public static func unregister(_ pgid: Int32) {
    lock.withLock { _ = groups.remove(pgid) }
  }

  /// The groups currently registered.
  public static var live: Set<Int32> { lock.withLock { groups } }

  /// Sends SIGKILL to every registered group and forgets them.
  public static func killAll() {
    let all = lock.withLock { () -> Set<Int32> in
      let copy = groups
      groups.removeAll()
      return copy
    }
    for pgid in all where pgid > 1 {
      kill(-pgid, SIGKILL)
    }
  }

  /// Makes SIGINT and SIGTERM kill every live group, then exit with 128 + signal.
  ///
  /// Safe to call more than once; only the first call installs handlers.
  public static func installSignalHandlers() {
    lock.lock()
    defer { lock.unlock() }
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
