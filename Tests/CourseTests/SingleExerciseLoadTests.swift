import Foundation
import SystemSupport
import Testing

@testable import Course

/// `check` grades from the outline plus one exercise loaded whole: that exercise must come out
/// as the whole-course load gives it, with every problem the whole load reports about it.
@Suite struct SingleExerciseLoadTests {
  static let shipped = AbsolutePath(validating: #filePath)!.parent.parent.parent

  /// The whole load's problems about the exercise in `folder` (its files, or the folder).
  static func problems(_ diagnostics: [Diagnostic], in folder: String) -> [Diagnostic] {
    diagnostics.filter { $0.file == folder || $0.file.hasPrefix(folder + "/") }
  }

  @Test func everyShippedExerciseLoadsAsInTheWholeCourse() throws {
    let (full, fullProblems) = CourseLoader.load(root: Self.shipped)
    try #require(full.exercises.count > 5)
    for exercise in full.exercises {
      let (single, problems) = CourseLoader.loadExercise(
        root: Self.shipped, folder: exercise.directory)
      #expect(single == exercise, "\(exercise.id)")
      #expect(
        problems == Self.problems(fullProblems, in: exercise.directory.string), "\(exercise.id)")
    }
  }

  @Test func aBrokenExerciseReportsWhatTheWholeLoadReports() throws {
    let course = try TempCourse.valid(overriding: [
      "exercises/hello/spec.json": "{\"cases\": [{\"name\": \"ok\", \"event\": {\"a\": 1}}\n",
      "exercises/hello/hints.md": "no sections\n",
      "exercises/hello/exercise.md":
        "---\nid: hello\ntitle: Hello\nchapter: intro\nlanguages: python, node\ntimeout: 0\n"
        + "colour: red\n---\nDo it.\n",
      "exercises/hello/starter/python/function.json": "{\"Timeout\": 3}\n",
    ])
    let folder = course.path.appending("exercises/hello")
    let (_, fullProblems) = CourseLoader.load(root: course.path)
    let (single, problems) = CourseLoader.loadExercise(root: course.path, folder: folder)
    let expected = Self.problems(fullProblems, in: folder.string)
    // Spec, hints, header, missing node files and the lone function.json: all reported.
    #expect(expected.count >= 6, "\(expected)")
    #expect(problems == expected)
    #expect(single?.usesConfigFile == true)
  }

  @Test func aMissingExerciseFileIsReported() throws {
    let course = try TempCourse.valid()
    let folder = course.path.appending("exercises/gone")
    try FileManager.default.createDirectory(
      atPath: folder.string, withIntermediateDirectories: true)
    let (single, problems) = CourseLoader.loadExercise(root: course.path, folder: folder)
    #expect(single == nil)
    #expect(problems.contains { $0.severity == .error && $0.file == folder.string })
  }
}
