import Course
import Foundation

/// Reads a quiz bank from its Markdown text, collecting authoring mistakes as diagnostics.
///
/// Parsing never throws: any text gives a bank (possibly with no questions) and a list of
/// diagnostics with file and line. Questions with an error are left out of the bank.
public struct QuizParser {
  /// A source line with its 1-based number.
  struct Line {
    var number: Int
    var text: String

    var trimmed: String { text.trimmingSpaces() }
    var isBlank: Bool { trimmed.isEmpty }
  }

  let file: String
  /// Known chapter link targets (`limits`, `limits#timeout`); nil skips link checks.
  let knownTargets: Set<String>?
  var diagnostics: [Diagnostic] = []
  /// The line of each question's `tags:` line, by question id, for the topic check.
  var tagLines: [String: Int] = [:]

  /// Parses a whole quiz file, `text` read from `file`, on its own (no course around it): the
  /// header is read as the course loader reads it (`FrontMatter`), with its problems.
  ///
  /// - Parameter knownTargets: chapter ids and `chapter#anchor` targets that exist. A link to a
  ///   chapter not in the set is a warning; so is an anchor when the set lists anchors for that
  ///   chapter. Pass nil to skip link checks.
  public static func parse(
    _ text: String, file: String, knownTargets: Set<String>? = nil
  ) -> (bank: QuizBank, diagnostics: [Diagnostic]) {
    var parser = QuizParser(file: file, knownTargets: knownTargets)
    let (header, problems) = FrontMatter.parse(text, file: file)
    parser.diagnostics = problems
    if header.isPresent, (header.value("id") ?? "").isEmpty, problems.isEmpty {
      parser.report(
        .error, 1, "front matter has no `id:`; give the quiz a stable id such as `limits`")
    }
    let bank = parser.parseBank(header)
    return (bank, parser.diagnostics)
  }

  /// Parses the questions of a quiz the course loader found. Its header was read (and its
  /// problems reported) by the loader; only what is particular to quizzes is checked here.
  public static func parse(
    _ source: QuizSource, knownTargets: Set<String>? = nil
  ) -> (bank: QuizBank, diagnostics: [Diagnostic]) {
    var parser = QuizParser(file: source.file, knownTargets: knownTargets)
    let bank = parser.parseBank(source.header)
    return (bank, parser.diagnostics)
  }

  mutating func report(_ severity: Diagnostic.Severity, _ line: Int, _ message: String) {
    diagnostics.append(Diagnostic(severity: severity, file: file, line: line, message: message))
  }

  /// The questions of the body under `header`, after the checks of the header that only
  /// quizzes make.
  mutating func parseBank(_ header: FrontMatter) -> QuizBank {
    checkHeader(header)
    // A file without a header is all body, carriage returns included; split on the newline
    // byte once they are gone (the same as splitting on Characters, at a fraction of the cost).
    let body =
      header.body.utf8.contains(13)
      ? header.body.replacingOccurrences(of: "\r\n", with: "\n") : header.body
    let lines = body.utf8.split(separator: 10, omittingEmptySubsequences: false)
      .enumerated().map {
        Line(number: header.bodyStartLine + $0.offset, text: String(Substring($0.element)))
      }
    let quizID = header.value("id") ?? ""
    var questions: [Question] = []
    var seen: [String: Int] = [:]
    for section in splitSections(lines) {
      // The id is checked first, so a duplicate is reported even when the question has
      // another error.
      let id = section.heading.trimmed.drop(while: { $0 == "#" })
        .trimmingCharacters(in: .whitespaces)
      if !id.isEmpty, let first = seen[id] {
        report(
          .error, section.heading.number,
          "duplicate question id '\(id)' (first used on line \(first)); "
            + "ids must be unique because progress is saved by id")
      }
      let duplicate = !id.isEmpty && seen[id] != nil
      if !id.isEmpty, !duplicate { seen[id] = section.heading.number }
      let errorsBefore = errorCount
      let question = parseQuestion(section.heading, section.lines, quizID: quizID)
      if let question, !duplicate, errorCount == errorsBefore { questions.append(question) }
    }
    if questions.isEmpty && errorCount == 0 {
      // On the header's closing line: the body starts right after it.
      report(
        .warning, max(header.bodyStartLine - 1, 1),
        "quiz has no questions: add a `## question-id` section")
    }
    checkOwnTopic(questions, topic: header.value("topic"), quizID: quizID)
    let chapter = header.value("chapter") ?? ""
    return QuizBank(
      id: quizID, title: header.value("title") ?? quizID, chapter: chapter, file: file,
      questions: questions)
  }

  var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

  /// Warns about questions that lack the quiz's own topic tag, since `quiz --topic` would miss
  /// them in a topic review. The topic is `topic:` from the front matter; without it, the quiz
  /// id, once any question of the quiz uses the id as a tag (so a bank whose tags never name
  /// it, such as a small test quiz, is left alone).
  mutating func checkOwnTopic(_ questions: [Question], topic declared: String?, quizID: String) {
    let topic = (declared ?? quizID).lowercased()
    guard !topic.isEmpty else { return }
    guard declared != nil || questions.contains(where: { $0.topics.contains(topic) }) else {
      return
    }
    for question in questions where !question.topics.isEmpty && !question.topics.contains(topic) {
      report(
        .warning, tagLines[question.id] ?? question.line,
        "question '\(question.id)' lacks the quiz's topic tag '\(topic)'; add it to `tags:` so "
          + "`quiz --topic \(topic)` finds it (or set `topic:` in the front matter)")
    }
  }

  /// The keys a quiz's front matter may have (`pass` is read by the course loader).
  static let frontMatterKeys: Set<String> = ["id", "title", "chapter", "topic", "pass"]

  /// The header checks only quizzes make (the course loader reports a header's syntax, its
  /// id and pass mark): that there is a header, that its keys are known, and that `chapter:`
  /// names a chapter.
  mutating func checkHeader(_ header: FrontMatter) {
    guard header.isPresent else {
      report(
        .error, 1,
        "quiz file has no front matter: start it with `---`, `id: ...`, `title: ...`, "
          + "`chapter: ...`, `---`")
      return
    }
    for entry in header.entries where !QuizParser.frontMatterKeys.contains(entry.key.lowercased()) {
      report(
        .warning, entry.line,
        "unknown front matter key '\(entry.key)' (known: id, title, chapter, topic, pass)")
    }
    if let chapter = header.value("chapter"), !chapter.isEmpty {
      checkLink(chapter, line: header.line(of: "chapter"))
    }
  }

  /// Splits the body into `## id` sections, ignoring headings inside fenced code.
  func splitSections(_ lines: [Line]) -> [(heading: Line, lines: [Line])] {
    var sections: [(heading: Line, lines: [Line])] = []
    var fence = FenceTracker()
    for line in lines {
      let inCode = fence.consume(line.text)
      if !inCode, QuizParser.headingLevel(line.text) == 2 {
        sections.append((line, []))
      } else if !sections.isEmpty {
        sections[sections.count - 1].lines.append(line)
      }
    }
    return sections
  }

  /// The ATX heading level of a line (1...6), or nil when it is not a heading.
  static func headingLevel(_ text: String) -> Int? {
    let indent = text.prefix(while: { $0 == " " }).count
    guard indent <= 3 else { return nil }
    let rest = text.dropFirst(indent)
    let hashes = rest.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(hashes) else { return nil }
    let after = rest.dropFirst(hashes)
    guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
    return hashes
  }
}

/// Tracks whether lines are inside a fenced code block (``` or ~~~).
struct FenceTracker {
  private var open: (character: Character, length: Int)?

  /// Feeds one line; returns true when the line belongs to a code fence (including its markers).
  mutating func consume(_ text: String) -> Bool {
    let indent = text.utf8.prefix(while: { $0 == UInt8(ascii: " ") }).count
    let trimmed = text.dropFirst(indent)
    guard indent <= 3, let first = trimmed.first, first == "`" || first == "~"
    else { return open != nil }
    let length = trimmed.prefix(while: { $0 == first }).count
    guard length >= 3 else { return open != nil }
    if let current = open {
      let rest = trimmed.dropFirst(length).trimmingSpaces()
      if current.character == first, length >= current.length, rest.isEmpty { open = nil }
      return true
    }
    open = (first, length)
    return true
  }

  var isOpen: Bool { open != nil }
}
