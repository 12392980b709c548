import Foundation

/// Temporary folders the program made and removes itself, so that none is left behind when a
/// signal ends the program before the code that made one could remove it.
///
/// The grader registers each run's scratch folder (the handlers' `/tmp`) and unregisters it
/// once it has removed it; `SignalBridge` removes whatever is still registered when Ctrl-C or
/// SIGTERM ends the program, after the processes that wrote there were killed.
public enum ScratchFolders {
  private static let folders = Locked<Set<AbsolutePath>>([])

  /// Records a folder to remove if the program is stopped by a signal.
  public static func register(_ folder: AbsolutePath) {
    folders.withLock { _ = $0.insert(folder) }
  }

  /// Forgets a folder (its owner removed it, or keeps it on purpose).
  public static func unregister(_ folder: AbsolutePath) {
    folders.withLock { _ = $0.remove(folder) }
  }

  /// The folders currently registered.
  public static var registered: Set<AbsolutePath> { folders.withLock { $0 } }

  /// Removes every registered folder with what it holds, and forgets them.
  public static func removeAll() {
    let all = folders.withLock { folders -> Set<AbsolutePath> in
      defer { folders.removeAll() }
      return folders
    }
    for folder in all {
      try? FileManager.default.removeItem(atPath: folder.string)
    }
  }
}
