import Foundation
import SystemSupport

@testable import Progress

/// A fresh workspace folder under the system temporary directory, removed afterwards.
final class Workspace {
  let path: AbsolutePath

  init() throws {
    path = AbsolutePath(NSTemporaryDirectory(), relativeTo: .currentDirectory())
      .appending("progress-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: path.url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: path.url)
  }

  /// A store on this folder whose clock always says `now`.
  func store(now: Date = Fixed.now, migrator: ProgressMigrator = .standard) -> ProgressStore {
    ProgressStore(directory: path, migrator: migrator, clock: { now })
  }

  /// The names in the folder, sorted.
  func names() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path.string).sorted()
  }

  /// The bytes of `name` in the folder, or `nil` when it does not exist.
  func contents(_ name: String) -> Data? {
    FileManager.default.contents(atPath: path.appending(name).string)
  }

  /// Writes `text` to `name` in the folder.
  func write(_ text: String, to name: String) throws {
    try Data(text.utf8).write(to: path.appending(name).url)
  }
}

/// Whole-second dates for tests (the file stores seconds).
enum Fixed {
  static let now = date("2026-03-14T15:09:26Z")
  static let later = date("2026-03-15T08:00:00Z")

  static func date(_ text: String) -> Date {
    ProgressCoding.parseDate(text) ?? Date(timeIntervalSince1970: 0)
  }
}
