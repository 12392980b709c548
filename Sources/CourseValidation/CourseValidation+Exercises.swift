import Course
import Foundation
import Grader
import LambdaRuntime
import SystemSupport

extension CourseValidation {
  /// A solution or a starter: a solution must pass every case, a starter fail at least one.
  public enum RunKind: String, Sendable {
    case solution
    case starter
  }

  /// What validating one exercise found: about the exercise as a whole (it cannot be run),
  /// or about one run of its solution or starter in one language.
  public struct ExerciseCheck: Sendable {
    public enum Outcome: Sendable {
      /// The spec has no cases or scenarios: nothing to run.
      case noCases(Diagnostic)
      /// Events the spec names cannot be built: the spec's fault, so nothing was run.
      case eventProblems([Diagnostic])
      /// The solution or starter file is not there.
      case missingFile(Diagnostic)
      /// The run did not behave as it must (a failing solution, a passing starter, a handler
      /// that cannot run), each problem at its line.
      case unexpected([Diagnostic])
      /// The run behaved as it must: `passed` of `checks` passed (all of them for a solution,
      /// not all for a starter).
      case asExpected(checks: Int, passed: Int)
    }

    public var exercise: Exercise
    /// The run's language and kind; nil when the exercise as a whole could not be run.
    public var language: Language?
    public var kind: RunKind?
    public var outcome: Outcome

    /// The problems to list with the others.
    public var problems: [Diagnostic] {
      switch outcome {
      case .noCases(let problem), .missingFile(let problem): return [problem]
      case .eventProblems(let problems), .unexpected(let problems): return problems
      case .asExpected: return []
      }
    }

    /// Whether it counts as a run (`validate` says how many of its runs went as expected).
    public var isRun: Bool { kind != nil }
  }

  /// What running every exercise found, in all.
  public struct ExerciseSummary: Sendable {
    /// Runs, a missing file included.
    public var total = 0
    /// Runs that behaved as they must.
    public var passed = 0
    public var problems: [Diagnostic] = []

    mutating func add(_ check: ExerciseCheck) {
      if check.isRun { total += 1 }
      if case .asExpected = check.outcome { passed += 1 }
      problems += check.problems
    }
  }

  /// One grading run: an exercise's solution or starter in one language.
  struct Job: Sendable {
    var exercise: Exercise
    var language: Language
    var kind: RunKind

    var file: AbsolutePath {
      kind == .solution ? exercise.solutionPath(language) : exercise.starterPath(language)
    }
  }

  /// Runs each exercise's solution and starter in each language, `parallelism` at a time (they
  /// mostly wait for interpreters), handing each finding to `report` in course order as soon
  /// as it and those before it are known: first what stops an exercise or a run before it
  /// starts, then the runs.
  public static func checkExercises(
    _ course: Course, parallelism: Int, report: (ExerciseCheck) -> Void
  ) -> ExerciseSummary {
    var summary = ExerciseSummary()
    func found(_ check: ExerciseCheck) {
      summary.add(check)
      report(check)
    }
    var jobs: [Job] = []
    for exercise in course.exercisesInOrder {
      if exercise.cases.isEmpty && exercise.scenarios.isEmpty {
        let problem = Diagnostic.error(
          "the exercise has no cases or scenarios", file: "\(exercise.directory)/spec.json",
          line: 1)
        found(ExerciseCheck(exercise: exercise, outcome: .noCases(problem)))
        continue
      }
      let eventProblems = eventProblems(exercise)
      if !eventProblems.isEmpty {
        found(ExerciseCheck(exercise: exercise, outcome: .eventProblems(eventProblems)))
        continue
      }
      for language in exercise.languages {
        for kind in [RunKind.solution, .starter] {
          let job = Job(exercise: exercise, language: language, kind: kind)
          guard FileManager.default.fileExists(atPath: job.file.string) else {
            let problem = Diagnostic.error(
              "the \(language.rawValue) \(kind.rawValue) file is missing; add it, or remove"
                + " \(language.rawValue) from the exercise's 'languages:'",
              file: job.file.string, line: 0)
            found(
              ExerciseCheck(
                exercise: exercise, language: language, kind: kind,
                outcome: .missingFile(problem)))
            continue
          }
          jobs.append(job)
        }
      }
    }
    let allJobs = jobs
    ConcurrentInvocations.run(count: allJobs.count, concurrency: max(1, parallelism)) { index in
      let job = allJobs[index]
      return Grader.grade(exercise: job.exercise, codeFile: job.file, language: job.language)
    } deliverInOrder: { index, graded in
      let job = allJobs[index]
      let problems = judge(graded, kind: job.kind, exercise: job.exercise, language: job.language)
      let outcome: ExerciseCheck.Outcome =
        problems.isEmpty
        ? .asExpected(checks: graded.results.count, passed: graded.passedCount)
        : .unexpected(problems)
      found(
        ExerciseCheck(
          exercise: job.exercise, language: job.language, kind: job.kind, outcome: outcome))
    }
    return summary
  }

  /// Events the spec names that cannot be built (a misspelt template, a bad `--set` path):
  /// the spec's fault, so it is reported at the case's line and nothing is run.
  static func eventProblems(_ exercise: Exercise) -> [Diagnostic] {
    let spec = "\(exercise.directory)/spec.json"
    var sources: [(name: String, line: Int, event: EventSource)] = exercise.cases.map {
      ($0.name, $0.line, $0.event)
    }
    for scenario in exercise.scenarios {
      sources += scenario.events.map { (scenario.name, scenario.line, $0) }
    }
    var problems: [Diagnostic] = []
    for source in sources {
      guard case .template(let name, let overrides) = source.event else { continue }
      do {
        _ = try EventTemplates.generate(
          name: name, overrides: overrides.map { (path: $0.path, value: $0.value) })
      } catch {
        problems.append(
          .error("'\(source.name)': \(error) Fix the spec.", file: spec, line: source.line))
      }
    }
    return problems
  }

  /// Grading runs at once: the runs mostly wait on interpreter start-up and handler sleeps, so
  /// four per core (at least 8; measured best on 2 cores), or `LAMBDALINGS_JOBS` when set.
  public static func defaultParallelism(environment: [String: String]) -> Int {
    if let text = environment["LAMBDALINGS_JOBS"], let count = Int(text), count > 0 {
      return count
    }
    return max(8, ProcessInfo.processInfo.activeProcessorCount * 4)
  }

  /// The problems of one run, each located at its failing case's line in spec.json (or
  /// api.json for an HTTP request): every failing case of a solution, a starter that passes, a
  /// handler that cannot run. Empty when the run behaved as it must.
  static func judge(_ report: GradeReport, kind: RunKind, exercise: Exercise, language: Language)
    -> [Diagnostic]
  {
    let who = "the \(language.rawValue) \(kind.rawValue)"
    if let setup = report.setupError {
      return [.error("\(who) could not run: \(setup)", file: report.codeFile.string, line: 0)]
    }
    switch kind {
    case .solution:
      if let failure = report.loadFailure {
        return [
          .error(
            "\(who) does not start: \(failure.errorType): \(failure.message)",
            file: report.codeFile.string, line: failure.line)
        ]
      }
      return report.results.filter { !$0.passed }.map { failure in
        let detail = failure.failures.map(\.sentence).joined(separator: "; ")
        let error = failure.error.map { " (\($0.split(separator: "\n").first ?? ""))" } ?? ""
        return .error(
          "\(who) fails '\(failure.name)': \(detail.isEmpty ? "failed" : detail)\(error);"
            + " fix the solution or the spec",
          file: "\(exercise.directory)/\(failure.specFile)", line: failure.line)
      }
    case .starter:
      guard report.passed else { return [] }
      return [
        .error(
          "\(who) passes every case; a starter must fail at least one so learners have work to do",
          file: report.codeFile.string, line: 0)
      ]
    }
  }
}
