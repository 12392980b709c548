/// One question of a quiz bank, parsed from a `## id` section.
public struct Question: Sendable, Equatable, Hashable {
  /// Stable id, unique across all banks; progress and review are keyed by it.
  public var id: String
  /// The id of the bank (file) the question comes from.
  public var quizID: String
  /// Topic tags from the `tags:` line.
  public var topics: [String]
  /// Exam tasks from the `exam:` line.
  public var exams: [ExamTag]
  /// Chapter links from the `see:` line, such as `configuration#timeout`.
  public var see: [String]
  /// The question text (Markdown).
  public var prompt: String
  public var answer: AnswerKey
  /// Why the right answer is right (Markdown).
  public var explanation: String
  /// Whether choices may be shuffled (`shuffle: no` keeps the authored order).
  public var shuffles: Bool
  /// The line of the `## id` heading.
  public var line: Int

  public init(
    id: String, quizID: String, topics: [String] = [], exams: [ExamTag] = [], see: [String] = [],
    prompt: String, answer: AnswerKey, explanation: String, shuffles: Bool = true, line: Int = 1
  ) {
    self.id = id
    self.quizID = quizID
    self.topics = topics
    self.exams = exams
    self.see = see
    self.prompt = prompt
    self.answer = answer
    self.explanation = explanation
    self.shuffles = shuffles
    self.line = line
  }

  public var kind: QuestionKind { answer.kind }
}
