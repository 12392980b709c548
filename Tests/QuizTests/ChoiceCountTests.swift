import Course
import Foundation
import Testing

@testable import Quiz

/// "(Choose two.)": what stems state, what learners and exports see, and the `validate`
/// warning when a stem and its key disagree.
@Suite struct ChoiceCountTests {
  /// A quiz whose first question says three but marks two, whose second says two and marks
  /// two, and whose third, a single choice, says two.
  static let mismatched =
    QuizFixtures.header + """

      ## says-three
      tags: t
      exam: DVA-C02 1.2
      see: limits

      Which services can be a dead-letter queue? (Choose three.)

      - [x] Amazon SQS
      - [x] Amazon SNS
      - [ ] Amazon S3
      - [ ] Amazon EventBridge
      - [ ] AWS Lambda

      > Explanation: Only SQS and SNS. The others are destination targets.

      ## says-two
      tags: t
      exam: DVA-C02 1.2
      see: limits

      Which services can be a dead-letter queue? (Choose two.)

      - [x] Amazon SQS
      - [x] Amazon SNS
      - [ ] Amazon S3
      - [ ] Amazon EventBridge
      - [ ] AWS Lambda

      > Explanation: Only SQS and SNS. The others are destination targets.

      ## single-says-two
      tags: t
      exam: DVA-C02 1.2
      see: limits

      What is the synchronous payload limit? (Choose two.)

      - [x] 6 MB
      - [ ] 1 MB
      - [ ] 256 KB
      - [ ] 10 MB

      > Explanation: 6 MB each way. 1 MB is the asynchronous limit.

      """

  @Test func stemThatDisagreesWithItsKeyIsAWarning() throws {
    let (bank, diagnostics) = QuizParser.parse(Self.mismatched, file: "sample.md")
    #expect(bank.questions.count == 3, "warnings keep the questions")
    #expect(diagnostics.allSatisfy { $0.severity == .warning })
    #expect(
      diagnostics.map(\.description) == [
        "sample.md:7: warning: question 'says-three' says (Choose three.) but its key marks 2 "
          + "correct choices with [x]; fix the stem or the key",
        "sample.md:37: warning: question 'single-says-two' says (Choose two.) but its key "
          + "marks 1 correct choice with [x]; fix the stem or the key",
      ])
  }

  @Test func statedCountIsReadFromWordsAndDigits() {
    #expect(Question.statedChoiceCount(in: "Which ones? (Choose two.)") == 2)
    #expect(Question.statedChoiceCount(in: "Pick them. CHOOSE THREE.") == 3)
    #expect(Question.statedChoiceCount(in: "Which ones? (Choose 4)") == 4)
    #expect(Question.statedChoiceCount(in: "Choose wisely between these.") == nil)
    #expect(Question.statedChoiceCount(in: "What should the team choose?") == nil)
  }

  @Test func promptStatesTheCountWhenTheStemDoesNot() throws {
    let (bank, _) = QuizFixtures.parse(
      QuizFixtures.question("bare", answer: "- [x] a\n- [x] b\n- [ ] c\n- [ ] d\n- [ ] e"))
    let question = try #require(bank.questions.first)
    #expect(question.choiceCount == 2)
    #expect(question.statedChoiceCount == nil)
    #expect(question.promptWithChoiceCount.hasSuffix("\n\n(Choose two.)"))
    let (stated, _) = QuizParser.parse(Self.mismatched, file: "sample.md")
    let two = try #require(stated.questions.first { $0.id == "says-two" })
    #expect(two.promptWithChoiceCount == two.prompt, "a stated count is not repeated")
    let single = try #require(stated.questions.first { $0.id == "single-says-two" })
    #expect(single.choiceCount == nil)
  }

  @Test func exportsStateTheCount() throws {
    let (bank, _) = QuizFixtures.parse(
      QuizFixtures.question("bare", answer: "- [x] a\n- [x] b\n- [ ] c\n- [ ] d\n- [ ] e"))
    #expect(GIFTExporter.export(bank).contains("(Choose two.)"))
    let json = try JSONExporter.export(bank)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let question = try #require((object["questions"] as? [[String: Any]])?.first)
    #expect(question["choose"] as? Int == 2)
    #expect((question["prompt"] as? String)?.hasSuffix("(Choose two.)") == true)
  }

  @Test func presentedInstructionNamesTheCount() throws {
    let (bank, _) = QuizParser.parse(Self.mismatched, file: "sample.md")
    let question = try #require(bank.questions.first { $0.id == "says-two" })
    var generator = SeededGenerator(seed: 1)
    let presented = PresentedQuestion(question: question, using: &generator)
    #expect(presented.instruction == "Choose two.")
  }
}

/// The `validate` warning for a question that lacks its quiz's own topic tag.
@Suite struct OwnTopicTests {
  static func quiz(front: String, tags: [String]) -> String {
    var text = "---\nid: cold-starts\ntitle: Cold starts\nchapter: cold-starts\n\(front)---\n"
    for (index, tag) in tags.enumerated() {
      text += """

        ## q\(index)
        tags: \(tag)
        exam: DVA-C02 4.3
        see: cold-starts

        Provisioned concurrency pre-initialises environments.

        [[true]]

        > Explanation: It does. That is what it is for.

        """
    }
    return text
  }

  @Test func questionWithoutTheQuizTopicIsAWarning() {
    let text = Self.quiz(front: "", tags: ["cold-starts, lifecycle", "concurrency, pricing"])
    let (bank, diagnostics) = QuizParser.parse(text, file: "cold-starts.md")
    #expect(bank.questions.count == 2)
    #expect(
      diagnostics.map(\.description) == [
        "cold-starts.md:19: warning: question 'q1' lacks the quiz's topic tag 'cold-starts'; "
          + "add it to `tags:` so `quiz --topic cold-starts` finds it (or set `topic:` in the "
          + "front matter)"
      ])
  }

  @Test func declaredTopicIsCheckedEvenWhenNoQuestionUsesIt() {
    let text = Self.quiz(front: "topic: errors\n", tags: ["retries", "errors, dlq"])
    let (_, diagnostics) = QuizParser.parse(text, file: "e.md")
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message.contains("'q0' lacks the quiz's topic tag 'errors'") == true)
  }

  @Test func quizWhoseTagsNeverNameItIsLeftAlone() {
    let text = Self.quiz(front: "", tags: ["limits", "runtimes"])
    #expect(QuizParser.parse(text, file: "c.md").diagnostics.isEmpty)
  }

  @Test func everyQuestionTaggedGivesNoWarning() {
    let text = Self.quiz(front: "", tags: ["cold-starts", "Cold-Starts, pricing"])
    #expect(QuizParser.parse(text, file: "c.md").diagnostics.isEmpty)
  }
}
