import Foundation
import SystemSupport

extension CourseScaffold {
  /// Creates every file under `root` and applies the header edits. Refuses before writing
  /// anything when a file already exists; each file is created exclusively, so one that
  /// appears meanwhile is kept. Returns the paths written and edited.
  public func write(to root: AbsolutePath) throws -> [AbsolutePath] {
    let manager = FileManager.default
    // `file.path` and `edit.path` are relative to the course root, as the plan writes them.
    for file in files where manager.fileExists(atPath: root.appending(file.path).string) {
      throw Problem.exists(root.appending(file.path).string)
    }
    var done: [AbsolutePath] = []
    for file in files {
      let target = root.appending(file.path)
      let path = target.string
      try manager.createDirectory(atPath: target.parent.string, withIntermediateDirectories: true)
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
      guard descriptor >= 0 else { throw Problem.exists(path) }
      let data = Array(file.text.utf8)
      let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
      close(descriptor)
      guard written == data.count else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
      }
      done.append(target)
    }
    for edit in edits {
      let path = root.appending(edit.path).string
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try CourseScaffold.settingHeader(edit.key, to: edit.value, in: text)
        .write(toFile: path, atomically: true, encoding: .utf8)
      done.append(root.appending(edit.path))
    }
    return done
  }

  /// The text with `key: value` in its header: the existing line replaced, or a line added
  /// before the closing `---`.
  static func settingHeader(_ key: String, to value: String, in text: String) -> String {
    var lines = text.components(separatedBy: "\n")
    guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
      return "---\n\(key): \(value)\n---\n" + text
    }
    if let index = lines[1..<end].firstIndex(where: { $0.hasPrefix("\(key):") }) {
      lines[index] = "\(key): \(value)"
    } else {
      lines.insert("\(key): \(value)", at: end)
    }
    return lines.joined(separator: "\n")
  }
}
