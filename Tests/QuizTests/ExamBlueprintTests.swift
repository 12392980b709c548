import Foundation
import Testing

@testable import Quiz

/// Mock exams weighted by the exam's domains and timed at its pace.
@Suite struct ExamBlueprintTests {
  let dva = ExamBlueprint.developerAssociate

  /// `count` true/false questions tagged for one DVA-C02 task, spread over banks.
  static func questions(domain: String, count: Int, bank: String) -> [Question] {
    (0..<count).map { index in
      Question(
        id: "\(bank)-d\(domain)-\(index)", quizID: bank, topics: [bank],
        exams: [
          ExamTag(exam: "DVA-C02", task: "\(domain).1"), ExamTag(exam: "SAA-C03", task: "4.2"),
        ],
        prompt: "Q?", answer: .trueFalse(true), explanation: "Yes. It is.")
    }
  }

  @Test func realExamShape() {
    #expect(dva.questionCount == 65)
    #expect(dva.minutes == 130)
    #expect(dva.weights.map(\.share).reduce(0, +) == 1)
    #expect(ExamBlueprint.solutionsArchitectAssociate.weights.map(\.share).reduce(0, +) == 1)
    #expect(dva.timeLimit(forQuestions: 65) == 130 * 60)
    #expect(dva.timeLimit(forQuestions: 20) == 40 * 60, "scaled down: two minutes a question")
    #expect(ExamBlueprint.named("dva-c02") == dva)
    #expect(ExamBlueprint.named("XYZ-C01") == nil)
  }

  @Test func quotasFollowTheWeightsWhenEveryDomainHasEnough() {
    let plenty = ["1": 100, "2": 100, "3": 100, "4": 100]
    #expect(dva.quotas(count: 65, available: plenty) == ["1": 21, "2": 17, "3": 15, "4": 12])
    #expect(dva.quotas(count: 20, available: plenty) == ["1": 6, "2": 5, "3": 5, "4": 4])
    #expect(dva.quotas(count: 50, available: plenty) == ["1": 16, "2": 13, "3": 12, "4": 9])
  }

  @Test func aShortDomainGivesItsShareToTheOthers() {
    let quotas = dva.quotas(count: 20, available: ["1": 100, "2": 2, "3": 100, "4": 100])
    #expect(quotas["2"] == 2)
    #expect(quotas.values.reduce(0, +) == 20)
    #expect(quotas["1", default: 0] > quotas["3", default: 0])
    #expect(quotas["3", default: 0] > quotas["4", default: 0])
    let missing = dva.quotas(count: 10, available: ["1": 5, "4": 100])
    #expect(missing == ["1": 5, "4": 5])
    #expect(dva.quotas(count: 10, available: ["1": 3]) == ["1": 3], "never more than exist")
    #expect(dva.quotas(count: 10, available: [:]).isEmpty)
  }

  @Test func mockExamDrawsByDomainAndReportsEachQuestionOnce() throws {
    let start = Date(timeIntervalSince1970: 2_000_000)
    let banks = ["a", "b"].map { name in
      QuizBank(
        id: name, title: name, chapter: "limits", file: "\(name).md",
        questions: ["1", "2", "3", "4"].flatMap {
          Self.questions(domain: $0, count: 10, bank: name)
        })
    }
    let exam = MockExam(
      blueprint: dva, banks: banks, count: 20, seed: 9, timeLimit: dva.timeLimit(forQuestions: 20),
      startedAt: start)
    #expect(exam.session.items.count == 20)
    #expect(exam.domainCounts.map(\.count) == [6, 5, 5, 4])
    let picked = exam.session.items.map(\.question)
    #expect(Set(picked.map(\.quizID)) == ["a", "b"], "both banks are represented")
    #expect(exam.remaining(at: start) == 40 * 60)
    let report = exam.report
    #expect(
      report.domains.map(\.label) == [
        "DVA-C02 domain 1: Development with AWS Services", "DVA-C02 domain 2: Security",
        "DVA-C02 domain 3: Deployment", "DVA-C02 domain 4: Troubleshooting and Optimization",
      ])
    #expect(report.domains.map(\.total) == [6, 5, 5, 4])
    #expect(report.domains.map(\.total).reduce(0, +) == 20, "SAA-C03 tags are not counted")
    let same = MockExam(
      blueprint: dva, banks: banks, count: 20, seed: 9, timeLimit: 60, startedAt: start)
    #expect(same.session.items.map(\.question.id) == picked.map(\.id), "seeded")
  }

  @Test func answersCountPerDomain() throws {
    let start = Date(timeIntervalSince1970: 2_000_000)
    let bank = QuizBank(
      id: "a", title: "a", chapter: "limits", file: "a.md",
      questions: Self.questions(domain: "1", count: 3, bank: "a")
        + Self.questions(domain: "4", count: 3, bank: "a"))
    var exam = MockExam(
      blueprint: dva, banks: [bank], count: 4, seed: 2, timeLimit: 600, startedAt: start)
    #expect(exam.domainCounts.map(\.count) == [3, 0, 0, 1], "0.32 : 0.18 of 4")
    var first = true
    while let item = exam.session.current {
      _ = exam.submit(first ? "f" : "t", at: start.addingTimeInterval(5))
      first = false
      _ = item
    }
    let report = exam.report
    #expect(report.total.correct == 3)
    #expect(report.domains.map(\.total) == [3, 1])
    #expect(report.domains.map(\.correct).reduce(0, +) == 3)
  }
}
