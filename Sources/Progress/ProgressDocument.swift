import Foundation

/// Everything lambdalings remembers about one learner's way through a course.
///
/// Stored as `progress.json` in the workspace, shaped `{"version": 1, ...}` with keys sorted and
/// dates in ISO 8601 (UTC, whole seconds), so the file diffs cleanly and instructors can collect
/// it. Per-item records are keyed by the item's id. Adding an optional field keeps version 1;
/// anything that changes the meaning of existing fields needs a new version and a migration step
/// (see `ProgressMigrator`).
public struct ProgressDocument: Codable, Equatable, Sendable {
  /// The format version this build writes and reads without migration.
  public static let currentVersion = 1

  /// The format version of the file; always `currentVersion` once loaded.
  public var version: Int
  /// The id of the course this progress belongs to, once known.
  public var courseID: String?
  /// When the progress file was first written.
  public var created: Date
  /// When the progress file was last written.
  public var updated: Date
  /// Where the learner is: the chapter, exercise or quiz to continue with.
  public var currentStep: StepReference?
  /// Chapters the learner has opened, by chapter id.
  public var chapters: [String: ChapterProgress]
  /// Exercise attempts and results, by exercise id.
  public var exercises: [String: ExerciseProgress]
  /// Quiz attempts with every answer, by quiz id.
  public var quizzes: [String: QuizProgress]
  /// Spaced-repetition state, by question id.
  public var reviewCards: [String: ReviewCard]
  /// Steps the learner chose to skip for now (`quiz:limits`), so the dashboard moves past them;
  /// absent when none.
  public var skipped: [String]?

  /// An empty document, as for a learner who has not started yet.
  public init(courseID: String? = nil, created: Date) {
    self.version = Self.currentVersion
    self.courseID = courseID
    self.created = created
    self.updated = created
    self.currentStep = nil
    self.chapters = [:]
    self.exercises = [:]
    self.quizzes = [:]
    self.reviewCards = [:]
  }
}
