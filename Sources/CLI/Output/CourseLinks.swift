import Course
import Markdown

/// Where a link in course text (a chapter, an exercise statement, a hint, a solution, a quiz
/// explanation) leads, in this program's terms: a link to a chapter is shown as the command
/// that opens it, with the section's title when it names one (`lambdalings read limits,
/// section "Payloads"`), since a terminal cannot follow `limits#payloads`. Web links and
/// links to other files are left as they are.
struct CourseLinks {
  let course: Course
  /// The chapter being read, whose own sections a bare `#anchor` names.
  let current: Chapter?
  let context: Context

  init(course: Course, current: Chapter? = nil, context: Context) {
    self.course = course
    self.current = current
    self.context = context
  }

  /// `document` with every chapter link replaced by its command.
  func apply(to document: Document) -> Document {
    document.rewritingLinks(target(of:))
  }

  /// What a reader should type or look for instead of `destination`; nil when it is not a
  /// chapter of the course (web links, files, an unknown name).
  func target(of destination: String) -> String? {
    if destination.contains(":") { return nil }
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let path = String(parts[0])
    let anchor = parts.count > 1 ? String(parts[1]) : nil
    let chapter: Chapter
    if path.isEmpty {
      guard let current else { return nil }
      chapter = current
    } else {
      guard let found = course.chapter(linkedAs: path) else { return nil }
      chapter = found
    }
    var words: [String] = []
    if !path.isEmpty || chapter.id != current?.id {
      words.append(context.command("read \(chapter.id)"))
    }
    if let anchor, let title = Slug.headings(in: chapter.body)[anchor] {
      let plain = title.filter { $0 != "`" && $0 != "*" }
      words.append("section \"\(plain)\"")
    }
    return words.isEmpty ? nil : words.joined(separator: ", ")
  }
}

extension OutputWriter {
  /// Course text rendered for this stream, its chapter links shown as commands.
  func rendered(markdown: String, links: CourseLinks) -> String {
    MarkdownText.render(links.apply(to: Document(parsing: markdown)), settings: settings)
  }
}
