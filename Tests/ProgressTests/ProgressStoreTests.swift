import Foundation
import Testing

@testable import Progress

@Suite struct ProgressStoreTests {
  /// A document with every kind of record filled in.
  static func populated(_ document: inout ProgressDocument) {
    document.courseID = "aws-lambda-basics"
    document.skipped = ["quiz:limits"]
    document.markChapterRead("intro", at: Fixed.now)
    document.markChapterRead("intro", at: Fixed.later)
    let failed = ExerciseResult(
      date: Fixed.now, passed: false, language: "python", casesPassed: 1, casesTotal: 3,
      summary: "case 'empty body': expected status 400, got 500")
    document.recordExerciseResult("hello-api", failed)
    document.recordHintShown(exercise: "hello-api", number: 2)
    let passed = ExerciseResult(
      date: Fixed.later, passed: true, language: "python", casesPassed: 3, casesTotal: 3)
    document.recordExerciseResult("hello-api", passed)
    let answers = [
      QuizAnswer(questionID: "cold-start", answer: "b", correct: true, answeredAt: Fixed.now),
      QuizAnswer(questionID: "timeout-max", answer: "600", correct: false, answeredAt: Fixed.now),
    ]
    document.recordQuizAttempt(
      "triggers", QuizAttempt(date: Fixed.now, score: 1, questionCount: 2, answers: answers))
    document.setReviewCard(
      ReviewCard(
        questionID: "timeout-max", repetitions: 2, intervalDays: 6, easeFactor: 2.36, lapses: 1,
        due: Fixed.later, lastReviewed: Fixed.now))
  }

  @Test func skippedStepsAndPracticeAttemptsRoundTripAndOlderFilesLackThem() throws {
    let workspace = try Workspace()
    let store = workspace.store()
    try store.update { document in
      document.skipped = ["quiz:limits"]
      document.recordQuizAttempt(
        "limits",
        QuizAttempt(date: Fixed.now, score: 1, questionCount: 1, answers: [], sample: true))
    }
    let loaded = try store.load()
    #expect(loaded.skipped == ["quiz:limits"])
    #expect(loaded.quizzes["limits"]?.attempts.first?.sample == true)
    let text = String(decoding: try #require(workspace.contents("progress.json")), as: UTF8.self)
    #expect(text.contains("\"sample\" : true"))
    // A file written before these fields existed still loads.
    try store.update { document in
      document.skipped = nil
      document.quizzes = [:]
    }
    let plain = String(decoding: try #require(workspace.contents("progress.json")), as: UTF8.self)
    #expect(!plain.contains("skipped") && !plain.contains("sample"))
  }

  @Test func loadingAMissingFileGivesAnEmptyDocumentAndCreatesNothing() throws {
    let workspace = try Workspace()
    let document = try workspace.store().load()
    #expect(document == ProgressDocument(created: Fixed.now))
    #expect(document.version == 1)
    #expect(try workspace.names() == [])
  }

  @Test func aPopulatedDocumentRoundTrips() throws {
    let workspace = try Workspace()
    let saved = try workspace.store().update(Self.populated)
    var expected = ProgressDocument(created: Fixed.now)
    Self.populated(&expected)
    #expect(saved == expected)
    #expect(try workspace.store(now: Fixed.later).load() == expected)
    let exercise = try #require(saved.exercises["hello-api"])
    #expect(exercise.attempts == 2 && exercise.passes == 1 && exercise.hintsUsed == 2)
    #expect(exercise.firstPassed == Fixed.later)
    #expect(saved.chapters["intro"] == ChapterProgress(firstRead: Fixed.now, lastRead: Fixed.later))
  }

  @Test func theFileIsVersionedSortedAndStable() throws {
    let workspace = try Workspace()
    try workspace.store().update(Self.populated)
    let first = try #require(workspace.contents("progress.json"))
    let saved = try workspace.store().update { _ in }
    #expect(workspace.contents("progress.json") == first)
    #expect(try saved.jsonData() == first)
    let object = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
    #expect(object["version"] as? Int == 1)
    #expect(object["created"] as? String == "2026-03-14T15:09:26Z")
    let text = String(decoding: first, as: UTF8.self)
    let topLevelKeys = text.split(separator: "\n")
      .filter { $0.hasPrefix("  \"") }
      .map { $0.dropFirst(3).prefix { $0 != "\"" } }
    #expect(topLevelKeys == topLevelKeys.sorted())
    #expect(topLevelKeys.count == 9)
  }

  @Test func updateStampsTimesAndKeepsCreated() throws {
    let workspace = try Workspace()
    try workspace.store(now: Fixed.now).update { $0.courseID = "course" }
    let second = try workspace.store(now: Fixed.later).update { _ in }
    #expect(second.created == Fixed.now)
    #expect(second.updated == Fixed.later)
  }

  @Test func thePreviousVersionIsKeptAsBackup() throws {
    let workspace = try Workspace()
    let store = workspace.store()
    try store.update { $0.courseID = "first" }
    #expect(workspace.contents("progress.json.bak") == nil)
    let firstBytes = try #require(workspace.contents("progress.json"))
    try store.update { $0.courseID = "second" }
    #expect(workspace.contents("progress.json.bak") == firstBytes)
    try store.update { $0.courseID = "third" }
    let backup = try #require(workspace.contents("progress.json.bak"))
    #expect(try store.decode(backup).courseID == "second")
    #expect(try store.load().courseID == "third")
    #expect(try workspace.names() == ["progress.json", "progress.json.bak", "progress.json.lock"])
  }

  @Test func aThrowingUpdateWritesNothing() throws {
    struct Refused: Error {}
    let workspace = try Workspace()
    let store = workspace.store()
    try store.update { $0.courseID = "kept" }
    let before = workspace.contents("progress.json")
    #expect(throws: Refused.self) {
      try store.update { document in
        document.courseID = "lost"
        throw Refused()
      }
    }
    #expect(workspace.contents("progress.json") == before)
    #expect(workspace.contents("progress.json.bak") == nil)
  }

  @Test func updateCreatesAMissingWorkspaceFolder() throws {
    let workspace = try Workspace()
    let nested = workspace.path.appending("deeper/workspace")
    let store = ProgressStore(directory: nested, clock: { Fixed.now })
    try store.update { $0.skipped = ["chapter:intro"] }
    #expect(try store.load().skipped == ["chapter:intro"])
  }

  @Test func threadsUpdatingConcurrentlyLoseNothing() throws {
    let workspace = try Workspace()
    let store = ProgressStore(directory: workspace.path)
    DispatchQueue.concurrentPerform(iterations: 4) { thread in
      for index in 0..<25 {
        _ = try? store.update { document in
          document.exercises["shared", default: ExerciseProgress()].attempts += 1
          document.markChapterRead("t\(thread)-\(index)", at: Fixed.now)
        }
      }
    }
    let document = try store.load()
    #expect(document.exercises["shared"]?.attempts == 100)
    #expect(document.chapters.count == 100)
  }
}
