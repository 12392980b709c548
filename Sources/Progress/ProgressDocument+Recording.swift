import Foundation

/// The changes commands make to a document, so the bookkeeping rules live in one place.
extension ProgressDocument {
  /// Records that the chapter `id` was opened at `date`.
  public mutating func markChapterRead(_ id: String, at date: Date) {
    if var chapter = chapters[id] {
      chapter.lastRead = max(chapter.lastRead, date)
      chapters[id] = chapter
    } else {
      chapters[id] = ChapterProgress(firstRead: date, lastRead: date)
    }
  }

  /// Records one check of the exercise `id`: counts the attempt and, if it passed, the pass.
  public mutating func recordExerciseResult(_ id: String, _ result: ExerciseResult) {
    var exercise = exercises[id] ?? ExerciseProgress()
    exercise.attempts += 1
    if result.passed {
      exercise.passes += 1
      if exercise.firstPassed == nil { exercise.firstPassed = result.date }
    }
    exercise.lastResult = result
    exercises[id] = exercise
  }

  /// Records that hint number `number` (counting from 1) of the exercise `id` was shown.
  ///
  /// `hintsUsed` keeps the highest number shown, so showing the same hint twice counts once.
  public mutating func recordHintShown(exercise id: String, number: Int) {
    var exercise = exercises[id] ?? ExerciseProgress()
    exercise.hintsUsed = max(exercise.hintsUsed, number)
    exercises[id] = exercise
  }

  /// Appends `attempt` to the attempts at the quiz `id`.
  public mutating func recordQuizAttempt(_ id: String, _ attempt: QuizAttempt) {
    quizzes[id, default: QuizProgress()].attempts.append(attempt)
  }

  /// Stores `card`, replacing the card of the same question.
  public mutating func setReviewCard(_ card: ReviewCard) {
    reviewCards[card.questionID] = card
  }

  /// The review cards due at or before `date`, earliest first (ties by question id).
  public func dueReviewCards(at date: Date) -> [ReviewCard] {
    reviewCards.values
      .filter { $0.due <= date }
      .sorted { ($0.due, $0.questionID) < ($1.due, $1.questionID) }
  }
}
