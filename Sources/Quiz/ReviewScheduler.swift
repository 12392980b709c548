import Foundation
import Progress

/// SM-2 spaced repetition, pure: every call takes the current time.
///
/// Quality q (0-5) comes from the answer: 4 when exactly right, 2 when partly right (half the
/// credit or more), 1 when wrong. For q ≥ 3 the interval goes 1 day, 6 days, then the previous
/// interval × E-Factor rounded up; for q < 3 the repetition count restarts and the interval is
/// 1 day. After every review EF += 0.1 − (5 − q)(0.08 + (5 − q)·0.02), never below 1.3. The
/// next review is due at the start of the day `interval` days after the review.
///
/// It works on Progress's `ReviewCard`, the state `progress.json` stores, so what is scheduled
/// is saved as it is; new cards start at `ReviewCard.initialEaseFactor`.
public struct ReviewScheduler: Sendable {
  public static let minimumEase = 1.3
  public static let firstInterval = 1
  public static let secondInterval = 6

  /// Days start at midnight in this calendar's time zone.
  public var calendar: Calendar

  public init(calendar: Calendar = .current) {
    self.calendar = calendar
  }

  /// SM-2 quality of a graded answer: 4 right, 2 partly right, 1 wrong.
  public static func quality(for grade: Grade) -> Int {
    if grade.isCorrect { return 4 }
    return grade.credit >= 0.5 ? 2 : 1
  }

  /// A card never reviewed, due immediately.
  public func newCard(questionID: String, at now: Date) -> ReviewCard {
    ReviewCard(questionID: questionID, due: now)
  }

  /// The card after a review with quality `quality` (clamped to 0...5) at `now`.
  public func review(_ state: ReviewCard, quality: Int, at now: Date) -> ReviewCard {
    let q = min(max(quality, 0), 5)
    var next = state
    if q >= 3 {
      switch state.repetitions {
      case 0: next.intervalDays = ReviewScheduler.firstInterval
      case 1: next.intervalDays = ReviewScheduler.secondInterval
      default:
        let grown = (Double(max(state.intervalDays, 1)) * state.easeFactor).rounded(.up)
        next.intervalDays = Int(min(grown, 36_500))
      }
      next.repetitions = state.repetitions + 1
    } else {
      if state.repetitions > 0 { next.lapses += 1 }
      next.repetitions = 0
      next.intervalDays = ReviewScheduler.firstInterval
    }
    let miss = Double(5 - q)
    let ease = state.easeFactor + 0.1 - miss * (0.08 + miss * 0.02)
    next.easeFactor = max(ReviewScheduler.minimumEase, (ease * 1000).rounded() / 1000)
    next.lastReviewed = now
    next.due = dueDate(after: now, days: next.intervalDays)
    return next
  }

  /// Convenience: reviews `card` (or a new card) with the quality of `grade`.
  public func record(
    _ grade: Grade, for questionID: String, card: ReviewCard?, at now: Date
  ) -> ReviewCard {
    let current = card ?? newCard(questionID: questionID, at: now)
    return review(current, quality: ReviewScheduler.quality(for: grade), at: now)
  }

  /// The start of the day `days` days after `date`.
  public func dueDate(after date: Date, days: Int) -> Date {
    let start = calendar.startOfDay(for: date)
    return calendar.date(byAdding: .day, value: days, to: start)
      ?? start.addingTimeInterval(Double(days) * 86_400)
  }
}
