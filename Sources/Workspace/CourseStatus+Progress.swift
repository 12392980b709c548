import Course
import Progress

extension CourseStatus {
  /// Status of every step of `course` by what `progress` records: the one place that decides
  /// what state each step is in (commands only print it).
  public init(course: Course, progress: ProgressDocument) {
    self.init(course: course, facts: Facts(progress: progress))
  }

  /// The first exercise, in learning order, that has not passed (a skipped one included: it
  /// is still to do); nil when every exercise has passed.
  public var firstExerciseNotDone: String? {
    for entry in entries where entry.state != .done {
      if case .exercise(let id) = entry.step { return id }
    }
    return nil
  }
}

extension CourseStatus.Facts {
  /// What `progress` records, reduced to what status needs: a chapter is read once opened, an
  /// exercise attempted once checked and passed once a check passed, a quiz scored by its best
  /// whole attempt, and the steps skipped on purpose.
  public init(progress: ProgressDocument) {
    self.init()
    chaptersRead = Set(progress.chapters.keys)
    for (id, exercise) in progress.exercises {
      if exercise.attempts > 0 { exercisesAttempted.insert(id) }
      if exercise.passes > 0 { exercisesPassed.insert(id) }
    }
    for (id, quiz) in progress.quizzes {
      if let best = quiz.bestFraction { quizBestScores[id] = best }
    }
    skipped = Set(progress.skipped ?? [])
  }
}

extension QuizProgress {
  /// The best score of an attempt at the whole quiz, as a fraction 0...1 (practice on part
  /// of it, with `--topic` or `--count`, does not count).
  public var bestFraction: Double? {
    attempts.filter { $0.sample != true && $0.questionCount > 0 }
      .map { Double($0.score) / Double($0.questionCount) }.max()
  }
}
