import Foundation
import Testing

@testable import Quiz

@Suite struct QuizSessionTests {
  let questions = QuizParser.parse(QuizFixtures.everyKind, file: "sample.md").bank.questions

  @Test func sameSeedSameShuffleDifferentSeedsDiffer() {
    let first = QuizSession(questions: questions, seed: 42)
    let again = QuizSession(questions: questions, seed: 42)
    #expect(first.items == again.items)
    let orders = Set((1...8).map { QuizSession(questions: questions, seed: $0).items[1].order })
    #expect(orders.count > 1)
    #expect(first.items.map(\.question.id) == questions.map(\.id))
  }

  @Test func orderingIsNeverShownInTheRightOrder() {
    for seed in UInt64(0)..<50 {
      let item = QuizSession(questions: questions, seed: seed).items[5]
      #expect(item.order != [0, 1, 2])
    }
  }

  /// The letters that answer `item` correctly.
  func rightInput(_ item: PresentedQuestion) -> String {
    switch item.question.answer {
    case .singleChoice(let choices), .multipleResponse(let choices):
      return item.order.indices.filter { choices[item.order[$0]].isCorrect }
        .map(PresentedQuestion.letter).joined(separator: ",")
    case .ordering(let items):
      return items.indices.compactMap { item.order.firstIndex(of: $0) }
        .map(PresentedQuestion.letter).joined()
    case .trueFalse(let value): return value ? "t" : "f"
    case .numeric: return "15 min"
    case .text(let alternatives): return alternatives[0].uppercased()
    }
  }

  @Test func answeringEveryQuestionRightScoresFull() {
    var session = QuizSession(questions: questions, seed: 7)
    while let item = session.current {
      guard case .graded(let answered) = session.submit(rightInput(item)) else {
        Issue.record("input for \(item.question.id) was not accepted")
        return
      }
      #expect(answered.grade.isCorrect, "\(item.question.id)")
    }
    #expect(session.report.total == ScoreLine(label: "total", correct: 6, total: 6))
    #expect(session.report.weakestTopic == nil)
  }

  @Test func invalidInputKeepsTheQuestion() {
    var session = QuizSession(questions: Array(questions.dropFirst()), seed: 1)
    #expect(session.submit("z") == .invalid(InputError("'z' is not a choice; use letters a to d.")))
    #expect(session.submit("a,b") == .invalid(InputError("Choose exactly one letter.")))
    #expect(session.position == 0)
    _ = session.submit("a")
    #expect(session.submit("a") == .invalid(InputError("Choose two letters.")))
    #expect(session.position == 1)
  }

  @Test func numericInputMustBeANumber() {
    var session = QuizSession(questions: questions, seed: 1)
    #expect(
      session.submit("soon")
        == .invalid(InputError("'soon' is not a number; type e.g. 900 or 15 min.")))
    #expect(session.position == 0)
    guard case .graded(let answered) = session.submit("900 MB") else {
      Issue.record("a quantity of another kind is graded, not refused")
      return
    }
    #expect(answered.grade.detail == "expected a duration, got a size")
    let plain = PresentedQuestion(
      question: Question(
        id: "p", quizID: "q", prompt: "?",
        answer: .numeric(NumericAnswer(expected: Quantity(number: 34, unit: nil))),
        explanation: "."), order: [])
    #expect(plain.parse("34%") == .success(.text("34%")))
    #expect(plain.parse("34 s") == .failure(InputError("Type a plain number, without a unit.")))
  }

  @Test func reportBreaksDownTopicsAndDomains() {
    var session = QuizSession(questions: questions, seed: 3)
    _ = session.submit("900")  // timeout-max: right (limits, timeout)
    let wrong = session.items[1].order.firstIndex { !questions[1].answer.choices[$0].isCorrect }
    _ = session.submit(PresentedQuestion.letter(wrong ?? 0))  // sync-payload: wrong
    let report = session.report
    #expect(report.unanswered == 4)
    #expect(
      report.topics.first { $0.label == "limits" }
        == ScoreLine(label: "limits", correct: 1, total: 2))
    // Only answered questions count: the unasked runtimes questions are not the weakest.
    #expect(report.answered == ScoreLine(label: "answered", correct: 1, total: 2))
    #expect(report.weakestTopic?.label == "payload")
    #expect(!report.topics.contains { $0.label == "runtimes" })
    #expect(
      report.domains.map(\.label) == [
        "DVA-C02 domain 1: Development with AWS Services",
        "SAA-C03 domain 2: Design Resilient Architectures",
      ])
    #expect(report.missed.first == "sync-payload")
  }

  @Test func filterByTopicExamAndCount() {
    var generator = SeededGenerator(seed: 9)
    #expect(QuestionFilter(topic: "Runtimes").select(from: questions, using: &generator).count == 2)
    #expect(QuestionFilter(exam: "saa-c03").select(from: questions, using: &generator).count == 1)
    #expect(
      QuestionFilter(exam: "DVA-C02 1.2").select(from: questions, using: &generator).count == 6)
    #expect(QuestionFilter(exam: "DVA-C02 4").select(from: questions, using: &generator).isEmpty)
    let sample = QuestionFilter(count: 3).select(from: questions, using: &generator)
    #expect(sample.count == 3)
    let positions = sample.compactMap { picked in questions.firstIndex { $0.id == picked.id } }
    #expect(positions == positions.sorted())
  }

  @Test func mockExamMixesBanksAndStopsAtTheDeadline() {
    let start = Date(timeIntervalSince1970: 1_000_000)
    let other = QuizBank(
      id: "other", title: "Other", chapter: "limits", file: "other.md",
      questions: [
        Question(
          id: "extra", quizID: "other", topics: ["x"], prompt: "?", answer: .trueFalse(true),
          explanation: "Because.")
      ])
    let bank = QuizBank(id: "sample", title: "S", chapter: "", file: "", questions: questions)
    var exam = MockExam(
      banks: [bank, other], count: 3, seed: 5, timeLimit: 60, startedAt: start)
    #expect(exam.session.items.count == 3)
    #expect(exam.session.items.contains { $0.question.id == "extra" })
    #expect(exam.remaining(at: start.addingTimeInterval(15)) == 45)
    #expect(MockExam.clock(exam.remaining(at: start.addingTimeInterval(15))) == "0:45")
    #expect(exam.submit("x", at: start.addingTimeInterval(61)) == .timeUp)
    #expect(exam.isOver(at: start.addingTimeInterval(61)))
    #expect(exam.report.unanswered == 3)
    #expect(MockExam.parseDuration("30m") == 1800)
    #expect(MockExam.parseDuration("90 s") == 90)
    #expect(MockExam.parseDuration("soon") == nil)
  }

  /// A stopped attempt continues at the next question with its answers taken as given; answers
  /// that are not the session's first questions in order (the quiz changed) change nothing.
  @Test func resumeTakesEarlierAnswersOfTheFirstQuestions() {
    let ids = questions.map(\.id)
    var session = QuizSession(questions: questions, seed: 7)
    let earlier = [
      EarlierAnswer(questionID: ids[0], input: "b", correct: false),
      EarlierAnswer(questionID: ids[1], input: "a,c", correct: true),
    ]
    let first = session.resume(earlier)
    #expect(first)
    #expect(session.position == 2)
    #expect(session.current?.question.id == ids[2])
    #expect(session.answers.map(\.input) == ["b", "a,c"])
    #expect(session.report.answered.total == 2)
    #expect(session.report.answered.correct == 1)
    #expect(session.report.missed == [ids[0]])
    // Only once, and only onto a fresh session.
    let twice = session.resume(earlier)
    #expect(!twice)
    #expect(session.position == 2)
    var other = QuizSession(questions: questions, seed: 7)
    let skipping = other.resume([EarlierAnswer(questionID: ids[1], input: "a", correct: true)])
    #expect(!skipping)
    let unknown = other.resume([EarlierAnswer(questionID: "gone", input: "a", correct: true)])
    #expect(!unknown)
    // A complete attempt is not continued.
    let all = ids.map { EarlierAnswer(questionID: $0, input: "x", correct: true) }
    let complete = other.resume(all)
    #expect(!complete)
    #expect(other.position == 0)
  }
}
