import Foundation
import SystemSupport

extension CourseLoader {
  func isDirectory(_ path: String) -> Bool {
    Platform.fileStatus(path)?.kind == .directory
  }

  func fileExists(_ path: String) -> Bool {
    Platform.fileStatus(path) != nil
  }

  /// Names of the files in `folder` ending in `suffix`, sorted; empty when the folder is missing.
  func listFiles(_ folder: String, suffix: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted()
  }

  /// Names of the sub-folders of `folder`, sorted.
  func listFolders(_ folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { !$0.hasPrefix(".") && isDirectory("\(folder)/\($0)") }.sorted()
  }

  /// The file's text; invalid UTF-8 is reported and replaced so loading can go on.
  mutating func readText(_ file: String, required: Bool) -> String? {
    guard let data = FileManager.default.contents(atPath: file) else {
      if required {
        diagnostics.append(
          .error(
            "cannot read this file; check that it exists and is readable",
            file: file, line: 0))
      }
      return nil
    }
    if let text = String(data: data, encoding: .utf8) { return text }
    diagnostics.append(
      .error("the file is not valid UTF-8; save it as UTF-8", file: file, line: 0))
    return String(decoding: data, as: UTF8.self)
  }

  /// The file's header block (from the first line `---` through the closing `---`), or ""
  /// when the file has none: what an outline load parses. Unreadable files are reported as
  /// `readText` reports them.
  mutating func readHead(_ file: String) -> String? {
    guard let data = FileManager.default.contents(atPath: file) else {
      return readText(file, required: true)
    }
    let end: Int? = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var lineStart = 0
      var lineNumber = 0
      while lineStart < bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
        var last = lineEnd
        while last > lineStart,
          bytes[last - 1] == 13 || bytes[last - 1] == 32 || bytes[last - 1] == 9
        {
          last -= 1
        }
        var first = lineStart
        while first < last, bytes[first] == 32 || bytes[first] == 9 { first += 1 }
        let isFence =
          last - first == 3 && bytes[first] == 45 && bytes[first + 1] == 45
          && bytes[first + 2] == 45
        if lineNumber == 0 && !isFence { return 0 }
        if lineNumber > 0 && isFence { return min(lineEnd + 1, bytes.count) }
        lineNumber += 1
        lineStart = lineEnd + 1
      }
      return nil
    }
    // No closing line: the whole file, so the parser reports the unclosed header.
    guard let end else { return readText(file, required: true) }
    if let text = String(data: data.prefix(end), encoding: .utf8) { return text }
    return readText(file, required: true)
  }

  /// The header's `id:`, checked for form; nil (with a diagnostic) when missing or malformed.
  mutating func requiredID(_ header: FrontMatter, file: String) -> String? {
    guard let id = header.value("id") else {
      diagnostics.append(
        .error(
          "the header has no 'id:'; add one, e.g. 'id: cold-starts'",
          file: file, line: 1))
      return nil
    }
    guard Identifier.isValid(id) else {
      diagnostics.append(
        .error(
          "id '\(id)' must use only lower-case letters, digits and hyphens (e.g. 'cold-starts')",
          file: file, line: header.line(of: "id")))
      return nil
    }
    return id
  }

  /// An integer header value, reported when it does not parse.
  mutating func integer(_ header: FrontMatter, _ key: String, file: String) -> Int? {
    guard let raw = header.value(key) else { return nil }
    guard let value = Int(raw) else {
      diagnostics.append(
        .error("'\(key): \(raw)' is not a whole number", file: file, line: header.line(of: key)))
      return nil
    }
    return value
  }

  /// Warns about header keys the format does not know (often a typo).
  mutating func warnUnknownKeys(_ header: FrontMatter, allowed: Set<String>, file: String) {
    for entry in header.entries where !allowed.contains(entry.key) {
      let known = allowed.sorted().joined(separator: ", ")
      diagnostics.append(
        .warning(
          "unknown header key '\(entry.key)' (known keys: \(known))", file: file,
          line: entry.line))
    }
  }
}
