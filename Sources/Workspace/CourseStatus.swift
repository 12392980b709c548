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

  /// Status of every step of `course` in learning order.
  public init(course: Course, facts: Facts) {
    entries = course.steps.map { step in
      var entry = CourseStatus.entry(step, course: course, facts: facts)
      if entry.state != .done, facts.skipped.contains(step.description) { entry.state = .skipped }
      return entry
    }
  }

  private static func entry(_ step: Step, course: Course, facts: Facts) -> Entry {
    switch step {
    case .chapter(let id):
      return Entry(
        step: step, title: course.chapter(id)?.title ?? id,
        state: facts.chaptersRead.contains(id) ? .done : .pending, bestScore: nil)
    case .exercise(let id):
      let state: State =
        facts.exercisesPassed.contains(id)
        ? .done : (facts.exercisesAttempted.contains(id) ? .failed : .pending)
      return Entry(
        step: step, title: course.exercise(id)?.title ?? id, state: state, bestScore: nil)
    case .quiz(let id):
      let best = facts.quizBestScores[id]
      let passMark = course.quiz(id)?.passMark ?? QuizSource.defaultPassMark
      let state: State =
        best.map { $0 + 1e-9 >= passMark ? .done : .attempted } ?? .pending
      return Entry(
        step: step, title: course.quiz(id)?.title ?? id, state: state, bestScore: best)
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
