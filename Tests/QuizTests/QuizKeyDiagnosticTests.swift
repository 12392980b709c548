import Course
import Foundation
import SystemSupport
import Testing

@testable import Quiz

/// One negative test for every key a quiz file knows (front matter and question metadata): a
/// fixture with one mistake and a marker `⚑` on the line its diagnostic must point to, as
/// swift-format's `1️⃣` markers pin a finding. The marker is removed before parsing.
@Suite struct QuizKeyDiagnosticTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var place: String
    var key: String
    var fixture: String
    var message: String
    var severity: Diagnostic.Severity
    var testDescription: String { "\(place) \(key)" }

    init(
      _ place: String, _ key: String, _ fixture: String, _ message: String,
      _ severity: Diagnostic.Severity = .error
    ) {
      self.place = place
      self.key = key
      self.fixture = fixture
      self.message = message
      self.severity = severity
    }
  }

  /// A quiz with `front` as its front matter lines and one question whose metadata lines are
  /// `meta` and whose answer is `answer`.
  static func quiz(
    front: String = "id: sample\ntitle: Sample\nchapter: limits",
    meta: String = "tags: limits\nexam: DVA-C02 1.2\nsee: limits",
    answer: String = "- [x] right\n- [ ] wrong"
  ) -> String {
    "---\n\(front)\n---\n\n## question\n\(meta)\n\nWhich one?\n\n\(answer)\n\n"
      + "> Explanation: Because.\n"
  }

  static let targets: Set<String> = ["limits", "limits#timeout"]

  static let front: [Row] = [
    Row(
      "front", "id", quiz(front: "id: ⚑\ntitle: Sample\nchapter: limits"),
      "front matter has no `id:`"),
    Row(
      "front", "title", quiz(front: "id: sample\ntitle:⚑\nchapter: limits"), "`title:` is empty",
      .warning),
    Row(
      "front", "chapter", quiz(front: "id: sample\ntitle: Sample\nchapter: nowhere ⚑"),
      "link 'nowhere' points to chapter 'nowhere', which does not exist", .warning),
    Row(
      "front", "topic",
      quiz(
        front: "id: sample\ntitle: Sample\nchapter: limits\ntopic: timeout",
        meta: "tags: limits ⚑\nexam: DVA-C02 1.2\nsee: limits"),
      "lacks the quiz's topic tag 'timeout'", .warning),
    Row(
      "front", "unknown",
      quiz(front: "id: sample\ntitle: Sample\nchapters: limits ⚑"),
      "unknown front matter key 'chapters'", .warning),
  ]

  static let metadata: [Row] = [
    Row(
      "question", "tags", quiz(meta: "tags: , ⚑\nexam: DVA-C02 1.2\nsee: limits"),
      "`tags:` names no topic", .warning),
    Row(
      "question", "topics", quiz(meta: "topics:⚑\nexam: DVA-C02 1.2\nsee: limits"),
      "`topics:` names no topic", .warning),
    Row(
      "question", "exam", quiz(meta: "tags: limits\nexam: DVA 1 ⚑\nsee: limits"),
      "exam tag 'DVA 1' is not an exam code and task"),
    Row(
      "question", "see", quiz(meta: "tags: limits\nexam: DVA-C02 1.2\nsee: limits#nope ⚑"),
      "chapter 'limits' has no section '#nope'", .warning),
    Row(
      "question", "type",
      quiz(meta: "tags: limits\nexam: DVA-C02 1.2\nsee: limits\ntype: essay ⚑"),
      "unknown question type 'essay'"),
    Row(
      "question", "type (against the answer)",
      quiz(
        meta: "tags: limits\nexam: DVA-C02 1.2\nsee: limits\ntype: single ⚑",
        answer: "- [x] right\n- [x] also right\n- [ ] wrong"),
      "single choice question 'question' has 2 correct answers"),
    Row(
      "question", "shuffle",
      quiz(meta: "tags: limits\nexam: DVA-C02 1.2\nsee: limits\nshuffle: maybe ⚑"),
      "`shuffle:` takes yes or no, not 'maybe'"),
  ]

  /// The fixture without its marker, and the line the marker was on.
  static func unmarked(_ fixture: String) -> (text: String, line: Int?) {
    let lines = fixture.split(separator: "\n", omittingEmptySubsequences: false)
    let index = lines.firstIndex { $0.contains("⚑") }
    return (fixture.replacingOccurrences(of: "⚑", with: ""), index.map { $0 + 1 })
  }

  @Test(arguments: front + metadata) func eachKeyHasADiagnosticAtItsLine(_ row: Row) throws {
    let (text, marked) = Self.unmarked(row.fixture)
    let line = try #require(marked, "the fixture has no ⚑ marker")
    let found = QuizParser.parse(text, file: "sample.md", knownTargets: Self.targets).diagnostics
    let matching = found.filter { $0.message.contains(row.message) }
    #expect(matching.count == 1, "\(found.map(\.description))")
    #expect(matching.first?.line == line, "\(found.map(\.description))")
    #expect(matching.first?.severity == row.severity)
    // The fixture's one mistake is its only problem.
    #expect(found.count == 1, "\(found.map(\.description))")
  }

  @Test func theBaseQuizIsClean() {
    let found = QuizParser.parse(Self.quiz(), file: "sample.md", knownTargets: Self.targets)
    #expect(found.diagnostics.isEmpty, "\(found.diagnostics.map(\.description))")
    #expect(found.bank.questions.count == 1)
  }

  /// `pass:` is read where the course is loaded (the quiz list needs it without parsing
  /// questions), so its test loads a course folder.
  @Test func passMarkThatIsNotAPercentage() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("quiz-keys-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let (text, marked) = Self.unmarked(
      Self.quiz(front: "id: sample\ntitle: Sample\npass: most ⚑\nchapter: limits"))
    try FileManager.default.createDirectory(
      atPath: root + "/lessons/quizzes", withIntermediateDirectories: true)
    try "---\nid: demo\ntitle: Demo\n---\n".write(
      toFile: root + "/lessons/course.md", atomically: true, encoding: .utf8)
    try text.write(toFile: root + "/lessons/quizzes/sample.md", atomically: true, encoding: .utf8)
    let (_, found) = CourseLoader.load(root: try #require(AbsolutePath(validating: root)))
    let matching = found.filter { $0.message.contains("'pass: most' is not a pass mark") }
    #expect(matching.count == 1, "\(found.map(\.description))")
    #expect(matching.first?.line == marked)
    #expect(matching.first?.file.hasSuffix("lessons/quizzes/sample.md") == true)
  }

  /// Every key the parser knows has a row above, so a new key cannot come without its test.
  @Test func everyKeyHasARow() {
    let frontKeys = Set(Self.front.map(\.key)).union(["pass"])
    #expect(QuizParser.frontMatterKeys.isSubset(of: frontKeys))
    let metadataKeys = Set(Self.metadata.map(\.key))
    #expect(QuizParser.metadataKeys.isSubset(of: metadataKeys))
  }
}
