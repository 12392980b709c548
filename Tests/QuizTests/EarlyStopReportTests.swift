import Foundation
import Testing

@testable import Quiz

/// A learner who stops early is judged on what they answered; unasked questions stay out of
/// the topic and domain lines and are not scheduled for review.
@Suite struct EarlyStopReportTests {
  static func question(_ id: String, domain: String, topic: String) -> Question {
    Question(
      id: id, quizID: "q", topics: [topic], exams: [ExamTag(exam: "DVA-C02", task: "\(domain).1")],
      prompt: "?", answer: .trueFalse(true), explanation: "Because.")
  }

  let questions = [
    question("one", domain: "1", topic: "limits"), question("two", domain: "2", topic: "iam"),
    question("three", domain: "3", topic: "deploy"),
  ]

  @Test func sessionReportCountsOnlyAnsweredQuestionsInItsBreakdowns() {
    var session = QuizSession(questions: questions, seed: 1)
    let first = session.items[0].question
    _ = session.submit("f")  // wrong
    let report = session.report
    #expect(report.total == ScoreLine(label: "total", correct: 0, total: 3))
    #expect(report.answered == ScoreLine(label: "answered", correct: 0, total: 1))
    #expect(report.unanswered == 2)
    #expect(report.missed == [first.id])
    #expect(report.topics.map(\.label) == first.topics)
    #expect(report.weakestTopic?.label == first.topics.first)
  }

  @Test func examDomainsLeaveUnaskedQuestionsOutOnlyWhenAsked() {
    let bank = QuizBank(id: "q", title: "Q", chapter: "", file: "q.md", questions: questions)
    var exam = MockExam(
      blueprint: .developerAssociate, banks: [bank], count: 3, seed: 2, timeLimit: 600,
      startedAt: Date(timeIntervalSince1970: 0))
    _ = exam.submit("t", at: Date(timeIntervalSince1970: 1))
    let all = exam.report(answeredOnly: false)
    #expect(all.domains.map(\.total).reduce(0, +) == 3)
    #expect(all.domains.map(\.correct).reduce(0, +) == 1, "unanswered questions are not right")
    let answered = exam.report(answeredOnly: true)
    #expect(answered.domains.map(\.total) == [1])
    #expect(answered.domains.map(\.correct) == [1])
  }
}
