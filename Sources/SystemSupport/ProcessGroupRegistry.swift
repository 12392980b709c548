import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every live process group this program started, so that none outlives it.
///
/// `SignalBridge` kills every registered group before the program exits on a signal. Installing
/// the bridge is the entry point's job alone (`LambdalingsCLI.run`), never a library's: it must
/// happen on the main thread before any other thread starts, and a test process keeps its own
/// signal handling.
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
}
