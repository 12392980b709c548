import Course
import Foundation
import Markdown
import SystemSupport

extension CourseValidation {
  /// Links and images in chapter text and exercise statements that point nowhere: a chapter
  /// that does not exist, a section (`#anchor`) it does not have, or an image file that is not
  /// there. Web links (`https:`, `mailto:`...) are not followed.
  public static func checkLinks(_ course: Course) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var sources = course.chapters.map {
      LinkSource(file: $0.file, text: $0.body, startLine: $0.bodyStartLine, chapter: $0)
    }
    sources += course.exercises.map {
      LinkSource(
        file: $0.directory.appending("exercise.md").string, text: $0.statement,
        startLine: $0.statementStartLine, chapter: nil)
    }
    for source in sources {
      let document = Document(parsing: source.text)
      var targets: [(destination: String, isImage: Bool, line: Int)] = []
      collect(document.blocks, into: &targets)
      for target in targets {
        let line = source.startLine + target.line - 1
        if let problem = problem(
          target.destination, isImage: target.isImage, in: source, course: course)
        {
          problems.append(.error(problem, file: source.file, line: line))
        }
      }
    }
    return problems
  }

  /// Text whose links are checked: a chapter's body or an exercise's statement.
  struct LinkSource {
    /// The file, as the course names it (relative to its root or absolute).
    var file: String
    var text: String
    /// The file's line where `text` starts.
    var startLine: Int
    /// The chapter itself, whose sections a bare `#anchor` names; nil for an exercise.
    var chapter: Chapter?
  }

  /// The last component of a path as a course file writes it (`b.md` of `../a/b.md`).
  private static func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? ""
  }

  /// What is wrong with one link of `source`, or nil when it resolves.
  static func problem(
    _ destination: String, isImage: Bool, in source: LinkSource, course: Course
  ) -> String? {
    let lowered = destination.lowercased()
    if destination.isEmpty || lowered.contains("://") || lowered.hasPrefix("mailto:")
      || lowered.hasPrefix("//")
    {
      return nil
    }
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    // A path as the chapter writes it: relative to the chapter's folder, resolved only here.
    let relativePath = String(parts[0])
    let anchor = parts.count > 1 ? String(parts[1]) : nil
    let folder = AbsolutePath(source.file, relativeTo: course.root).parent
    if isImage {
      let file = folder.appending(relativePath)
      guard FileManager.default.fileExists(atPath: file.string) else {
        return "image '\(destination)' does not exist (looked for \(file)); add the file or fix"
          + " the path, relative to \(source.chapter == nil ? "exercise.md" : "the chapter")"
      }
      return nil
    }
    var target: Chapter? = source.chapter
    if !relativePath.isEmpty {
      target = course.chapter(linkedAs: relativePath)
      if target == nil {
        let name = lastComponent(relativePath)
        let id = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let file = folder.appending(relativePath)
        if FileManager.default.fileExists(atPath: file.string) { return nil }
        let ids = course.chapters.map(\.id)
        let hint = DidYouMean.clause(to: id, among: ids)
        return "link '\(destination)' points to no chapter or file\(hint); link a chapter by"
          + " its id or file name, e.g. (limits#timeouts) or (09-limits.md)"
      }
    }
    guard let anchor, !anchor.isEmpty, let target else { return nil }
    guard target.anchors.contains(anchor) else {
      let hint = DidYouMean.clause(to: anchor, among: target.anchors.sorted())
      return "link '\(destination)': the chapter '\(target.id)' has no section '#\(anchor)'"
        + "\(hint); anchors are heading texts in lower case with '-' for spaces"
    }
    return nil
  }

  /// Every link and image destination under `blocks`, with its line in the parsed text.
  static func collect(
    _ blocks: [Block], into targets: inout [(destination: String, isImage: Bool, line: Int)]
  ) {
    for block in blocks {
      switch block.kind {
      case .paragraph(let inlines), .heading(_, let inlines):
        collect(inlines, into: &targets)
      case .blockQuote(let children):
        collect(children, into: &targets)
      case .list(_, let items):
        for item in items { collect(item.blocks, into: &targets) }
      case .table(_, let header, let rows):
        for cell in header { collect(cell, into: &targets) }
        for row in rows { for cell in row { collect(cell, into: &targets) } }
      case .thematicBreak, .codeBlock, .htmlBlock:
        continue
      }
    }
  }

  static func collect(
    _ inlines: [Inline], into targets: inout [(destination: String, isImage: Bool, line: Int)]
  ) {
    for inline in inlines {
      switch inline.kind {
      case .link(let destination, _, let children, let isAutolink):
        if !isAutolink { targets.append((destination, false, inline.position.line)) }
        collect(children, into: &targets)
      case .image(let source, _, let alt):
        targets.append((source, true, inline.position.line))
        collect(alt, into: &targets)
      case .emphasis(let children), .strong(let children), .strikethrough(let children):
        collect(children, into: &targets)
      case .text, .softBreak, .hardBreak, .code, .html:
        continue
      }
    }
  }
}
