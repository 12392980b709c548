import Foundation

/// The spaced-repetition state of one question (SM-2), as the scheduler works on it.
///
/// The progress file stores Progress's `ReviewCard` instead; its fields have the same names and
/// the CLI maps one to the other.
public struct ReviewState: Sendable, Equatable, Hashable, Codable {
  public var questionID: String
  /// Successful reviews in a row since the last lapse (SM-2's n).
  public var repetitions: Int
  /// Days until the next review (SM-2's I); 0 before the first review.
  public var intervalDays: Int
  /// SM-2's E-Factor, 1.3 or more; starts at 2.5.
  public var easeFactor: Double
  /// How often the question was forgotten after it had been learned.
  public var lapses: Int
  /// When the question is next due (the start of a day in the scheduler's calendar).
  public var due: Date
  public var lastReviewed: Date?

  public init(
    questionID: String, repetitions: Int = 0, intervalDays: Int = 0,
    easeFactor: Double = ReviewScheduler.initialEase, lapses: Int = 0, due: Date,
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
