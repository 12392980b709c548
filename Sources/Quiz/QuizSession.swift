/// One answered question of a session.
public struct AnsweredQuestion: Sendable, Equatable {
  public var question: Question
  /// The answer as typed (or keyed) by the learner.
  public var input: String
  public var response: Response
  public var grade: Grade

  public init(question: Question, input: String, response: Response, grade: Grade) {
    self.question = question
    self.input = input
    self.response = response
    self.grade = grade
  }
}

/// An answer given before, in an earlier run of the same attempt (see `QuizSession.resume`).
public struct EarlierAnswer: Sendable, Equatable {
  public var questionID: String
  /// The answer as it was given (choice letters of that run, typed text).
  public var input: String
  public var correct: Bool

  public init(questionID: String, input: String, correct: Bool) {
    self.questionID = questionID
    self.input = input
    self.correct = correct
  }
}

/// The outcome of submitting one answer.
public enum SubmitOutcome: Sendable, Equatable {
  /// The input could not be read; the same question stays current.
  case invalid(InputError)
  /// The answer was graded and the session moved on.
  case graded(AnsweredQuestion)
  /// A timed session ran out of time; nothing was recorded.
  case timeUp
}

/// A quiz as a pure state machine: questions in order, one answer at a time, a report at the end.
///
/// All randomness comes from the seed, so a session is reproducible with `--seed`.
public struct QuizSession: Sendable {
  public let seed: UInt64
  public private(set) var items: [PresentedQuestion]
  public private(set) var answers: [AnsweredQuestion] = []

  /// Selects questions with `filter`, optionally shuffles their order, and shuffles choices.
  public init(
    questions: [Question], filter: QuestionFilter = QuestionFilter(), seed: UInt64,
    shuffleQuestions: Bool = false
  ) {
    self.seed = seed
    var generator = SeededGenerator(seed: seed)
    var selected = filter.select(from: questions, using: &generator)
    if shuffleQuestions { selected.shuffle(using: &generator) }
    items = selected.map { PresentedQuestion(question: $0, using: &generator) }
  }

  /// The question waiting for an answer, or nil when every question is answered.
  public var current: PresentedQuestion? {
    answers.count < items.count ? items[answers.count] : nil
  }

  /// 0-based position of the current question.
  public var position: Int { answers.count }

  public var isFinished: Bool { current == nil }

  /// Reads `input` for the current question, grades it and moves on.
  public mutating func submit(_ input: String) -> SubmitOutcome {
    guard let item = current else { return .invalid(InputError("The quiz is already finished.")) }
    switch item.parse(input) {
    case .failure(let error):
      return .invalid(error)
    case .success(let response):
      let grade = Scorer.grade(response, for: item.question)
      let answered = AnsweredQuestion(
        question: item.question, input: input, response: response, grade: grade)
      answers.append(answered)
      return .graded(answered)
    }
  }

  /// Continues an attempt stopped part-way: `earlier` (the answers it kept, in order) are taken
  /// as given, without grading them again, so the session goes on at the next question. They
  /// must answer the session's first questions in order; otherwise (the quiz changed since)
  /// nothing changes and the result is false. A restored answer counts as right or wrong as it
  /// was graded then, with full or no credit.
  public mutating func resume(_ earlier: [EarlierAnswer]) -> Bool {
    guard answers.isEmpty, earlier.count < items.count,
      zip(earlier, items).allSatisfy({ $0.questionID == $1.question.id })
    else { return false }
    answers = zip(earlier, items).map { answer, item in
      AnsweredQuestion(
        question: item.question, input: answer.input, response: .text(answer.input),
        grade: Grade(isCorrect: answer.correct, credit: answer.correct ? 1 : 0))
    }
    return true
  }

  /// Scores so far; questions not answered count as wrong.
  public var report: SessionReport {
    SessionReport(questions: items.map(\.question), answers: answers)
  }
}
