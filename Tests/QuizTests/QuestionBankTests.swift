import Course
import Foundation
import SystemSupport
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
    "DVA-C02 1.1", "DVA-C02 1.2", "DVA-C02 2.1", "DVA-C02 2.2", "DVA-C02 2.3", "DVA-C02 3.1",
    "DVA-C02 3.2", "DVA-C02 3.3",
    "DVA-C02 3.4", "DVA-C02 4.1", "DVA-C02 4.2", "DVA-C02 4.3", "SAA-C03 2.1", "SAA-C03 2.2",
    "SAA-C03 3.2", "SAA-C03 4.2",
  ]
  static let root = AbsolutePath(validating: #filePath)!.parent.parent.parent
  /// The shipped quizzes, loaded as the CLI loads them: through the course.
  static let shipped = QuizLibrary(course: CourseLoader.load(root: root).0)

  let library = Self.shipped

  @Test func everyBankLoadsWithoutDiagnostics() {
    #expect(library.diagnostics.map(\.description) == [])
    #expect(library.banks.count == 10)
  }

  @Test func countsPerTopic() {
    let questions = library.allQuestions
    #expect(questions.count >= 160)
    for topic in ["limits", "triggers", "cold-starts"] {
      let tagged = questions.filter { $0.topics.contains(topic) }.count
      #expect(tagged >= 35, "\(topic): \(tagged) questions")
    }
    for chapter in Self.chapters {
      let bank = library.banks.first { $0.chapter == chapter }
      #expect((bank?.questions.count ?? 0) >= 8, "\(chapter) has no bank of 8 questions")
      let linked = questions.filter { question in
        question.see.contains { $0.split(separator: "#").first.map(String.init) == chapter }
      }
      #expect(linked.count >= 8, "\(chapter): \(linked.count) questions link to it")
    }
  }

  /// Exam-style scenarios: a situation, four options for single choice, five or more with
  /// "(Choose N.)" for multiple response.
  @Test func scenarioQuestionsLookLikeTheExam() {
    let scenarios = library.allQuestions.filter { $0.topics.contains("scenario") }
    #expect(scenarios.count >= 50)
    for question in scenarios {
      switch question.answer {
      case .singleChoice(let choices):
        #expect(choices.count == 4, "\(question.id): \(choices.count) options")
      case .multipleResponse(let choices):
        #expect(choices.count >= 5, "\(question.id): \(choices.count) options")
        #expect(question.statedChoiceCount == question.choiceCount, "\(question.id)")
      default:
        Issue.record("\(question.id): a scenario must be multiple choice or multiple response")
      }
    }
  }

  /// Every multiple response stem says how many to choose, as AWS items do.
  @Test func everyMultipleResponseStemStatesItsCount() {
    for question in library.allQuestions where question.kind == .multiple {
      #expect(question.statedChoiceCount == question.choiceCount, "\(question.id)")
    }
  }

  /// Lambda queues an asynchronous event first and only then answers 202.
  @Test func asynchronousInvocationOrderQueuesBeforeTheAcknowledgement() throws {
    let question = try #require(library.question("triggers-kinds-order"))
    guard case .ordering(let items) = question.answer else {
      Issue.record("triggers-kinds-order is not an ordering question")
      return
    }
    let queued = try #require(items.firstIndex { $0.contains("internal queue") })
    let acknowledged = try #require(items.firstIndex { $0.contains("202") })
    let invoked = try #require(items.firstIndex { $0.contains("invokes the function") })
    #expect(queued < acknowledged)
    #expect(acknowledged < invoked)
    #expect(items.first?.contains("sends the event") == true)
    #expect(items.last?.contains("on-failure destination") == true)
    #expect(question.explanation.contains("queues the event first"))
  }

  /// Every question of a bank carries the bank's topic, so `quiz --topic` finds them all.
  @Test func everyQuestionCarriesItsBanksTopic() {
    let topics = ["errors-and-retries": "errors"]
    for bank in library.banks {
      let topic = topics[bank.id] ?? bank.id
      for question in bank.questions {
        #expect(question.topics.contains(topic), "\(question.id) lacks '\(topic)'")
      }
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
      #expect((2...6).contains(sentences), "\(question.id): \(sentences) sentences")
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
  let guide = QuestionBankTests.root.appending("docs/authoring-quizzes.md").url
  let text = try String(contentsOf: guide, encoding: .utf8)
  let start = try #require(text.range(of: "````markdown\n"))
  let end = try #require(text.range(of: "\n````", range: start.upperBound..<text.endIndex))
  let example = String(text[start.upperBound..<end.lowerBound])
  let parsed = QuizParser.parse(
    example, file: "example.md", knownTargets: QuestionBankTests.chapters)
  #expect(parsed.diagnostics == [])
  #expect(Set(parsed.bank.questions.map(\.kind)) == Set(QuestionKind.allCases))
}
