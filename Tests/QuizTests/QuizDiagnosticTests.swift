import Course
import Testing

@testable import Quiz

@Suite struct QuizDiagnosticTests {
  /// The single error diagnostic of a one-question quiz, as `line: message`.
  func errors(_ body: String, targets: Set<String>? = nil) -> [Diagnostic] {
    QuizFixtures.parse(body, targets: targets).1.filter { $0.severity == .error }
  }

  /// The stem the "quiz id differs from its file name" warning compares the id with.
  @Test func theFileStemDropsFolderAndLastExtension() {
    #expect(QuizLibrary.fileStem("/c/lessons/quizzes/lambda-basics.md") == "lambda-basics")
    #expect(QuizLibrary.fileStem("/c/q/v1.2.md") == "v1.2")
    #expect(QuizLibrary.fileStem("/c/q/.hidden") == ".hidden")
    #expect(QuizLibrary.fileStem("/c/q/plain") == "plain")
  }

  @Test func singleChoiceWithTwoAnswers() throws {
    let meta = "tags: t\nexam: DVA-C02 1.2\nsee: limits\ntype: single"
    let found = errors(
      QuizFixtures.question("two", answer: "- [x] a\n- [x] b\n- [ ] c", meta: meta))
    let error = try #require(found.first)
    #expect(found.count == 1)
    // At the `type:` line, the last of the four metadata lines under the heading (line 7).
    #expect(error.line == 11)
    #expect(error.message.contains("single choice question 'two' has 2 correct answers"))
    #expect(error.description.hasPrefix("sample.md:11: error: single choice"))
  }

  @Test func numericAnswerThatDoesNotParse() throws {
    let found = errors(QuizFixtures.question("bad", answer: "[[9OO s]]"))
    let error = try #require(found.first)
    #expect(error.line == 14)
    #expect(error.message.contains("numeric answer '9OO s' does not parse"))
  }

  @Test func unknownUnitAndMismatchedTolerance() {
    #expect(errors(QuizFixtures.question("u", answer: "[[900 parsecs]]")).count == 1)
    let mismatch = errors(QuizFixtures.question("m", answer: "[[900 s ± 1 MB]]"))
    #expect(mismatch.first?.message.contains("is a size but the answer is a duration") == true)
  }

  @Test func duplicateIDsInOneFile() throws {
    let body =
      QuizFixtures.question("same", answer: "[[true]]")
      + QuizFixtures.question("same", answer: "[[false]]")
    let (bank, diagnostics) = QuizFixtures.parse(body)
    let error = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(error.line == 18)
    #expect(error.message.contains("duplicate question id 'same' (first used on line 7)"))
    #expect(bank.questions.count == 1)
  }

  @Test func duplicateIDsAcrossFiles() {
    let text = QuizFixtures.header + QuizFixtures.question("shared", answer: "[[true]]")
    let other = text.replacingOccurrences(of: "id: sample", with: "id: other")
    let library = QuizLibrary.parse([("sample.md", text), ("other.md", other)])
    #expect(
      library.diagnostics.map(\.description) == [
        "other.md:7: error: duplicate question id 'shared' (first used at sample.md:7); "
          + "ids must be unique across all quizzes"
      ])
    #expect(library.allQuestions.count == 1)
  }

  @Test func missingExplanation() throws {
    let found = errors(QuizFixtures.question("noexp", answer: "[[true]]", explanation: ""))
    let error = try #require(found.first)
    #expect(error.line == 7)
    #expect(error.message.contains("has no explanation"))
  }

  @Test func danglingChapterLinkIsAWarning() {
    let targets: Set<String> = ["limits", "limits#payloads", "configuration"]
    let meta = "tags: t\nexam: DVA-C02 1.2\nsee: limits#nowhere, configuration#timeout, ghost"
    let (_, diagnostics) = QuizFixtures.parse(
      QuizFixtures.question("links", answer: "[[true]]", meta: meta), targets: targets)
    #expect(diagnostics.allSatisfy { $0.severity == .warning })
    #expect(
      diagnostics.map(\.message) == [
        "link 'limits#nowhere': chapter 'limits' has no section '#nowhere'",
        "link 'ghost' points to chapter 'ghost', which does not exist",
      ])
  }

  @Test func choiceProblems() {
    #expect(errors(QuizFixtures.question("none", answer: "- [ ] a\n- [ ] b")).count == 1)
    #expect(errors(QuizFixtures.question("all", answer: "- [x] a\n- [x] b")).count == 1)
    #expect(errors(QuizFixtures.question("nobox", answer: "- [x] a\n- b")).count == 1)
    let multi = "tags: t\nexam: DVA-C02 1.2\nsee: limits\ntype: multiple"
    #expect(
      errors(QuizFixtures.question("one", answer: "- [x] a\n- [ ] b", meta: multi)).count == 1)
  }

  @Test func orderingMustBeNumberedInOrder() throws {
    let found = errors(QuizFixtures.question("ord", answer: "1. a\n3. b\n2. c"))
    #expect(found.count == 2)
    #expect(try #require(found.first).line == 15)
  }

  @Test func missingAnswerPartFrontMatterAndBadExamTag() {
    #expect(errors(QuizFixtures.question("noanswer", answer: "Just text.")).count == 1)
    #expect(errors(QuizFixtures.question("x", answer: "[[1]]", meta: "exam: DVA 1")).count == 1)
    let noHeader = QuizParser.parse("## q\n[[1]]\n> Explanation: x", file: "f.md").diagnostics
    #expect(
      noHeader.first?.description.hasPrefix("f.md:1: error: quiz file has no front matter") == true)
  }

  @Test func missingMetadataIsWarned() {
    let (bank, diagnostics) = QuizFixtures.parse(
      QuizFixtures.question("bare", answer: "[[1]]", meta: ""))
    #expect(bank.questions.count == 1)
    #expect(diagnostics.count == 3)
    #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.line == 7 })
  }
}
