import Course
import Foundation
import Grader

/// The exercise part of `validate`: solutions must pass, starters must fail.
enum Validation {
  /// What running every exercise found.
  struct Checks {
    var total = 0
    var passed = 0
    var diagnostics: [Diagnostic] = []
  }

  /// Diagnostics with exact duplicates removed (the loader and the quiz library both report
  /// some quiz problems), first occurrence kept.
  static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var seen: Set<String> = []
    return diagnostics.filter { seen.insert($0.description).inserted }
  }

  /// Runs each exercise's solution and starter in each language, printing one line per run.
  static func checkExercises(_ course: Course, out: OutputWriter) -> Checks {
    var checks = Checks()
    guard !course.exercises.isEmpty else { return checks }
    out.line()
    out.line(out.styler.apply("Exercises", .heading))
    let mark = (
      pass: out.styler.apply(out.settings.supportsUnicode ? "✓" : "ok", .success),
      fail: out.styler.apply(out.settings.supportsUnicode ? "✗" : "FAIL", .error)
    )
    for exercise in course.exercises {
      let spec = "\(exercise.directory)/spec.json"
      if exercise.cases.isEmpty && exercise.scenarios.isEmpty {
        checks.diagnostics.append(
          .error("the exercise has no cases or scenarios", file: spec, line: 1))
        continue
      }
      for language in exercise.languages {
        for kind in [RunKind.solution, .starter] {
          checks.total += 1
          let file =
            kind == .solution ? exercise.solutionPath(language) : exercise.starterPath(language)
          let report = Grader.grade(exercise: exercise, codeFile: file, language: language)
          let problem = judge(report, kind: kind, exercise: exercise, language: language)
          let label = "\(exercise.id) (\(language.rawValue)) \(kind.rawValue)"
          if let problem {
            checks.diagnostics.append(problem)
            out.line("  \(mark.fail) \(label): \(problem.message)")
          } else {
            checks.passed += 1
            let verdict =
              kind == .solution
              ? "passes all \(report.results.count)"
              : "fails \(report.results.count - report.passedCount) of \(report.results.count)"
            out.line("  \(mark.pass) \(label) \(verdict) check(s)")
          }
        }
      }
    }
    return checks
  }

  enum RunKind: String {
    case solution
    case starter
  }

  /// The problem with one run, located at the failing case's line in spec.json; nil when the
  /// run behaved as it must.
  static func judge(_ report: GradeReport, kind: RunKind, exercise: Exercise, language: Language)
    -> Diagnostic?
  {
    let spec = "\(exercise.directory)/spec.json"
    let who = "the \(language.rawValue) \(kind.rawValue)"
    if let setup = report.setupError {
      return .error("\(who) could not run: \(setup)", file: report.codeFile, line: 0)
    }
    switch kind {
    case .solution:
      guard let failure = report.firstFailure else { return nil }
      let detail = failure.failures.first ?? "failed"
      return .error(
        "\(who) fails '\(failure.name)': \(detail); fix the solution or the spec",
        file: spec, line: failure.line)
    case .starter:
      guard report.passed else { return nil }
      return .error(
        "\(who) passes every case; a starter must fail at least one so learners have work to do",
        file: report.codeFile, line: 0)
    }
  }
}
