import Course
import Foundation
import LambdaRuntime
import SystemSupport

/// Runs a handler file against an exercise's cases and scenarios on the embedded runtime.
///
/// Cases that run with the same configuration share one `LambdaFunction`, so environments are
/// reused between them as on AWS (warm starts are real); a case with its own `function`
/// settings gets a function for them. Each scenario gets a fresh function, because its
/// `coldStarts` and `logOccurrences` count from a cold start. A function that does not start is
/// reported once (`loadFailure`), and after an unexpected timeout the remaining cases on that
/// configuration are skipped rather than waited for. Every function is shut down before
/// `grade` returns. On Ctrl-C the signal bridge the entry point installed kills the runtime
/// processes too (`ProcessGroupRegistry`).
public enum Grader {
  /// Grades `codeFile` (the learner's file, a starter or a solution) in `language`.
  ///
  /// `searchPath` replaces PATH when looking for the interpreter (nil: the inherited PATH).
  /// `functions` makes the functions the cases run on: the embedded runtime, unless a test
  /// passes a fake.
  public static func grade(
    exercise: Exercise, codeFile: AbsolutePath, language: Language, searchPath: String? = nil,
    functions: any GradedFunctionMaker = RuntimeFunctionMaker()
  ) -> GradeReport {
    var report = GradeReport(
      exerciseID: exercise.id, language: language, codeFile: codeFile)
    if let problem = missingFile(codeFile) {
      report.setupError = problem
      return report
    }
    let settings: FunctionSettings
    do {
      (settings, report.configFile) = try baseSettings(
        exercise, codeFile: codeFile, language: language)
    } catch {
      report.setupError = "\(error)"
      return report
    }
    var run = GradeRun(
      exercise: exercise, codeFile: codeFile, language: language, settings: settings,
      searchPath: searchPath, maker: functions)
    defer { run.pool.shutdown() }
    do {
      report.results = try CaseGroups.run(exercise.cases, on: &run)
      for scenario in exercise.scenarios {
        report.results.append(try run.runScenario(scenario))
      }
      try gradeAPI(exercise, codeFile: codeFile, language: language, into: &report)
    } catch let error as LambdaRuntimeError {
      report.setupError = error.description
    } catch {
      report.setupError = "\(error)"
    }
    report.loadFailure = run.loadFailure
    return report
  }

  /// The configuration for an exercise and a handler file, before any case's own settings.
  public static func configuration(
    _ exercise: Exercise, _ codeFile: AbsolutePath, _ language: Language
  )
    -> FunctionConfiguration
  {
    let settings =
      (try? baseSettings(exercise, codeFile: codeFile, language: language).0)
      ?? exercise.headerSettings
    return configuration(exercise, codeFile, language, settings)
  }

  /// The configuration for resolved settings.
  static func configuration(
    _ exercise: Exercise, _ codeFile: AbsolutePath, _ language: Language,
    _ settings: FunctionSettings
  ) -> FunctionConfiguration {
    FunctionConfiguration(
      name: exercise.id,
      codePath: codeFile.parent,
      handler: settings.handler(for: language) ?? language.defaultHandler,
      runtime: language == .python ? .python : .nodejs,
      timeout: settings.timeoutSeconds ?? exercise.timeoutSeconds,
      memoryMB: settings.memoryMB ?? exercise.memoryMB,
      environment: settings.resolvedEnvironment,
      reservedConcurrency: settings.reservedConcurrency)
  }

  /// The exercise header's settings, with the learner's `function.json` over them when the
  /// exercise has one (read from the handler file's folder), and the file that was read.
  static func baseSettings(_ exercise: Exercise, codeFile: AbsolutePath, language: Language)
    throws -> (FunctionSettings, AbsolutePath?)
  {
    guard exercise.usesConfigFile else { return (exercise.headerSettings, nil) }
    let path = codeFile.parent.appending(Exercise.configFileName)
    guard let data = FileManager.default.contents(atPath: path.string) else {
      throw GraderError(
        "\(path) is missing; this exercise's function configuration lives there. Copy the "
          + "starter's back: cp \(exercise.starterConfigPath(language)) \(path)")
    }
    var reader = FunctionSettingsReader(file: path.string)
    let learner = reader.read(text: String(decoding: data, as: UTF8.self))
    if !reader.diagnostics.isEmpty {
      let lines = reader.diagnostics.map(\.description).joined(separator: "\n")
      throw GraderError("\(lines)\nFix \(Exercise.configFileName) and check again.")
    }
    return (exercise.headerSettings.overridden(by: learner), path)
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
  static func missingFile(_ path: AbsolutePath) -> String? {
    guard !FileManager.default.fileExists(atPath: path.string) else { return nil }
    return "\(path) does not exist; restore the starter with 'lambdalings reset' or create it"
  }
}

/// A problem that stops grading before any case runs.
struct GraderError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
