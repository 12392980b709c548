import Course
import Foundation
import SystemSupport
import Testing

@testable import CLI
@testable import Grader

/// Cases graded on real handlers: pass, wrong status, raise, time out, missing body field.
@Suite struct GraderCaseTests {
  @Test(arguments: Languages.available)
  func passingHandlerPassesEveryCase(language: Language) throws {
    let report = try GraderFixture.grade("greet", language, "pass")
    #expect(report.setupError == nil)
    #expect(report.results.map(\.name) == ["greets Ada", "rejects an empty name"])
    #expect(report.results.allSatisfy { $0.passed }, "\(report.results.flatMap(\.sentences))")
    #expect(report.passed)
    #expect(report.summaryLine == "2/2 passed")
  }

  @Test(arguments: Languages.available)
  func wrongStatusNamesExpectedAndGot(language: Language) throws {
    let report = try GraderFixture.grade("greet", language, "wrong-status")
    #expect(!report.passed)
    let first = try #require(report.results.first)
    #expect(first.sentences == ["statusCode: expected 200, got 500"])
    #expect(first.line == 3)
    #expect(report.results[1].passed)
    #expect(report.summaryLine.hasPrefix("1/2 passed; first failure: greets Ada: statusCode"))
  }

  @Test(arguments: Languages.available)
  func raisingHandlerShowsErrorAndLogs(language: Language) throws {
    let report = try GraderFixture.grade("greet", language, "raises")
    let first = try #require(report.results.first)
    #expect(!first.passed)
    let failure = try #require(first.sentences.first)
    #expect(failure.hasPrefix("expected a result, but the invocation failed with"))
    let error = try #require(first.error)
    #expect(error.hasPrefix(language == .python ? "KeyError: " : "TypeError: "))
    #expect(error.split(separator: "\n").count > 1, "the stack trace's first lines are shown")
    #expect(first.logTail.contains { $0.contains("about to look up the name") })
    #expect(!first.logTail.contains { $0.hasPrefix("REPORT RequestId:") })
    let second = report.results[1]
    let type = language == .python ? "KeyError" : "TypeError"
    #expect(second.sentences.first == "errorType: expected ValueError, got \(type)")
    #expect(second.sentences.last?.hasPrefix("errorMessage: expected to contain \"empty\"") == true)
  }

  @Test(arguments: Languages.available)
  func slowHandlerTimesOut(language: Language) throws {
    let report = try GraderFixture.grade("greet", language, "slow")
    let first = try #require(report.results.first)
    #expect(first.sentences.first?.contains("Sandbox.Timedout") == true)
    #expect(first.error?.contains("timed out after 1.00 seconds") == true)
  }

  @Test(arguments: Languages.available)
  func missingBodyFieldIsNamed(language: Language) throws {
    let report = try GraderFixture.grade("greet", language, "missing-field")
    let first = try #require(report.results.first)
    #expect(first.sentences.count == 1)
    let failure = try #require(first.sentences.first)
    #expect(failure.hasPrefix("body.message: expected \"Hello, Ada!\", got nothing"))
  }

  @Test func fixtureCourseLoadsWithoutDiagnostics() {
    let (_, diagnostics) = CourseLoader.load(root: GraderFixture.coursePath)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
  }

  @Test func missingFileIsASetupError() throws {
    let report = Grader.grade(
      exercise: try GraderFixture.exercise("greet"),
      codeFile: AbsolutePath(validating: "/nonexistent/lambda_function.py")!,
      language: .python)
    #expect(!report.passed)
    #expect(report.results.isEmpty)
    #expect(report.setupError?.contains("/nonexistent/lambda_function.py does not exist") == true)
  }

  @Test(arguments: Language.allCases)
  func missingInterpreterIsAClearSetupError(language: Language) throws {
    // An empty folder as PATH stands in for a machine without node or python3.
    let empty = FileManager.default.temporaryDirectory
      .appendingPathComponent("grader-empty-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let report = Grader.grade(
      exercise: try GraderFixture.exercise("greet"),
      codeFile: GraderFixture.handler("greet", language, "pass"), language: language,
      searchPath: empty)
    #expect(!report.passed)
    let message = try #require(report.setupError)
    #expect(message.contains("\(language.interpreter) was not found on PATH"))
  }

  @Test func configurationFollowsTheExercise() throws {
    let configuration = Grader.configuration(
      try GraderFixture.exercise("greet"), GraderFixture.handler("greet", .node, "pass"), .node)
    #expect(configuration.runtime == .nodejs)
    #expect(configuration.handler == "index.handler")
    #expect(configuration.timeout == 1)
    #expect(configuration.name == "greet")
    #expect(configuration.codePath.string.hasSuffix("handlers/greet/node/pass"))
  }
}

/// A function that does not start, and a timeout, are reported once.
@Suite struct GraderLoadFailureTests {
  @Test(arguments: Languages.available)
  func fileThatDoesNotLoadIsReportedOnceWithItsLine(language: Language) throws {
    let report = try GraderFixture.grade("greet", language, "syntax")
    let failure = try #require(report.loadFailure)
    #expect(failure.isFileProblem)
    #expect(failure.errorType == "Runtime.UserCodeSyntaxError")
    #expect(failure.line == (language == .python ? 4 : 2), "\(failure)")
    #expect(report.results.count == 2)
    #expect(report.results.allSatisfy { $0.skipped != nil && $0.invocations == 0 })
    #expect(!report.passed)
    #expect(report.summaryLine.contains("the function does not start"))
  }

  @Test(arguments: Languages.available)
  func afterATimeoutTheRemainingCasesAreNotWaitedFor(language: Language) throws {
    let report = try GraderFixture.grade("greet", language, "slow")
    #expect(report.results.count == 2)
    let first = report.results[0]
    #expect(first.sentences.first?.contains("Sandbox.Timedout") == true)
    #expect(first.invocations == 1)
    #expect(first.durationMs >= 900, "the first case ran until its 1 s timeout")
    // The second case is never invoked (a skipped case never reaches the function, so it has
    // no duration and no log lines), rather than waited for up to the same timeout; this is
    // the behaviour, checked without a wall-clock bound that a loaded machine could break.
    let second = report.results[1]
    #expect(
      second.skipped == .earlierTimeout(caseName: "greets Ada", line: 3, timeoutSeconds: 1))
    #expect(second.skipped?.sentence.contains("timed out after 1.00 seconds") == true)
    #expect(second.skipped?.sentence.contains("spec.json:3") == true)
    #expect(second.invocations == 0)
    #expect(second.durationMs == 0)
    #expect(second.logTail.isEmpty)
    #expect(!report.passed)
  }

  @Test func lineIsFoundInPythonAndNodeMessages() {
    let file = "/w/ex/lambda_function.py"
    #expect(
      SourceLocation.line(of: file, in: ["invalid syntax (lambda_function.py, line 3)"]) == 3)
    #expect(
      SourceLocation.line(of: file, in: ["  File \"/w/ex/lambda_function.py\" Line 12\n"]) == 12)
    #expect(SourceLocation.line(of: "/w/index.mjs", in: ["at file:///w/index.mjs:7:3"]) == 7)
    #expect(SourceLocation.line(of: file, in: ["no location here"]) == 0)
  }
}
