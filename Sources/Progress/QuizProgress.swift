import Foundation

/// Every attempt at one quiz, oldest first.
public struct QuizProgress: Codable, Equatable, Sendable {
  /// The attempts, in the order they were made.
  public var attempts: [QuizAttempt]

  /// A record holding `attempts`.
  public init(attempts: [QuizAttempt] = []) {
    self.attempts = attempts
  }

  /// The attempt with the highest score (the earliest of equals), if any.
  public var best: QuizAttempt? {
    attempts.enumerated().max { lhs, rhs in
      (lhs.element.score, rhs.offset) < (rhs.element.score, lhs.offset)
    }?.element
  }
}

/// One run through a quiz.
public struct QuizAttempt: Codable, Equatable, Sendable {
  /// When the attempt started.
  public var date: Date
  /// How many questions were answered correctly.
  public var score: Int
  /// How many questions the attempt asked.
  public var questionCount: Int
  /// The answers, in the order they were given.
  public var answers: [QuizAnswer]
  /// True for practice on part of the quiz (`--topic`, `--count`): such an attempt does not
  /// make the quiz done. Absent for an attempt at the whole quiz.
  public var sample: Bool?

  /// An attempt with the given fields.
  public init(
    date: Date, score: Int, questionCount: Int, answers: [QuizAnswer], sample: Bool? = nil
  ) {
    self.date = date
    self.score = score
    self.questionCount = questionCount
    self.answers = answers
    self.sample = sample
  }
}

/// One answer to one question.
public struct QuizAnswer: Codable, Equatable, Sendable {
  /// The stable id of the question.
  public var questionID: String
  /// The answer as the learner gave it (choice letters, typed text).
  public var answer: String
  /// Whether the answer was judged correct.
  public var correct: Bool
  /// When the answer was given.
  public var answeredAt: Date

  /// An answer with the given fields.
  public init(questionID: String, answer: String, correct: Bool, answeredAt: Date) {
    self.questionID = questionID
    self.answer = answer
    self.correct = correct
    self.answeredAt = answeredAt
  }
}
