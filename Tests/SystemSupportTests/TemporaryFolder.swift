import Foundation
import SystemSupport

/// A fresh folder under the system temporary directory, removed when the test is done with it.
final class TemporaryFolder {
  let path: AbsolutePath

  init() throws {
    let name = "systemsupport-tests-" + UUID().uuidString
    path = AbsolutePath(NSTemporaryDirectory(), relativeTo: .currentDirectory()).appending(name)
    try FileManager.default.createDirectory(at: path.url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: path.url)
  }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> AbsolutePath {
    path.appending(name)
  }

  /// The names in the folder, sorted.
  func names() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path.string).sorted()
  }
}
