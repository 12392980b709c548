import Course
import Foundation
import Testing

@testable import Quiz

/// Checks the question banks shipped in `lessons/quizzes/`.
@Suite struct QuestionBankTests {
  static let chapters: Set<String> = [
    "what-is-lambda", "first-function", "triggers", "deploying", "configuration", "cold-starts",
    "errors-and-retries", "logging", "limits", "api-gateway",
  ]
  /// The exam tasks facts.md lists.
  static let examTasks: Set<String> = [
    "DVA-C02 1.1", "DVA-C02 1.2", "DVA-C02 2.3", "DVA-C02 3.1", "DVA-C02 3.2", "DVA-C02 3.3",
    "DVA-C02 3.4", "DVA-C02 4.1", "DVA-C02 4.2", "DVA-C02 4.3", "SAA-C03 2.1", "SAA-C03 2.2",
    "SAA-C03 3.2", "SAA-C03 4.2",
  ]
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("lessons/quizzes")

  let library = QuizLibrary.load(directory: directory, knownTargets: chapters)

  @Test func everyBankLoadsWithoutDiagnostics() {
    #expect(library.diagnostics.map(\.description) == [])
    #expect(library.banks.count == 7)
  }

  @Test func countsPerTopic() {
    let counts = Dictionary(uniqueKeysWithValues: library.banks.map { ($0.id, $0.questions.count) })
    #expect(counts["limits", default: 0] >= 20)
    #expect(counts["triggers", default: 0] >= 20)
    #expect(counts["cold-starts", default: 0] >= 20)
    #expect(library.allQuestions.count >= 80)
    for bank in ["configuration", "errors-and-retries", "logging", "api-gateway"] {
      #expect(counts[bank, default: 0] >= 5, "\(bank)")
    }
  }

  @Test func everyQuestionIsTaggedLinkedAndExplained() {
    for question in library.allQuestions {
      #expect(!question.topics.isEmpty, "\(question.id) has no tags")
      #expect(!question.exams.isEmpty, "\(question.id) has no exam tag")
      for tag in question.exams {
        #expect(Self.examTasks.contains(tag.description), "\(question.id): \(tag)")
      }
      #expect(
        question.see.contains { Self.chapters.contains(String($0.split(separator: "#")[0])) },
        "\(question.id) links to no chapter")
      let text = question.explanation.replacingOccurrences(of: "\n", with: " ")
      let sentences = text.components(separatedBy: ". ").count
      #expect((2...4).contains(sentences), "\(question.id): \(sentences) sentences")
    }
  }

  @Test func outdatedMaterialTrapsArePresent() throws {
    let async = try #require(library.question("limits-async-payload"))
    #expect(async.answer.choices.first(where: \.isCorrect)?.text == "1 MB")
    let snap = try #require(library.question("cold-snapstart-runtimes"))
    #expect(snap.answer.choices.filter(\.isCorrect).count == 3)
    let destinations = try #require(library.question("errors-destinations-vs-dlq"))
    #expect(
      destinations.answer.choices.first(where: \.isCorrect)?.text.contains("destination") == true)
    let go = try #require(library.question("config-go-runtime"))
    #expect(go.answer.choices.first(where: \.isCorrect)?.text.contains("provided.al2023") == true)
    #expect(library.allQuestions.filter { $0.topics.contains("outdated-material") }.count >= 8)
  }

  @Test func everyKindIsUsed() {
    let kinds = Set(library.allQuestions.map(\.kind))
    #expect(kinds == Set(QuestionKind.allCases))
  }

  @Test func everyBankExportsToGIFT() {
    for bank in library.banks {
      let text = GIFTExporter.export(bank)
      #expect(text.components(separatedBy: "\n// [id:").count == bank.questions.count + 1)
      #expect(!text.contains("\n\n\n"), "\(bank.id) has a blank line inside a question")
    }
  }
}

@Test func authoringGuideExampleParsesCleanly() throws {
  let guide = QuestionBankTests.directory.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/authoring-quizzes.md")
  let text = try String(contentsOf: guide, encoding: .utf8)
  let start = try #require(text.range(of: "````markdown\n"))
  let end = try #require(text.range(of: "\n````", range: start.upperBound..<text.endIndex))
  let example = String(text[start.upperBound..<end.lowerBound])
  let parsed = QuizParser.parse(
    example, file: "example.md", knownTargets: QuestionBankTests.chapters)
  #expect(parsed.diagnostics == [])
  #expect(Set(parsed.bank.questions.map(\.kind)) == Set(QuestionKind.allCases))
}
