import Course
import Foundation
import LambdaRuntime
import SystemSupport
import Testing

@testable import CLI
@testable import Grader

/// The fixture course and handler variants the grader tests run.
enum GraderFixture {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  static let hasPython = Interpreter.find("python3", in: searchPath) != nil
  static let hasNode = Interpreter.find("node", in: searchPath) != nil

  /// The fixture course, loaded once.
  static let course: Course = CourseLoader.load(root: coursePath).0

  /// The fixture course's folder.
  static let coursePath = AbsolutePath(validating: root.appendingPathComponent("course").path)!

  /// The exercise `id` of the fixture course.
  static func exercise(_ id: String) throws -> Exercise {
    try #require(course.exercise(id), "the fixture course has no exercise \(id)")
  }

  /// The handler file of a variant, e.g. `greet`, `.python`, `raises`. The variants `pass`
  /// and `naive` are the fixture course's own solution and starter unless `handlers/` holds a
  /// different one, so the same file is not kept twice.
  static func handler(_ exercise: String, _ language: Language, _ variant: String)
    -> AbsolutePath
  {
    let fixtures = AbsolutePath(validating: root.path)!
    let own = fixtures.appending(
      "handlers/\(exercise)/\(language.rawValue)/\(variant)/\(language.handlerFile)")
    let course: [String: String] = ["pass": "solution", "naive": "starter"]
    guard !FileManager.default.fileExists(atPath: own.string), let folder = course[variant] else {
      return own
    }
    return fixtures.appending(
      "course/exercises/\(exercise)/\(folder)/\(language.rawValue)/\(language.handlerFile)")
  }

  /// Grades a handler variant against the fixture exercise of the same name.
  static func grade(_ id: String, _ language: Language, _ variant: String) throws -> GradeReport {
    Grader.grade(
      exercise: try exercise(id), codeFile: handler(id, language, variant), language: language)
  }
}

/// Both languages, each enabled only when its interpreter is on PATH.
enum Languages {
  static let available: [Language] = Language.allCases.filter { language in
    let present = language == .python ? GraderFixture.hasPython : GraderFixture.hasNode
    if !present {
      print("skipping \(language.rawValue) grader tests: \(language.interpreter) is not on PATH")
    }
    return present
  }
}

extension CaseResult {
  /// The failures as the learner reads them (worded by the CLI's printer).
  var sentences: [String] { failures.map(\.sentence) }
}

extension GradeReport {
  /// The one-line summary the progress file keeps.
  var summaryLine: String { GradeReportPrinter.summary(self) }
}
