/// Which questions a session asks: by topic tag, exam (code, domain or task) and count.
public struct QuestionFilter: Sendable, Equatable {
  /// A topic tag or bank id, compared case-insensitively.
  public var topic: String?
  /// `DVA-C02`, `DVA-C02 1` (a domain) or `DVA-C02 1.2` (a task).
  public var exam: String?
  /// At most this many questions, sampled with the session's seed.
  public var count: Int?

  public init(topic: String? = nil, exam: String? = nil, count: Int? = nil) {
    self.topic = topic
    self.exam = exam
    self.count = count
  }

  /// Whether a question passes the topic and exam filters.
  public func matches(_ question: Question) -> Bool {
    if let topic = topic?.lowercased(),
      !(question.topics.contains(topic) || question.quizID == topic)
    {
      return false
    }
    if let exam {
      let parts = exam.uppercased().split(separator: " ")
      guard let code = parts.first.map(String.init) else { return true }
      let scope = parts.count > 1 ? String(parts[1]) : nil
      return question.exams.contains { tag in
        guard tag.exam == code else { return false }
        guard let scope else { return true }
        return scope.contains(".") ? tag.task == scope : tag.domain == scope
      }
    }
    return true
  }

  /// The matching questions: all in authored order, or a seeded sample of `count` in authored
  /// order.
  public func select(from questions: [Question], using generator: inout SeededGenerator)
    -> [Question]
  {
    let matching = questions.filter(matches)
    guard let count, count < matching.count else { return matching }
    let picked = Set(generator.permutation(matching.count).prefix(max(count, 0)))
    return matching.indices.filter(picked.contains).map { matching[$0] }
  }
}
