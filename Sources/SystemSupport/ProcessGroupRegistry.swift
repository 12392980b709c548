import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every live process group this program started, so that none outlives it.
///
/// `SignalBridge` kills every registered group before the program exits on a signal.
public enum ProcessGroupRegistry {
  private static let groups = Locked<Set<Int32>>([])

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

  /// Installs `SignalBridge` (normally done once by the entry point for every command).
  public static func installSignalHandlers() {
    SignalBridge.install(environment: ProcessInfo.processInfo.environment)
  }
}
