import Course
import Foundation

extension QuizParser {
  /// Metadata read from the `key: value` lines under a question heading.
  struct Metadata {
    var topics: [String] = []
    var exams: [ExamTag] = []
    var see: [String] = []
    var declaredKind: QuestionKind?
    var shuffles = true
    /// Where the `tags:`, `exam:`, `see:` and `type:` lines are, for diagnostics about them.
    var tagsLine: Int?
    var examLine: Int?
    var seeLine: Int?
    var typeLine: Int?
  }

  static let metadataKeys: Set<String> = ["tags", "topics", "exam", "see", "type", "shuffle"]

  /// Parses one `## id` section; returns nil when it has no usable id or answer.
  mutating func parseQuestion(_ heading: Line, _ lines: [Line], quizID: String) -> Question? {
    let id = heading.trimmed.drop(while: { $0 == "#" }).trimmingSpaces()
    let idIsValid =
      !id.isEmpty
      && id.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || "-_.".contains($0) }
    guard idIsValid, id.first?.isLetter == true || id.first?.isNumber == true else {
      report(
        .error, heading.number,
        "question heading '\(heading.trimmed)' needs a stable id of lower-case letters, digits "
          + "and '-', e.g. `## timeout-max`")
      return nil
    }
    var index = 0
    while index < lines.count, lines[index].isBlank { index += 1 }
    var meta = Metadata()
    while index < lines.count, let (key, value) = QuizParser.metadataPair(lines[index].text) {
      readMetadata(key, value, line: lines[index].number, into: &meta)
      index += 1
    }
    let (body, explanation) = splitExplanation(Array(lines[index...]), id: id, heading: heading)
    checkMetadata(meta, id: id, line: heading.number)
    if let line = meta.tagsLine { tagLines[id] = line }
    guard let (promptLines, answer) = parseAnswerPart(body, id: id, heading: heading) else {
      return nil
    }
    if let declared = meta.declaredKind, declared != answer.kind {
      checkDeclaredKind(declared, answer: answer, id: id, line: meta.typeLine ?? heading.number)
    }
    let prompt = QuizParser.joinMarkdown(promptLines)
    if prompt.isEmpty {
      report(.error, heading.number, "question '\(id)' has no question text before its answer")
    }
    let question = Question(
      id: id, quizID: quizID, topics: meta.topics, exams: meta.exams, see: meta.see,
      prompt: prompt, answer: answer, explanation: explanation ?? "", shuffles: meta.shuffles,
      line: heading.number)
    checkStatedCount(question)
    return question
  }

  /// Warns when a stem says how many to choose and the answer key disagrees.
  mutating func checkStatedCount(_ question: Question) {
    guard let stated = question.statedChoiceCount else { return }
    let marked = question.choiceCount ?? (question.kind == .single ? 1 : nil)
    guard let marked, marked != stated else { return }
    report(
      .warning, question.line,
      "question '\(question.id)' says \(Question.chooseText(stated)) but its key marks "
        + "\(marked) correct \(marked == 1 ? "choice" : "choices") with [x]; fix the stem or the"
        + " key")
  }

  /// Splits `key: value` when the key is a known metadata key.
  static func metadataPair(_ text: String) -> (String, String)? {
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let key = text[..<colon].trimmingSpaces().lowercased()
    guard metadataKeys.contains(key) else { return nil }
    return (key, text[text.index(after: colon)...].trimmingSpaces())
  }

  static func list(_ value: String) -> [String] {
    value.split(separator: ",").map { $0.trimmingSpaces() }
      .filter { !$0.isEmpty }
  }

  mutating func readMetadata(_ key: String, _ value: String, line: Int, into meta: inout Metadata) {
    switch key {
    case "tags", "topics":
      meta.tagsLine = meta.tagsLine ?? line
      let topics = QuizParser.list(value).map { $0.lowercased() }
      if topics.isEmpty {
        report(.warning, line, "`\(key):` names no topic; list them, e.g. `tags: limits, timeout`")
      }
      meta.topics += topics
    case "exam":
      meta.examLine = meta.examLine ?? line
      if QuizParser.list(value).isEmpty {
        report(.warning, line, "`exam:` names no exam task; write e.g. `exam: DVA-C02 1.2`")
      }
      for item in QuizParser.list(value) {
        if let tag = ExamTag(parsing: item) {
          if let problem = ExamTasks.problem(with: tag) {
            report(.error, line, problem)
          } else {
            meta.exams.append(tag)
          }
        } else {
          report(.error, line, "exam tag '\(item)' is not an exam code and task like `DVA-C02 1.2`")
        }
      }
    case "see":
      meta.seeLine = meta.seeLine ?? line
      if QuizParser.list(value).isEmpty {
        report(.warning, line, "`see:` names no chapter; write e.g. `see: limits#timeout`")
      }
      for link in QuizParser.list(value) {
        meta.see.append(link)
        checkLink(link, line: line)
      }
    case "type":
      meta.typeLine = line
      if let kind = QuestionKind(rawValue: value.lowercased()) {
        meta.declaredKind = kind
      } else {
        let known = QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")
        report(.error, line, "unknown question type '\(value)' (known: \(known))")
      }
    default:
      switch value.lowercased() {
      case "yes", "true": meta.shuffles = true
      case "no", "false": meta.shuffles = false
      default: report(.error, line, "`shuffle:` takes yes or no, not '\(value)'")
      }
    }
  }

  mutating func checkMetadata(_ meta: Metadata, id: String, line: Int) {
    if meta.topics.isEmpty, meta.tagsLine == nil {
      report(.warning, line, "question '\(id)' has no `tags:` line; topic scores will skip it")
    }
    if meta.exams.isEmpty, meta.examLine == nil {
      report(.warning, line, "question '\(id)' has no `exam:` line such as `exam: DVA-C02 1.2`")
    }
    if meta.see.isEmpty, meta.seeLine == nil {
      report(.warning, line, "question '\(id)' has no `see:` link to a chapter section")
    }
  }

  /// Warns about a chapter link whose chapter or anchor is unknown.
  mutating func checkLink(_ link: String, line: Int) {
    let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let chapter = String(parts[0])
    guard !chapter.isEmpty else {
      report(.error, line, "chapter link '\(link)' has no chapter id before '#'")
      return
    }
    guard let known = knownTargets else { return }
    guard known.contains(chapter) else {
      report(.warning, line, "link '\(link)' points to chapter '\(chapter)', which does not exist")
      return
    }
    let anchorsKnown = known.contains { $0.hasPrefix(chapter + "#") }
    if parts.count == 2, anchorsKnown, !known.contains(link) {
      report(.warning, line, "link '\(link)': chapter '\(chapter)' has no section '#\(parts[1])'")
    }
  }

  /// Separates the explanation (`> Explanation: ...` or `### Explanation`) from the body.
  mutating func splitExplanation(_ lines: [Line], id: String, heading: Line) -> ([Line], String?) {
    var fence = FenceTracker()
    for (offset, line) in lines.enumerated() {
      if fence.consume(line.text) { continue }
      let lower = line.trimmed.lowercased()
      if QuizParser.headingLevel(line.text) != nil, lower.hasSuffix("explanation"),
        lower.drop(while: { $0 == "#" }).trimmingSpaces() == "explanation"
      {
        let text = QuizParser.joinMarkdown(Array(lines[(offset + 1)...]))
        return (Array(lines[..<offset]), text.isEmpty ? missingExplanation(id, heading) : text)
      }
      let unquoted =
        lower.hasPrefix(">") ? lower.dropFirst().trimmingSpaces() : ""
      if unquoted.hasPrefix("explanation:") || unquoted.hasPrefix("**explanation:**") {
        return (Array(lines[..<offset]), quotedExplanation(Array(lines[offset...]), id, heading))
      }
    }
    return (lines, missingExplanation(id, heading))
  }

  mutating func quotedExplanation(_ lines: [Line], _ id: String, _ heading: Line) -> String? {
    var text: [String] = []
    var index = 0
    while index < lines.count, lines[index].trimmed.hasPrefix(">") {
      var content = lines[index].trimmed.dropFirst()
      if content.first == " " { content = content.dropFirst() }
      text.append(String(content))
      index += 1
    }
    if let first = text.first {
      let label = first.hasPrefix("**") ? "**Explanation:**" : "Explanation:"
      text[0] = String(first.dropFirst(label.count)).trimmingSpaces()
    }
    if let stray = lines[index...].first(where: { !$0.isBlank }) {
      report(
        .warning, stray.number,
        "text after the explanation of '\(id)' is ignored; move it into the `>` block")
    }
    let joined = text.joined(separator: "\n").trimmingSpacesAndNewlines()
    return joined.isEmpty ? missingExplanation(id, heading) : joined
  }

  mutating func missingExplanation(_ id: String, _ heading: Line) -> String? {
    report(
      .error, heading.number,
      "question '\(id)' has no explanation: add `> Explanation: ...` or an `### Explanation` "
        + "section saying why the answer is right")
    return nil
  }

  /// Joins lines into Markdown text without leading or trailing blank lines.
  static func joinMarkdown(_ lines: [Line]) -> String {
    lines.map(\.text).joined(separator: "\n").trimmingSpacesAndNewlines()
  }
}
