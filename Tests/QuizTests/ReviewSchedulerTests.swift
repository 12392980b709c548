import Foundation
import SystemSupport
import Testing

@testable import Progress
@testable import Quiz

@Suite struct ReviewSchedulerTests {
  let scheduler: ReviewScheduler = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    return ReviewScheduler(calendar: calendar)
  }()
  /// 2026-11-27 18:10 UTC.
  let start = Date(timeIntervalSince1970: 1_795_803_000)
  /// 2026-11-27 00:00 UTC.
  var midnight: Date { Date(timeIntervalSince1970: 1_795_737_600) }

  func day(_ n: Int) -> Date { midnight.addingTimeInterval(Double(n) * 86_400) }

  /// Reviews a new card with each quality in turn, one review per due date.
  func run(_ qualities: [Int]) -> [ReviewCard] {
    var state = scheduler.newCard(questionID: "q", at: start)
    var history: [ReviewCard] = []
    var now = start
    for quality in qualities {
      state = scheduler.review(state, quality: quality, at: now)
      history.append(state)
      now = state.due.addingTimeInterval(9 * 3600)
    }
    return history
  }

  @Test func rightAnswersGrowOneSixThenTimesEase() {
    let history = run([4, 4, 4, 4])
    #expect(history.map(\.intervalDays) == [1, 6, 15, 38])  // 6 × 2.5 = 15, 15 × 2.5 = 37.5 → 38
    #expect(history.map(\.easeFactor) == [2.5, 2.5, 2.5, 2.5])
    #expect(history.map(\.repetitions) == [1, 2, 3, 4])
    #expect(history[0].due == day(1))
    #expect(history[1].due == day(7))
  }

  @Test func perfectAnswersRaiseEase() {
    let history = run([5, 5, 5])
    #expect(history.map(\.easeFactor) == [2.6, 2.7, 2.8])
    #expect(history.map(\.intervalDays) == [1, 6, 17])  // 6 × 2.7 = 16.2 → 17
  }

  @Test func aMissRestartsAndLowersEase() {
    let history = run([4, 4, 1, 4, 4, 4])
    #expect(history[2].intervalDays == 1)
    #expect(history[2].repetitions == 0)
    #expect(history[2].lapses == 1)
    #expect(history[2].easeFactor == 1.96)  // 2.5 + 0.1 − 4 × (0.08 + 0.08)
    #expect(history.map(\.intervalDays) == [1, 6, 1, 1, 6, 12])  // 6 × 1.96 = 11.76 → 12
  }

  @Test func missedFirstAnswerIsDueTheNextDayWithoutALapse() {
    let state = scheduler.record(
      Grade(isCorrect: false, credit: 0), for: "q", card: nil, at: start)
    #expect(state.due == day(1))
    #expect(state.lapses == 0)
    #expect(state.lastReviewed == start)
    #expect(!state.isDue(at: start.addingTimeInterval(3600)))
    #expect(state.isDue(at: day(1).addingTimeInterval(60)))
  }

  @Test func easeNeverDropsBelowMinimum() {
    let history = run([0, 0, 0])
    #expect(history.map(\.easeFactor) == [1.7, 1.3, 1.3])
  }

  @Test func qualityFromGrades() {
    #expect(ReviewScheduler.quality(for: Grade(isCorrect: true, credit: 1)) == 4)
    #expect(ReviewScheduler.quality(for: Grade(isCorrect: false, credit: 0.5)) == 2)
    #expect(ReviewScheduler.quality(for: Grade(isCorrect: false, credit: 0)) == 1)
  }

  /// The scheduler reviews the very card `progress.json` stores, and its answer is stored as
  /// it is: a card from a saved file goes through a review and back into the file.
  @Test func aCardFromASavedProgressFileIsReviewedAndSavedBack() throws {
    let folder = AbsolutePath(NSTemporaryDirectory(), relativeTo: .currentDirectory())
      .appending("review-scheduler-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "ProgressTests/Fixtures/progress-with-review-cards.json")
    try FileManager.default.copyItem(
      at: fixture, to: folder.appending(ProgressStore.fileName).url)
    let store = ProgressStore(directory: folder, clock: { start })
    let before = try #require(try store.load().reviewCards["limits-timeout-max"])
    #expect(before.repetitions == 2 && before.intervalDays == 6)
    try store.update { document in
      let id = "limits-timeout-max"
      document.setReviewCard(
        scheduler.record(
          Grade(isCorrect: true, credit: 1), for: id, card: document.reviewCards[id], at: start))
    }
    let after = try #require(try store.load().reviewCards["limits-timeout-max"])
    #expect(after.repetitions == 3)
    #expect(after.intervalDays == 15)  // 6 × 2.5
    #expect(after.lastReviewed == start)
    #expect(after.due == day(15))
  }
}
