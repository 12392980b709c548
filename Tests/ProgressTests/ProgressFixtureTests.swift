import Foundation
import Testing

@testable import Progress

/// A `progress.json` as lambdalings has written it since version 1 keeps loading, and is
/// written back byte for byte: the file format is a promise to every learner's saved work.
@Suite struct ProgressFixtureTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/progress-with-review-cards.json")

  /// The fixture copied into a fresh workspace folder.
  static func workspace() throws -> Workspace {
    let workspace = try Workspace()
    try FileManager.default.copyItem(
      at: fixture, to: workspace.path.appending(ProgressStore.fileName).url)
    return workspace
  }

  @Test func aSavedFileWithReviewCardsLoadsEveryField() throws {
    let workspace = try Self.workspace()
    let document = try workspace.store().load()
    #expect(document.courseID == "aws-lambda-basics")
    #expect(document.exercises["hello-api"]?.passes == 1)
    #expect(document.quizzes["limits"]?.attempts.first?.answers.count == 2)
    let card = try #require(document.reviewCards["limits-memory-max"])
    #expect(
      card
        == ReviewCard(
          questionID: "limits-memory-max", repetitions: 0, intervalDays: 1, easeFactor: 1.96,
          lapses: 1, due: Fixed.date("2026-11-22T00:00:00Z"),
          lastReviewed: Fixed.date("2026-11-21T19:06:30Z")))
    #expect(document.reviewCards["limits-timeout-max"]?.repetitions == 2)
    #expect(document.reviewCards["limits-timeout-max"]?.easeFactor == ReviewCard.initialEaseFactor)
    #expect(
      document.dueReviewCards(at: Fixed.date("2026-11-23T00:00:00Z")).map(\.questionID) == [
        "limits-memory-max"
      ])
  }

  @Test func aSavedFileIsWrittenBackByteForByte() throws {
    let workspace = try Self.workspace()
    let document = try workspace.store().load()
    let original = try Data(contentsOf: Self.fixture)
    #expect(
      String(decoding: try document.jsonData(), as: UTF8.self)
        == String(decoding: original, as: UTF8.self))
  }
}
