import Course
import Foundation
import SystemSupport
import Testing

@testable import CLI
@testable import Grader

/// The shipped exercises of chapters 4, 5, 6, 8 and 9 against the bugs learners really write
/// (each must be rejected) and against correct solutions written differently from the
/// reference (each must be accepted).
@Suite struct ShippedExerciseTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let course: Course = CourseLoader.load(
    root: AbsolutePath(validating: repository.path)!
  ).0

  static func variant(_ exercise: String, _ language: Language, _ name: String)
    -> AbsolutePath
  {
    AbsolutePath(validating: GraderFixture.root.path)!.appending(
      "shipped/\(exercise)/\(language.rawValue)/\(name)/\(language.handlerFile)")
  }

  static func grade(_ id: String, _ language: Language, _ name: String) throws -> GradeReport {
    let exercise = try #require(course.exercise(id), "the shipped course has no \(id)")
    return Grader.grade(
      exercise: exercise, codeFile: variant(id, language, name), language: language)
  }

  /// The failures of a report, for messages.
  static func describe(_ report: GradeReport) -> String {
    report.setupError ?? report.results.flatMap(\.sentences).joined(separator: "\n")
  }

  struct Wrong: Sendable, CustomStringConvertible {
    var exercise: String
    var language: Language
    var variant: String
    /// Text one of the failures must contain: the check that catches the bug.
    var caughtBy: String
    var description: String { "\(exercise) \(language.rawValue) \(variant)" }
  }

  static let wrongSolutions: [Wrong] = allWrong.filter { Languages.available.contains($0.language) }

  /// Every fixture, whether or not its interpreter is here.
  static let allWrong: [Wrong] = [
    Wrong(exercise: "handler-config", language: .python, variant: "renamed", caughtBy: "not found"),
    Wrong(exercise: "handler-config", language: .node, variant: "renamed", caughtBy: "not found"),
    Wrong(
      exercise: "env-settings", language: .python, variant: "int-cast",
      caughtBy: "errorType: expected ConfigError, got ValueError"),
    Wrong(
      exercise: "timeout-memory", language: .python, variant: "maxed",
      caughtBy: "body.budgetMs: expected a number of at most 5000"),
    Wrong(
      exercise: "lazy-client", language: .python, variant: "per-report",
      caughtBy: "logOccurrences \"creating the report client\": expected 1, got 3"),
    Wrong(
      exercise: "json-logs", language: .python, variant: "cached-id",
      caughtBy: "logJSON[0].requestId"),
    Wrong(
      exercise: "json-logs", language: .node, variant: "cached-id",
      caughtBy: "logJSON[0].requestId"),
    Wrong(
      exercise: "deadline", language: .python, variant: "checks-once",
      caughtBy: "Sandbox.Timedout"),
    Wrong(
      exercise: "big-response", language: .python, variant: "six-mb",
      caughtBy: "result.inline: expected false, got true"),
  ]

  @Test(arguments: wrongSolutions)
  func plausibleWrongSolutionIsRejected(wrong: Wrong) throws {
    let report = try Self.grade(wrong.exercise, wrong.language, wrong.variant)
    #expect(report.setupError == nil, "\(report.setupError ?? "")")
    #expect(!report.passed)
    let texts =
      report.results.flatMap(\.sentences) + [report.loadFailure?.headline ?? ""]
      + report.results.compactMap(\.skipped?.sentence)
    #expect(
      texts.contains { $0.contains(wrong.caughtBy) },
      "expected a failure containing \(wrong.caughtBy), got:\n\(Self.describe(report))")
  }

  static let alternatives = allAlternatives.filter { Languages.available.contains($0.1) }

  /// Every alternative, whether or not its interpreter is here.
  static let allAlternatives: [(String, Language)] = [
    ("handler-config", .python), ("handler-config", .node), ("env-settings", .python),
    ("lazy-client", .python), ("json-logs", .python), ("json-logs", .node),
    ("deadline", .python),
  ]

  @Test(arguments: alternatives)
  func differentlyWrittenSolutionIsAccepted(exercise: String, language: Language) throws {
    let report = try Self.grade(exercise, language, "alternative")
    #expect(report.passed, "\(Self.describe(report))")
  }

  @Test func renamedEntryPointIsReportedOnceWithTheConfigFile() throws {
    guard Languages.available.contains(.python) else { return }
    let report = try Self.grade("handler-config", .python, "renamed")
    let failure = try #require(report.loadFailure)
    #expect(failure.errorType == "Runtime.HandlerNotFound")
    #expect(!failure.isFileProblem)
    #expect(failure.handler == "lambda_function.handle_order")
    #expect(failure.caseName == "the entry point is still called handle_order / handleOrder")
    #expect(report.configFile?.string.hasSuffix("renamed/function.json") == true)
    // The cases on the learner's (unchanged) configuration pass; the case that calls the
    // entry point by its real name cannot start.
    #expect(report.results.prefix(3).allSatisfy { $0.passed })
    #expect(report.results.last?.skipped?.sentence.contains("is not found in your file") == true)
  }
}
