import Foundation
import SystemSupport

/// Copies of the learner's files made before a reset (`reset`, `progress reset`).
enum FileBackup {
  /// Renames `file` to `<file>.bak-<yyyyMMdd-HHmmss>` (with `-2`, `-3`... when taken) and
  /// returns the backup's path.
  static func backUp(_ path: AbsolutePath, now: Date) throws -> AbsolutePath {
    let file = path.string
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let base = "\(file).bak-\(formatter.string(from: now))"
    var backup = base
    var counter = 2
    while FileManager.default.fileExists(atPath: backup) {
      backup = "\(base)-\(counter)"
      counter += 1
    }
    do {
      try FileManager.default.copyItem(atPath: file, toPath: backup)
    } catch {
      throw CLIError.content(
        "could not back up \(file) to \(backup): \(error.localizedDescription.trimmingFinalPeriod); nothing changed"
      )
    }
    return AbsolutePath(backup, relativeTo: path.parent)
  }
}
