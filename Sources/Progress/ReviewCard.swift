import Foundation

/// The SM-2 spaced-repetition state of one quiz question: what `progress.json` stores under
/// `reviewCards`, and the value Quiz's `ReviewScheduler` reviews (the scheduling rules live
/// there; this is only the state, so the store needs no quiz logic).
///
/// Its coded form is part of the progress file format: renaming a field breaks every saved
/// progress file.
public struct ReviewCard: Codable, Equatable, Hashable, Sendable {
  /// The stable id of the question.
  public var questionID: String
  /// Successful reviews in a row since the last lapse (SM-2's `n`).
  public var repetitions: Int
  /// Days until the next review after the latest one (SM-2's `I`); 0 before the first review.
  public var intervalDays: Int
  /// The ease factor (SM-2's `EF`), never below 1.3; new cards start at 2.5.
  public var easeFactor: Double
  /// How many times the learner forgot the answer after having known it.
  public var lapses: Int
  /// When the question is next due for review (the start of a day in the scheduler's
  /// calendar once it has been reviewed).
  public var due: Date
  /// When the question was last reviewed, if ever.
  public var lastReviewed: Date?

  /// The SM-2 ease factor of a card that has never been reviewed.
  public static let initialEaseFactor = 2.5

  /// A card with the given state; by default a new card due at `due`.
  public init(
    questionID: String, repetitions: Int = 0, intervalDays: Int = 0,
    easeFactor: Double = ReviewCard.initialEaseFactor, lapses: Int = 0, due: Date,
    lastReviewed: Date? = nil
  ) {
    self.questionID = questionID
    self.repetitions = repetitions
    self.intervalDays = intervalDays
    self.easeFactor = easeFactor
    self.lapses = lapses
    self.due = due
    self.lastReviewed = lastReviewed
  }

  /// Whether the question is due at `now`.
  public func isDue(at now: Date) -> Bool { due <= now }
}
