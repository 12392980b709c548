/// A score out of a total, with a label (a topic or an exam domain).
public struct ScoreLine: Sendable, Equatable {
  public var label: String
  public var correct: Int
  public var total: Int

  public init(label: String, correct: Int, total: Int) {
    self.label = label
    self.correct = correct
    self.total = total
  }

  /// Correct answers as a fraction of the total (0 when there is none).
  public var ratio: Double { total == 0 ? 0 : Double(correct) / Double(total) }

  /// Whole percent, rounded.
  public var percent: Int { Int((ratio * 100).rounded()) }
}

/// The result of a session: overall score, per topic, per exam domain, and the weakest topic.
///
/// `total` counts every question of the session (an unanswered one is not right); the topic and
/// domain lines, the weakest topic and `missed` only count questions that were answered, so a
/// session stopped early says nothing about questions it never asked.
public struct SessionReport: Sendable, Equatable {
  public var total: ScoreLine
  /// Right answers out of the questions answered.
  public var answered: ScoreLine
  /// Sum of partial credit (a question counts as correct only when exact).
  public var credit: Double
  public var unanswered: Int
  /// One line per topic tag, sorted by name.
  public var topics: [ScoreLine]
  /// One line per exam domain, e.g. `DVA-C02 domain 1: Development with AWS Services`.
  public var domains: [ScoreLine]
  /// Ids of questions answered wrong (unasked ones are not listed).
  public var missed: [String]

  public init(questions: [Question], answers: [AnsweredQuestion]) {
    var gradeByID: [String: Grade] = [:]
    for answer in answers { gradeByID[answer.question.id] = answer.grade }
    let isRight = { (question: Question) in gradeByID[question.id]?.isCorrect == true }
    let correct = questions.filter(isRight).count
    total = ScoreLine(label: "total", correct: correct, total: questions.count)
    let asked = questions.filter { gradeByID[$0.id] != nil }
    answered = ScoreLine(label: "answered", correct: correct, total: asked.count)
    credit = answers.map(\.grade.credit).reduce(0, +)
    unanswered = questions.count - asked.count
    missed = asked.filter { !isRight($0) }.map(\.id)
    var topicScores: [String: ScoreLine] = [:]
    var domainScores: [String: ScoreLine] = [:]
    for question in asked {
      let right = isRight(question) ? 1 : 0
      for topic in Set(question.topics) {
        topicScores[topic, default: ScoreLine(label: topic, correct: 0, total: 0)].add(right)
      }
      let domains = Set(question.exams.map { ExamDomains.title(exam: $0.exam, domain: $0.domain) })
      for domain in domains {
        domainScores[domain, default: ScoreLine(label: domain, correct: 0, total: 0)].add(right)
      }
    }
    topics = topicScores.values.sorted { $0.label < $1.label }
    domains = domainScores.values.sorted { $0.label < $1.label }
  }

  /// The topic with the lowest share of right answers among those with a mistake; ties go to
  /// the topic with more questions, then by name. Nil when nothing was missed.
  public var weakestTopic: ScoreLine? {
    topics.filter { $0.correct < $0.total }.min { lhs, rhs in
      if lhs.ratio != rhs.ratio { return lhs.ratio < rhs.ratio }
      if lhs.total != rhs.total { return lhs.total > rhs.total }
      return lhs.label < rhs.label
    }
  }
}

extension ScoreLine {
  fileprivate mutating func add(_ right: Int) {
    correct += right
    total += 1
  }
}
