import Course
import Foundation
import LambdaRuntime

/// Runs a handler file against an exercise's cases and scenarios on the embedded runtime.
///
/// One `LambdaFunction` serves every case, so environments are reused between cases as on AWS
/// (warm starts are real); each scenario gets a fresh one, because its `coldStarts` and
/// `logOccurrences` count from a cold start. Every function is shut down before `grade`
/// returns. Callers
/// that may be interrupted install `ProcessGroupRegistry.installSignalHandlers()` so Ctrl-C
/// kills the runtime processes too.
public enum Grader {
  /// Grades `codeFile` (the learner's file, a starter or a solution) in `language`.
  ///
  /// `searchPath` replaces PATH when looking for the interpreter (nil: the inherited PATH).
  public static func grade(
    exercise: Exercise, codeFile: String, language: Language, searchPath: String? = nil
  ) -> GradeReport {
    var report = GradeReport(
      exerciseID: exercise.id, language: language.rawValue, codeFile: codeFile)
    if let problem = missingFile(codeFile) {
      report.setupError = problem
      return report
    }
    var configuration = configuration(exercise, codeFile, language)
    if let searchPath { configuration.environment["PATH"] = searchPath }
    do {
      if !exercise.cases.isEmpty {
        let function = try LambdaFunction(configuration: configuration)
        defer { function.shutdown() }
        for item in exercise.cases {
          report.results.append(run(item, on: function))
        }
      }
      for scenario in exercise.scenarios {
        // A scenario counts cold starts and init side effects from a fresh start, so it gets
        // its own function; its invocations share it, so warm reuse inside it is real.
        let function = try LambdaFunction(configuration: configuration)
        defer { function.shutdown() }
        report.results.append(ScenarioRunner.run(scenario, on: function))
      }
      try gradeAPI(exercise, codeFile: codeFile, language: language, into: &report)
    } catch let error as LambdaRuntimeError {
      report.setupError = error.description
    } catch {
      report.setupError = "\(error)"
    }
    return report
  }

  /// The function configuration for an exercise and a handler file.
  public static func configuration(_ exercise: Exercise, _ codeFile: String, _ language: Language)
    -> FunctionConfiguration
  {
    FunctionConfiguration(
      name: exercise.id,
      codePath: URL(fileURLWithPath: codeFile).deletingLastPathComponent().path,
      handler: exercise.handlers[language] ?? language.defaultHandler,
      runtime: language == .python ? .python : .nodejs,
      timeout: exercise.timeoutSeconds, memoryMB: exercise.memoryMB)
  }

  /// Runs one case and checks its expectation.
  static func run(_ item: ExerciseCase, on function: LambdaFunction) -> CaseResult {
    var result = CaseResult(name: item.name, kind: .case, line: item.line)
    let event: Data
    do {
      event = try eventData(item.event)
    } catch {
      result.failures = ["the case's event could not be built: \(error)"]
      return result
    }
    let outcome = InvocationOutcome(function.invoke(event: event))
    result.durationMs = outcome.record.durationMs
    result.failures = ExpectationChecker.failures(item.expect, outcome)
    if !result.passed {
      result.error = outcome.errorDescription()
      result.logTail = outcome.logTail()
    }
    return result
  }

  /// The JSON bytes of an event: inline text, or a template with its overrides applied.
  static func eventData(_ source: EventSource) throws -> Data {
    switch source {
    case .inline(let text):
      return Data(text.utf8)
    case .template(let name, let overrides):
      return try EventTemplates.generate(
        name: name, overrides: overrides.map { (path: $0.path, value: $0.value) })
    }
  }

  /// A message when the handler file is missing, naming the file and what to do.
  static func missingFile(_ path: String) -> String? {
    guard !FileManager.default.fileExists(atPath: path) else { return nil }
    return "\(path) does not exist; restore the starter with 'lambdalings reset' or create it"
  }
}
