import Foundation

/// What `quiz --list` shows of one bank: its id, how many questions it has and their tags.
public struct QuizSummary: Sendable, Equatable {
  public var id: String
  public var questionCount: Int
  /// Every question's tags (lower-cased), question by question, duplicates kept.
  public var topics: [String]

  public init(id: String, questionCount: Int, topics: [String]) {
    self.id = id
    self.questionCount = questionCount
    self.topics = topics
  }

  /// A parsed bank's summary.
  public init(_ bank: QuizBank) {
    self.init(
      id: bank.id, questionCount: bank.questions.count, topics: bank.questions.flatMap(\.topics))
  }

  /// A light scan of a quiz file for listings: the front matter's `id:`, the `## ` headings
  /// outside fenced code, and the `tags:` (or `topics:`) lines right under each heading. Nothing
  /// else of a question is read and nothing is checked, so on a bank the full parser accepts
  /// without errors the summary equals `QuizSummary(bank)`; a question the parser would drop for
  /// an error is still counted here (`validate` and taking the quiz report such errors).
  public static func scan(_ text: String) -> QuizSummary {
    var id = ""
    var count = 0
    var topics: [String] = []
    var lineNumber = 0
    var inHeader = false
    var fence = FenceTracker()
    // After a heading: blank lines, then `key: value` lines, until the first other line.
    var readingMetadata = false
    var metadataStarted = false
    for raw in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
      lineNumber += 1
      // Most lines are question text: skipped on their first bytes, without making a String,
      // unless they could open or close a fence (` or ~) or be a heading outside code (#).
      if lineNumber > 1, !inHeader, !readingMetadata {
        var index = raw.startIndex
        var spaces = 0
        while spaces < 3, index < raw.endIndex, raw[index] == UInt8(ascii: " ") {
          index = raw.index(after: index)
          spaces += 1
        }
        let first = index < raw.endIndex ? raw[index] : 0
        let mayBeFence = first == UInt8(ascii: "`") || first == UInt8(ascii: "~")
        if !mayBeFence, fence.isOpen || first != UInt8(ascii: "#") { continue }
      }
      var line = String(Substring(raw))
      if line.utf8.last == 13 { line.removeLast() }
      if lineNumber == 1 {
        inHeader = line.trimmingSpaces() == "---"
        if inHeader { continue }
      }
      if inHeader {
        if line.trimmingSpaces() == "---" {
          inHeader = false
        } else if let colon = line.firstIndex(of: ":"),
          line[..<colon].trimmingSpaces().lowercased() == "id"
        {
          id = line[line.index(after: colon)...].trimmingSpaces()
        }
        continue
      }
      if !fence.consume(line), QuizParser.headingLevel(line) == 2 {
        count += 1
        readingMetadata = true
        metadataStarted = false
        continue
      }
      guard readingMetadata else { continue }
      if !metadataStarted, line.trimmingSpaces().isEmpty { continue }
      guard let (key, value) = QuizParser.metadataPair(line) else {
        readingMetadata = false
        continue
      }
      metadataStarted = true
      if key == "tags" || key == "topics" {
        topics += QuizParser.list(value).map { $0.lowercased() }
      }
    }
    // A header never closed counts for nothing, as the course loader reads it (`FrontMatter`).
    return QuizSummary(id: inHeader ? "" : id, questionCount: count, topics: topics)
  }
}
