import Course
import Foundation
import Progress
import SystemSupport
import Testing
import Workspace

/// Workspace decides each step's state from what `progress.json` records.
@Suite struct CourseStatusProgressTests {
  static let now = Date(timeIntervalSince1970: 1_795_803_000)

  /// A course of one chapter with two exercises and a quiz (pass mark 70%), loaded from a
  /// temporary folder; the caller removes `root`.
  static func makeCourse() throws -> (course: Course, root: String) {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("course-status-\(UUID().uuidString)").path
    var files = [
      "lessons/course.md": "---\nid: demo\ntitle: Demo\n---\n",
      "lessons/01-intro.md":
        "---\nid: intro\ntitle: Intro\norder: 1\nexercises: one, two\nquiz: q\n---\n# Intro\n",
      "lessons/quizzes/q.md": "---\nid: q\ntitle: Q\nchapter: intro\n---\n",
    ]
    for id in ["one", "two"] {
      files["exercises/\(id)/exercise.md"] = "---\nid: \(id)\ntitle: \(id)\nchapter: intro\n---\n"
      files["exercises/\(id)/spec.json"] = #"{"cases":[{"name":"a","event":{},"expect":{}}]}"#
    }
    for (path, text) in files {
      let full = "\(root)/\(path)"
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: full, atomically: true, encoding: .utf8)
    }
    let (course, diagnostics) = CourseLoader.load(
      root: try #require(AbsolutePath(validating: root)), outline: true)
    #expect(diagnostics.filter { $0.severity == .error } == [])
    return (course, root)
  }

  static func attempt(_ score: Int, of count: Int, sample: Bool? = nil) -> QuizAttempt {
    QuizAttempt(date: now, score: score, questionCount: count, answers: [], sample: sample)
  }

  @Test func eachRecordGivesItsState() throws {
    let (course, root) = try Self.makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root) }
    var progress = ProgressDocument(created: Self.now)
    var status = CourseStatus(course: course, progress: progress)
    #expect(status.entries.map(\.state) == [.pending, .pending, .pending, .pending])
    #expect(status.next?.step == .chapter("intro"))
    progress.markChapterRead("intro", at: Self.now)
    progress.quizzes["q"] = QuizProgress(attempts: [Self.attempt(1, of: 2)])
    status = CourseStatus(course: course, progress: progress)
    #expect(status.entry(.chapter("intro"))?.state == .done)
    #expect(status.entry(.quiz("q"))?.state == .attempted)
    #expect(status.entry(.quiz("q"))?.bestScore == 0.5)
    progress.skipped = ["quiz:q"]
    status = CourseStatus(course: course, progress: progress)
    #expect(status.entry(.quiz("q"))?.state == .skipped)
    #expect(status.next?.step == .exercise("one"))
  }

  @Test func practiceOnPartOfAQuizDoesNotCountTowardsIt() throws {
    let (course, root) = try Self.makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root) }
    var progress = ProgressDocument(created: Self.now)
    progress.quizzes["q"] = QuizProgress(attempts: [
      Self.attempt(2, of: 2, sample: true), Self.attempt(1, of: 4), Self.attempt(0, of: 0),
    ])
    let status = CourseStatus(course: course, progress: progress)
    #expect(status.entry(.quiz("q"))?.bestScore == 0.25)
    #expect(status.entry(.quiz("q"))?.state == .attempted)
    #expect(progress.quizzes["q"]?.bestFraction == 0.25)
  }

  @Test func theFirstExerciseNotDoneSkipsPassedOnesButNotSkippedOnes() throws {
    let (course, root) = try Self.makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root) }
    var progress = ProgressDocument(created: Self.now)
    #expect(CourseStatus(course: course, progress: progress).firstExerciseNotDone == "one")
    progress.recordExerciseResult(
      "one", ExerciseResult(date: Self.now, passed: true, casesPassed: 1, casesTotal: 1))
    progress.skipped = ["exercise:two"]
    let status = CourseStatus(course: course, progress: progress)
    #expect(status.entry(.exercise("one"))?.state == .done)
    #expect(status.entry(.exercise("two"))?.state == .skipped)
    #expect(status.firstExerciseNotDone == "two")
    progress.recordExerciseResult(
      "two", ExerciseResult(date: Self.now, passed: false, casesPassed: 0, casesTotal: 1))
    progress.skipped = nil
    #expect(
      CourseStatus(course: course, progress: progress).entry(.exercise("two"))?.state == .failed)
  }
}
