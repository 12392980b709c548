import Course
import Foundation
import SystemSupport
import Testing

@testable import Quiz

/// The light scan behind `quiz --list` gives the listing the full parse gives.
@Suite struct QuizSummaryTests {
  static let root = AbsolutePath(validating: #filePath)!.parent.parent.parent

  @Test func theShippedQuizzesScanAsTheyParse() throws {
    let (course, problems) = CourseLoader.load(root: Self.root)
    #expect(!problems.hasErrors)
    let library = QuizLibrary(course: course)
    #expect(!library.hasErrors)
    try #require(library.banks.count == course.quizzes.count && library.banks.count > 3)
    let scanned = try course.quizzes.map {
      QuizSummary.scan(try String(contentsOfFile: $0.file, encoding: .utf8))
    }
    let parsed = library.banks.map(QuizSummary.init)
    #expect(scanned == parsed)
    #expect(parsed.allSatisfy { $0.questionCount > 0 && !$0.topics.isEmpty })
  }

  /// Headings in code, tags split over two lines, a `tags:` line that is body text, CRLF line
  /// ends, upper-case tags and blank lines before the metadata.
  static let fixture = """
    ---
    id: tricky
    title: Tricky
    ---

    # Tricky

    ## first-question
    tags: Tricky, Limits
    topics: timeouts
    exam: DVA-C02 1.1
    see: tricky

    Which one?

    ```markdown
    ## not-a-question
    tags: hidden
    ```

    tags: body-text

    - [x] This
    - [ ] That

    > Explanation: This one.

    ## second-question


    tags: tricky
    exam: DVA-C02 1.1
    see: tricky
    Pick the true statements. (Choose two.)

    ~~~
    ## still-code
    ~~~

    - [x] A
    - [x] B
    - [ ] C

    > Explanation: A and B.

    ## third-question
    tags: tricky
    exam: DVA-C02 1.1
    see: tricky

    True or false: the body of a question can hold `## headings` inline.

    - [x] True
    - [ ] False

    > Explanation: Only a line that starts with `## ` starts a question.
    """

  @Test(arguments: ["\n", "\r\n"])
  func aTrickyBankScansAsItParses(lineEnd: String) throws {
    let text = Self.fixture.replacingOccurrences(of: "\n", with: lineEnd)
    let (bank, problems) = QuizParser.parse(text, file: "tricky.md")
    #expect(!problems.contains { $0.severity == .error }, "\(problems)")
    try #require(bank.questions.count == 3)
    let scanned = QuizSummary.scan(text)
    #expect(scanned == QuizSummary(bank))
    #expect(scanned.topics == ["tricky", "limits", "timeouts", "tricky", "tricky"])
  }

  @Test func aFileWithoutHeaderOrQuestionsScansEmpty() {
    #expect(QuizSummary.scan("") == QuizSummary(id: "", questionCount: 0, topics: []))
    let unclosed = QuizSummary.scan("---\nid: open\n## q\ntags: a\n")
    // Never closed, the header counts for nothing (as the course loader reads it).
    #expect(unclosed == QuizSummary(id: "", questionCount: 0, topics: []))
    let (bank, _) = QuizParser.parse("---\nid: open\n## q\ntags: a\n", file: "open.md")
    #expect(unclosed == QuizSummary(bank))
  }
}
