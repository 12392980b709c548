/// An exam task a question serves, such as `DVA-C02 1.2` (exam code, then domain.task).
public struct ExamTag: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The exam code, e.g. `DVA-C02`.
  public var exam: String
  /// The task number, e.g. `1.2`.
  public var task: String

  public init(exam: String, task: String) {
    self.exam = exam
    self.task = task
  }

  /// Parses `DVA-C02 1.2`; returns nil when the text has no exam code and task number.
  public init?(parsing text: String) {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard parts.count == 2 else { return nil }
    let exam = String(parts[0]).uppercased()
    let task = String(parts[1])
    let examShape =
      exam.contains("-") && exam.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    let taskParts = task.split(separator: ".", omittingEmptySubsequences: false)
    let taskShape =
      taskParts.count == 2 && taskParts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    guard examShape, taskShape else { return nil }
    self.init(exam: exam, task: task)
  }

  /// The domain number: `1` for task `1.2`.
  public var domain: String { String(task.split(separator: ".").first ?? Substring(task)) }

  public var description: String { "\(exam) \(task)" }

  public static func < (lhs: ExamTag, rhs: ExamTag) -> Bool {
    (lhs.exam, lhs.task) < (rhs.exam, rhs.task)
  }
}

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

/// One quiz file: a bank of questions about one chapter.
public struct QuizBank: Sendable, Equatable {
  public var id: String
  public var title: String
  /// The chapter id the bank belongs to.
  public var chapter: String
  /// The path the bank was read from.
  public var file: String
  public var questions: [Question]

  public init(id: String, title: String, chapter: String, file: String, questions: [Question]) {
    self.id = id
    self.title = title
    self.chapter = chapter
    self.file = file
    self.questions = questions
  }
}
