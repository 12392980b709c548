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
    let entries = Platform.directoryEntries(folder) ?? []
    return entries.map(\.name).filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted()
  }

  /// Names of the sub-folders of `folder` (links to folders included), sorted.
  func listFolders(_ folder: String) -> [String] {
    let entries = Platform.directoryEntries(folder) ?? []
    return entries.filter { entry in
      guard !entry.name.hasPrefix(".") else { return false }
      switch entry.kind {
      case .directory: return true
      case .regularFile: return false
      case .other, nil: return isDirectory("\(folder)/\(entry.name)")
      }
    }.map(\.name).sorted()
  }

  /// What `header(_:quiz:status:)` read of a file.
  struct HeaderRead {
    /// The header, with the rest of the file as its body in a full load.
    var header: FrontMatter
    /// A quiz's listing, in an indexed outline load.
    var listing: QuizListing?
  }

  /// The header of a chapter, exercise or quiz file, with the problems reading and parsing it
  /// gave, and for a quiz in an indexed outline load its `QuizListing`; nil when the file
  /// cannot be read (reported). A full load parses the whole file, an outline load only its
  /// header, from the index (`CourseIndex`) when the file is unchanged since it was indexed.
  /// `status` is the file's, when the caller has it already.
  mutating func header(
    _ file: String, quiz: Bool = false, status known: FileStatus? = nil
  ) -> HeaderRead? {
    guard outline else {
      guard let text = readText(file, required: true) else { return nil }
      let (header, problems) = FrontMatter.parse(text, file: file)
      diagnostics += problems
      return HeaderRead(header: header)
    }
    guard var session = index else {
      guard let text = readHead(file)?.head else { return nil }
      let (header, problems) = FrontMatter.parse(text, file: file)
      diagnostics += problems
      return HeaderRead(header: header)
    }
    // Moved out and back, so that recording in it does not copy its tables.
    index = nil
    defer { index = session }
    let relative = String(file.dropFirst(root.string.count + 1))
    let status = known ?? Platform.fileStatus(file)
    if let entry = session.lookup(relative, status: status) {
      diagnostics += entry.problems.map { problem in
        var problem = problem
        problem.file = file
        return problem
      }
      return HeaderRead(header: entry.header, listing: entry.quiz)
    }
    let before = diagnostics.count
    guard let read = readHead(file) else { return nil }
    let (header, problems) = FrontMatter.parse(read.head, file: file)
    diagnostics += problems
    let listing =
      quiz ? session.index.quizScanner(String(decoding: read.data, as: UTF8.self)) : nil
    let found = diagnostics[before...]
    if found.allSatisfy({ $0.file == file }) {
      let kept = found.map { problem in
        var problem = problem
        problem.file = ""
        return problem
      }
      session.record(
        relative, status: status,
        entry: CourseIndex.Entry(key: "", header: header, problems: kept, quiz: listing))
    }
    return HeaderRead(header: header, listing: listing)
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
  /// when the file has none: what an outline load parses; and the file's bytes. Unreadable
  /// files are reported as `readText` reports them.
  mutating func readHead(_ file: String) -> (head: String, data: Data)? {
    guard let data = FileManager.default.contents(atPath: file) else {
      return readText(file, required: true).map { ($0, Data($0.utf8)) }
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
    guard let end, let text = String(data: data.prefix(end), encoding: .utf8) else {
      return readText(file, required: true).map { ($0, data) }
    }
    return (text, data)
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
