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

  /// Parses `text` read from `file`.
  ///
  /// - Parameter knownTargets: chapter ids and `chapter#anchor` targets that exist. A link to a
  ///   chapter not in the set is a warning; so is an anchor when the set lists anchors for that
  ///   chapter. Pass nil to skip link checks.
  public static func parse(
    _ text: String, file: String, knownTargets: Set<String>? = nil
  ) -> (bank: QuizBank, diagnostics: [Diagnostic]) {
    var parser = QuizParser(file: file, knownTargets: knownTargets)
    let bank = parser.parseBank(text)
    return (bank, parser.diagnostics)
  }

  mutating func report(_ severity: Diagnostic.Severity, _ line: Int, _ message: String) {
    diagnostics.append(Diagnostic(severity: severity, file: file, line: line, message: message))
  }

  mutating func parseBank(_ text: String) -> QuizBank {
    // Split on the newline byte (once CRLF is gone, the same as splitting on Characters, at a
    // fraction of the cost); the replacement runs only when there is a carriage return.
    let normalized =
      text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    let lines = normalized.utf8.split(separator: 10, omittingEmptySubsequences: false)
      .enumerated().map { Line(number: $0.offset + 1, text: String(Substring($0.element))) }
    let (header, bodyStart) = parseFrontMatter(lines)
    let quizID = header["id"] ?? ""
    var questions: [Question] = []
    var seen: [String: Int] = [:]
    for section in splitSections(Array(lines[bodyStart...])) {
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
      report(.warning, max(bodyStart, 1), "quiz has no questions: add a `## question-id` section")
    }
    checkOwnTopic(questions, topic: header["topic"], quizID: quizID)
    let chapter = header["chapter"] ?? ""
    return QuizBank(
      id: quizID, title: header["title"] ?? quizID, chapter: chapter, file: file,
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

  /// Reads the `---` header; returns its keys and the index of the first line after it.
  mutating func parseFrontMatter(_ lines: [Line]) -> ([String: String], Int) {
    guard let first = lines.first, first.trimmed == "---" else {
      report(
        .error, 1,
        "quiz file has no front matter: start it with `---`, `id: ...`, `title: ...`, "
          + "`chapter: ...`, `---`")
      return ([:], 0)
    }
    var header: [String: String] = [:]
    var keyLines: [String: Int] = [:]
    var index = 1
    while index < lines.count, lines[index].trimmed != "---" {
      let line = lines[index]
      index += 1
      if line.isBlank { continue }
      guard let colon = line.text.firstIndex(of: ":") else {
        report(.error, line.number, "front matter line is not `key: value`")
        continue
      }
      let key = line.text[..<colon].trimmingSpaces().lowercased()
      let value = line.text[line.text.index(after: colon)...].trimmingSpaces()
      if !QuizParser.frontMatterKeys.contains(key) {
        report(
          .warning, line.number,
          "unknown front matter key '\(key)' (known: id, title, chapter, topic, pass)")
      }
      header[key] = value
      keyLines[key] = line.number
    }
    guard index < lines.count else {
      report(.error, 1, "front matter is not closed: add a line `---` after the header")
      return (header, lines.count)
    }
    if (header["id"] ?? "").isEmpty {
      report(
        .error, keyLines["id"] ?? 1,
        "front matter has no `id:`; give the quiz a stable id such as `limits`")
    }
    if let title = header["title"], title.isEmpty {
      report(
        .warning, keyLines["title"] ?? 1,
        "`title:` is empty, so the quiz is listed by its id; give it a title")
    }
    if let chapter = header["chapter"], !chapter.isEmpty {
      checkLink(chapter, line: keyLines["chapter"] ?? 1)
    }
    return (header, index + 1)
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
