import Course

/// Where a learner stands on each step of a course, derived from what progress records.
public struct CourseStatus: Sendable, Equatable {
  /// The state of one step.
  public enum State: String, Sendable, Equatable, Codable {
    case done
    /// Attempted but not passed (an exercise that failed its last check).
    case failed
    /// A quiz taken without reaching its pass mark yet; its best score is kept.
    case attempted
    /// Not done, and skipped on purpose (`lambdalings next --skip`): the dashboard moves on.
    case skipped
    case pending
  }

  /// One step with its state and, for quizzes, the best score.
  public struct Entry: Sendable, Equatable {
    public var step: Step
    public var title: String
    public var state: State
    /// Best quiz score as a fraction 0...1.
    public var bestScore: Double?
  }

  /// What progress knows, reduced to what status needs.
  public struct Facts: Sendable, Equatable {
    public var chaptersRead: Set<String> = []
    public var exercisesPassed: Set<String> = []
    public var exercisesAttempted: Set<String> = []
    /// Best score per quiz id, 0...1.
    public var quizBestScores: [String: Double] = [:]
    /// Steps skipped on purpose, as `Step.description` (`quiz:limits`).
    public var skipped: Set<String> = []

    public init() {}
  }

  public var entries: [Entry]

  /// Status of every step of `course` in learning order. Titles and pass marks are looked up
  /// by id in tables built once, so the cost grows with the steps, not with their square.
  public init(course: Course, facts: Facts) {
    var titles: [Step: String] = [:]
    titles.reserveCapacity(course.chapters.count + course.exercises.count + course.quizzes.count)
    var passMarks: [String: Double] = [:]
    // The first of equal ids wins, as `Course.chapter(_:)` and friends find it.
    for chapter in course.chapters where titles[.chapter(chapter.id)] == nil {
      titles[.chapter(chapter.id)] = chapter.title
    }
    for exercise in course.exercises where titles[.exercise(exercise.id)] == nil {
      titles[.exercise(exercise.id)] = exercise.title
    }
    for quiz in course.quizzes where titles[.quiz(quiz.id)] == nil {
      titles[.quiz(quiz.id)] = quiz.title
      passMarks[quiz.id] = quiz.passMark
    }
    entries = course.steps.map { step in
      var entry = CourseStatus.entry(
        step, title: titles[step] ?? step.id, passMark: passMarks[step.id], facts: facts)
      if entry.state != .done, facts.skipped.contains(step.description) { entry.state = .skipped }
      return entry
    }
  }

  private static func entry(_ step: Step, title: String, passMark: Double?, facts: Facts) -> Entry {
    switch step {
    case .chapter(let id):
      return Entry(
        step: step, title: title, state: facts.chaptersRead.contains(id) ? .done : .pending,
        bestScore: nil)
    case .exercise(let id):
      let state: State =
        facts.exercisesPassed.contains(id)
        ? .done : (facts.exercisesAttempted.contains(id) ? .failed : .pending)
      return Entry(step: step, title: title, state: state, bestScore: nil)
    case .quiz(let id):
      let best = facts.quizBestScores[id]
      let passMark = passMark ?? QuizSource.defaultPassMark
      let state: State =
        best.map { $0 + 1e-9 >= passMark ? .done : .attempted } ?? .pending
      return Entry(step: step, title: title, state: state, bestScore: best)
    }
  }

  /// Steps done.
  public var completed: Int { entries.filter { $0.state == .done }.count }

  /// The first step not done and not skipped, in learning order; nil when every step is done
  /// or skipped.
  public var next: Entry? { entries.first { $0.state != .done && $0.state != .skipped } }

  /// The entry for a step.
  public func entry(_ step: Step) -> Entry? { entries.first { $0.step == step } }
}
