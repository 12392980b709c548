import Course
import Foundation
import LambdaRuntime
import SystemSupport

/// The state of one grading run: the functions, what is known about them, and the load
/// failure reported once.
struct GradeRun {
  let exercise: Exercise
  let codeFile: AbsolutePath
  let language: Language
  /// Header settings with the learner's `function.json` over them.
  let settings: FunctionSettings
  let searchPath: String?
  /// What makes the functions (the embedded runtime, or a test's fake).
  let maker: any GradedFunctionMaker
  let pool: FunctionPool
  var loadFailure: LoadFailure?

  init(
    exercise: Exercise, codeFile: AbsolutePath, language: Language, settings: FunctionSettings,
    searchPath: String?, maker: any GradedFunctionMaker
  ) {
    self.exercise = exercise
    self.codeFile = codeFile
    self.language = language
    self.settings = settings
    self.searchPath = searchPath
    self.maker = maker
    pool = FunctionPool(maker: maker)
  }

  /// The configuration a case or scenario runs with.
  func configuration(_ own: FunctionSettings) -> FunctionConfiguration {
    var configuration = Grader.configuration(
      exercise, codeFile, language, settings.overridden(by: own))
    if let searchPath { configuration.environment["PATH"] = searchPath }
    return configuration
  }

  /// Runs one case and checks its expectation.
  mutating func runCase(_ item: ExerciseCase) throws -> CaseResult {
    var result = CaseResult(name: item.name, kind: .case, line: item.line)
    result.source = item.source
    let configuration = configuration(item.function)
    if let problem = invalid(configuration) {
      result.record([GradeFailure.Kind.invalidConfiguration(reason: problem)])
      return result
    }
    if let reason = pool.initFailure(for: configuration) {
      result.skip(reason)
      return result
    }
    let entry = try pool.shared(configuration)
    if let reason = entry.blocked {
      result.skip(reason)
      return result
    }
    let event: Data
    do {
      event = try Grader.eventData(item.event)
    } catch {
      result.record([GradeFailure.Kind.eventNotBuilt(scenario: false, reason: "\(error)")])
      return result
    }
    let outcome = InvocationOutcome(
      entry.function.invoke(event, qualifier: item.qualifier, requestID: nil),
      scratchFolder: entry.scratchFolder)
    result.durationMs = outcome.record.durationMs
    if outcome.record.initFailed, !item.expect.wantsError {
      let ownHandler = item.function.handler(for: language) != nil
      noteInitFailure(outcome, configuration, caseName: ownHandler ? item.name : nil)
      result.skip(pool.initFailure(for: configuration) ?? .doesNotStart(errorType: nil))
      return result
    }
    result.record(ExpectationChecker.failures(item.expect, outcome))
    if !result.passed {
      result.error = outcome.errorDescription()
      result.logTail = outcome.logTail()
    }
    if outcome.timedOut, item.expect.errorType != "Sandbox.Timedout" {
      entry.blocked = .earlierTimeout(
        caseName: item.name, line: item.line, timeoutSeconds: configuration.timeout)
    }
    return result
  }

  /// Runs a scenario on a fresh function.
  mutating func runScenario(_ scenario: Scenario) throws -> CaseResult {
    var result = CaseResult(
      name: scenario.name, kind: .scenario, line: scenario.line,
      invocations: scenario.events.count)
    result.source = scenario.source
    let configuration = configuration(scenario.function)
    if let problem = invalid(configuration) {
      result.record([GradeFailure.Kind.invalidConfiguration(reason: problem)])
      return result
    }
    if let reason = pool.initFailure(for: configuration) {
      result.skip(reason)
      return result
    }
    let entry = try pool.fresh(configuration)
    let run =
      scenario.delivery.map { DeliveryRunner.run(scenario, $0, on: entry, into: result) }
      ?? ScenarioRunner.run(scenario, on: entry, into: result)
    if let failed = run.initFailure {
      let ownHandler = scenario.function.handler(for: language) != nil
      noteInitFailure(failed, configuration, caseName: ownHandler ? scenario.name : nil)
      result.skip(pool.initFailure(for: configuration) ?? .doesNotStart(errorType: nil))
      return result
    }
    return run.result
  }

  /// Why the configuration is outside Lambda's limits; nil when it is inside them.
  private func invalid(_ configuration: FunctionConfiguration) -> String? {
    do {
      try configuration.validate()
      return nil
    } catch {
      return "\(error)"
    }
  }

  /// Records that the function does not start, once, with the file and line it points at.
  private mutating func noteInitFailure(
    _ outcome: InvocationOutcome, _ configuration: FunctionConfiguration, caseName: String? = nil
  ) {
    var failure = LoadFailure(
      errorType: outcome.errorType ?? "Runtime.Unknown", message: outcome.errorMessage,
      file: codeFile.string,
      line: SourceLocation.line(
        of: codeFile.string,
        in: [
          outcome.errorMessage, outcome.errorDescription(stackLines: 20) ?? "",
          outcome.record.logs,
        ]),
      handler: configuration.handler, details: outcome.errorDescription(),
      logTail: outcome.logTail())
    if failure.line == 0, language == .node, failure.errorType == "Runtime.UserCodeSyntaxError" {
      failure.line = SyntaxCheck.nodeLine(codeFile, searchPath: searchPath)
    }
    failure.caseName = caseName
    if loadFailure == nil { loadFailure = failure }
    let reason: SkipReason =
      failure.isFileProblem
      ? .doesNotStart(errorType: failure.errorType)
      : .handlerNotFound(handler: configuration.handler)
    pool.recordInitFailure(configuration, reason: reason)
  }
}

/// Finds the line of a file named in an error message or stack trace.
enum SourceLocation {
  /// The first line number that follows the file's name in `texts`
  /// (`lambda_function.py, line 3`, `File ".../x.py" Line 3`, `/path/index.mjs:3`); 0 if none.
  static func line(of file: String, in texts: [String]) -> Int {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    guard !name.isEmpty else { return 0 }
    for text in texts {
      var rest = Substring(text)
      while let range = rest.range(of: name) {
        rest = rest[range.upperBound...]
        var scan = rest.drop { "\"',: ".contains($0) }
        if scan.lowercased().hasPrefix("line") {
          scan = scan.dropFirst(4).drop { $0 == " " }
        }
        let digits = scan.prefix { $0.isNumber }
        if let number = Int(digits), number > 0 { return number }
      }
    }
    return 0
  }
}
