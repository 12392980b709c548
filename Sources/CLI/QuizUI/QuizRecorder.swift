import Foundation
import Progress
import Quiz

/// Saves every answer to the progress file as it is given, and updates its review card.
///
/// The first answer of a run adds a quiz attempt; later answers extend the same attempt, so
/// quitting half-way keeps what was answered.
struct QuizRecorder {
  /// Where answers go; nil when there is no workspace yet (nothing is saved).
  let store: ProgressStore?
  /// The progress key: a quiz id, or `exam` / `review` for mixed runs.
  let quizID: String
  let startedAt: Date
  let questionCount: Int
  /// Whether the run asks only part of the quiz (recorded so it does not make the quiz done).
  var sample = false
  let scheduler: ReviewScheduler
  let now: () -> Date
  /// Turns a failed save into the error shown to the learner.
  let notSaved: (Error) -> Error
  private var attemptIndex: Int?

  /// Answers longer than this are stored cut, with a mark saying how long they were.
  static let maxStoredAnswer = 500

  init(
    store: ProgressStore?, quizID: String, startedAt: Date, questionCount: Int,
    scheduler: ReviewScheduler = ReviewScheduler(), now: @escaping () -> Date,
    notSaved: @escaping (Error) -> Error = { $0 }
  ) {
    self.notSaved = notSaved
    self.store = store
    self.quizID = quizID
    self.startedAt = startedAt
    self.questionCount = questionCount
    self.scheduler = scheduler
    self.now = now
  }

  /// Makes the next answers extend the attempt at `index` of the quiz's progress (a stopped
  /// attempt being continued) instead of adding one.
  mutating func continueAttempt(at index: Int) {
    attemptIndex = index
  }

  /// Records one graded answer and reschedules its question.
  mutating func record(_ answered: AnsweredQuestion) throws {
    guard let store else { return }
    let time = now()
    let answer = QuizAnswer(
      questionID: answered.question.id,
      answer: QuizRecorder.capped(answered.input, to: QuizRecorder.maxStoredAnswer),
      correct: answered.grade.isCorrect, answeredAt: time)
    var index = attemptIndex
    let key = quizID
    let count = questionCount
    let start = startedAt
    let scheduler = scheduler
    let sample = sample
    do {
      try store.update { document in
        var progress = document.quizzes[key] ?? QuizProgress()
        if let current = index, current < progress.attempts.count {
          progress.attempts[current].answers.append(answer)
          if answer.correct { progress.attempts[current].score += 1 }
        } else {
          let attempt = QuizAttempt(
            date: start, score: answer.correct ? 1 : 0, questionCount: count, answers: [answer],
            sample: sample ? true : nil)
          progress.attempts.append(attempt)
          index = progress.attempts.count - 1
        }
        document.quizzes[key] = progress
        let card = scheduler.record(
          answered.grade, for: answer.questionID, card: document.reviewCards[answer.questionID],
          at: time)
        document.setReviewCard(card)
      }
    } catch {
      throw notSaved(error)
    }
    attemptIndex = index
  }

  /// `text` cut to `limit` characters, ending with how much was left out.
  static func capped(_ text: String, to limit: Int) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(limit)) + "… (\(text.count - limit) more characters not shown)"
  }
}
