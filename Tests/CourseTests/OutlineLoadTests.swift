import Foundation
import SystemSupport
import Testing

@testable import Course

/// The outline load (headers only, for listings) agrees with the full load on everything a
/// listing shows, and leaves out what it promises to leave out.
@Suite struct OutlineLoadTests {
  /// The course shipped in this repository.
  static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  @Test func theShippedCourseOutlineMatchesTheFullLoad() throws {
    let (full, fullProblems) = CourseLoader.load(root: AbsolutePath(validating: Self.shipped)!)
    let (outline, outlineProblems) = CourseLoader.load(
      root: AbsolutePath(validating: Self.shipped)!, outline: true)
    #expect(!fullProblems.hasErrors)
    #expect(!outlineProblems.hasErrors)
    try #require(full.chapters.count > 5 && full.exercises.count > 5 && full.quizzes.count > 3)
    #expect(outline.id == full.id)
    #expect(outline.title == full.title)
    #expect(outline.steps == full.steps)
    #expect(outline.chapters.map(\.title) == full.chapters.map(\.title))
    #expect(outline.chapters.map(\.exerciseIDs) == full.chapters.map(\.exerciseIDs))
    #expect(outline.exercises.map(\.title) == full.exercises.map(\.title))
    #expect(outline.exercises.map(\.chapterID) == full.exercises.map(\.chapterID))
    #expect(outline.quizzes.map(\.title) == full.quizzes.map(\.title))
    #expect(outline.quizzes.map(\.passMark) == full.quizzes.map(\.passMark))
    #expect(outline.quizzes.map(\.file) == full.quizzes.map(\.file))
    // What the outline does not read.
    #expect(outline.quizzes.map(\.header.entries) == full.quizzes.map(\.header.entries))
    #expect(outline.quizzes.allSatisfy { $0.header.body.isEmpty })
    #expect(outline.chapters.allSatisfy { $0.anchors.isEmpty })
    #expect(full.quizzes.allSatisfy { !$0.header.body.isEmpty })
  }

  @Test func timeoutAndMemoryUnitsAreStrippedInOnePass() {
    #expect(CourseLoader.removing("s", from: "3s") == "3")
    #expect(CourseLoader.removing("s", from: "1.5 s") == "1.5 ")
    #expect(CourseLoader.removing("MB", from: "512 MB") == "512 ")
    // What remains after a removal is not searched again, as with replacingOccurrences.
    #expect(CourseLoader.removing("MB", from: "MMBB") == "MB")
    #expect(CourseLoader.removing("s", from: "\u{DF}s") == "\u{DF}")
  }

  @Test func aBrokenHeaderIsReportedByTheOutlineToo() throws {
    let course = try TempCourse.valid(overriding: [
      "lessons/02-two.md": "---\nid: two\ntitle: Two\n# no closing line\n"
    ])
    let (_, problems) = CourseLoader.load(root: course.path, outline: true)
    #expect(problems.contains { $0.severity == .error && $0.file.hasSuffix("02-two.md") })
  }
}
