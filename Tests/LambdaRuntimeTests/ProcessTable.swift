import Foundation

/// Reads the process table (Linux `/proc`) so tests can prove that nothing was left behind.
enum ProcessTable {
  /// Pids of live (non-zombie) processes whose process group is `pgid`.
  static func livePIDs(inGroup pgid: Int32) -> [Int32] {
    entries().filter { $0.pgid == pgid }.map(\.pid)
  }

  /// True when no live process belongs to any of `groups`.
  static func allGone(_ groups: [Int32], waitingUpTo seconds: Double = 3) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if groups.allSatisfy({ livePIDs(inGroup: $0).isEmpty }) { return true }
      usleep(20_000)
    }
    return groups.allSatisfy { livePIDs(inGroup: $0).isEmpty }
  }

  /// Live processes whose command line contains `marker`.
  static func pids(withMarker marker: String) -> [Int32] {
    entries().filter { entry in
      guard let data = FileManager.default.contents(atPath: "/proc/\(entry.pid)/cmdline") else {
        return false
      }
      return String(decoding: data, as: UTF8.self).contains(marker)
    }.map(\.pid)
  }

  private struct Entry {
    var pid: Int32
    var pgid: Int32
  }

  private static func entries() -> [Entry] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.compactMap { name -> Entry? in
      guard let pid = Int32(name),
        let data = FileManager.default.contents(atPath: "/proc/\(name)/stat")
      else { return nil }
      let text = String(decoding: data, as: UTF8.self)
      // Fields after the command name, which is in parentheses and may contain spaces.
      guard let close = text.lastIndex(of: ")") else { return nil }
      let fields = text[text.index(after: close)...].split(separator: " ")
      guard fields.count > 3, fields[0] != "Z", fields[0] != "X", let pgid = Int32(fields[2])
      else { return nil }
      return Entry(pid: pid, pgid: pgid)
    }
  }
}
