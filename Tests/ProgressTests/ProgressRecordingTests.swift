import Foundation
import Testing

@testable import Progress

@Suite struct ProgressRecordingTests {
  @Test func chaptersKeepTheirFirstReadTime() {
    var document = ProgressDocument(created: Fixed.now)
    document.markChapterRead("intro", at: Fixed.later)
    document.markChapterRead("intro", at: Fixed.now)
    #expect(
      document.chapters["intro"] == ChapterProgress(firstRead: Fixed.later, lastRead: Fixed.later))
  }

  @Test func hintsCountTheHighestShown() {
    var document = ProgressDocument(created: Fixed.now)
    document.recordHintShown(exercise: "e", number: 2)
    document.recordHintShown(exercise: "e", number: 1)
    #expect(document.exercises["e"]?.hintsUsed == 2)
    #expect(document.exercises["e"]?.attempts == 0)
  }

  @Test func theBestQuizAttemptIsTheEarliestHighest() {
    var document = ProgressDocument(created: Fixed.now)
    for (score, date) in [(1, Fixed.now), (3, Fixed.now), (3, Fixed.later), (2, Fixed.later)] {
      document.recordQuizAttempt(
        "q", QuizAttempt(date: date, score: score, questionCount: 3, answers: []))
    }
    #expect(document.quizzes["q"]?.attempts.count == 4)
    #expect(
      document.quizzes["q"]?.best
        == QuizAttempt(date: Fixed.now, score: 3, questionCount: 3, answers: []))
  }

  @Test func dueCardsComeEarliestFirst() {
    var document = ProgressDocument(created: Fixed.now)
    document.setReviewCard(ReviewCard(questionID: "b", due: Fixed.now))
    document.setReviewCard(ReviewCard(questionID: "a", due: Fixed.now))
    document.setReviewCard(ReviewCard(questionID: "c", due: Fixed.later))
    #expect(document.dueReviewCards(at: Fixed.now).map(\.questionID) == ["a", "b"])
    #expect(document.dueReviewCards(at: Fixed.later).map(\.questionID) == ["a", "b", "c"])
    #expect(document.reviewCards["a"]?.easeFactor == 2.5)
  }

  @Test func timestampsMatchFoundationForManyDates() throws {
    // From 1600 on: before the 1582 reform Foundation switches to the Julian calendar, while the
    // progress file (like ISO 8601) counts Gregorian days throughout.
    var mismatches: [String] = []
    for _ in 0..<2000 {
      let seconds = Int.random(in: -11_676_096_000...253_402_300_799)
      let date = Date(timeIntervalSince1970: TimeInterval(seconds))
      let text = ISO8601Timestamp.format(date)
      if text != date.formatted(Date.ISO8601FormatStyle()) || ISO8601Timestamp.parse(text) != date {
        mismatches.append("\(seconds) -> \(text)")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    #expect(ISO8601Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    #expect(ISO8601Timestamp.parse("2024-02-29T12:00:00Z") == Fixed.date("2024-02-29T12:00:00Z"))
  }

  @Test func otherISO8601FormsAreAccepted() {
    #expect(ProgressCoding.parseDate("2026-03-14T17:09:26+02:00") == Fixed.now)
    #expect(
      ProgressCoding.parseDate("2026-03-14T15:09:26.500Z") == Fixed.now.addingTimeInterval(0.5))
    #expect(ProgressCoding.parseDate("2026-13-14T15:09:26Z") == nil)
    #expect(ProgressCoding.parseDate("14/03/2026") == nil)
  }
}
