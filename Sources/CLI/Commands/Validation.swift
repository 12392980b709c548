import Course
import Foundation
import Grader
import LambdaRuntime

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

  /// One grading run of `validate`: an exercise's solution or starter in one language.
  struct Job {
    var exercise: Exercise
    var language: Language
    var kind: RunKind
  }

  /// Runs each exercise's solution and starter in each language, printing one line per run in
  /// course order. Runs go `parallelism` at a time (they mostly wait for interpreters).
  static func checkExercises(_ course: Course, out: OutputWriter, parallelism: Int? = nil)
    -> Checks
  {
    var checks = Checks()
    guard !course.exercises.isEmpty else { return checks }
    out.line()
    out.line(out.styler.apply("Exercises", .heading))
    let mark = (
      pass: out.styler.apply(out.settings.supportsUnicode ? "✓" : "ok", .success),
      fail: out.styler.apply(out.settings.supportsUnicode ? "✗" : "FAIL", .error)
    )
    var jobs: [Job] = []
    for exercise in course.exercisesInOrder {
      if exercise.cases.isEmpty && exercise.scenarios.isEmpty {
        checks.diagnostics.append(
          .error(
            "the exercise has no cases or scenarios", file: "\(exercise.directory)/spec.json",
            line: 1))
        continue
      }
      let eventProblems = eventProblems(exercise)
      if !eventProblems.isEmpty {
        checks.diagnostics += eventProblems
        out.line(
          "  \(mark.fail) \(exercise.id): not run, its spec has "
            + Plural.count(eventProblems.count, "event problem") + " (below)")
        continue
      }
      for language in exercise.languages {
        for kind in [RunKind.solution, .starter] {
          let file =
            kind == .solution ? exercise.solutionPath(language) : exercise.starterPath(language)
          guard FileManager.default.fileExists(atPath: file) else {
            checks.total += 1
            checks.diagnostics.append(
              .error(
                "the \(language.rawValue) \(kind.rawValue) file is missing; add it, or remove"
                  + " \(language.rawValue) from the exercise's 'languages:'",
                file: file, line: 0))
            out.line(
              "  \(mark.fail) \(exercise.id) (\(language.rawValue)) \(kind.rawValue): file missing"
                + " (below)")
            continue
          }
          jobs.append(Job(exercise: exercise, language: language, kind: kind))
        }
      }
    }
    let workers = parallelism ?? defaultParallelism
    let allJobs = jobs
    ConcurrentInvocations.run(count: allJobs.count, concurrency: workers) { index in
      let job = allJobs[index]
      let file =
        job.kind == .solution
        ? job.exercise.solutionPath(job.language) : job.exercise.starterPath(job.language)
      return Grader.grade(exercise: job.exercise, codeFile: file, language: job.language)
    } deliverInOrder: { index, report in
      let job = jobs[index]
      checks.total += 1
      let problems = judge(
        report, kind: job.kind, exercise: job.exercise, language: job.language)
      let label = "\(job.exercise.id) (\(job.language.rawValue)) \(job.kind.rawValue)"
      if let first = problems.first {
        checks.diagnostics += problems
        let more = problems.count > 1 ? " (and \(problems.count - 1) more below)" : ""
        out.line("  \(mark.fail) \(label): \(first.message)\(more)")
      } else {
        checks.passed += 1
        let total = report.results.count
        let verdict =
          job.kind == .solution
          ? (total == 1 ? "passes its 1 check" : "passes all \(total) checks")
          : "fails \(total - report.passedCount) of \(Plural.count(total, "check"))"
        out.line("  \(mark.pass) \(label) \(verdict)")
      }
    }
    return checks
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
  static var defaultParallelism: Int {
    if let text = ProcessInfo.processInfo.environment["LAMBDALINGS_JOBS"], let count = Int(text),
      count > 0
    {
      return count
    }
    return max(8, ProcessInfo.processInfo.activeProcessorCount * 4)
  }

  enum RunKind: String {
    case solution
    case starter
  }

  /// The problems of one run, each located at its failing case's line in spec.json (or
  /// api.json for an HTTP request): every
  /// failing case of a solution, a starter that passes, a handler that cannot run. Empty when
  /// the run behaved as it must.
  static func judge(_ report: GradeReport, kind: RunKind, exercise: Exercise, language: Language)
    -> [Diagnostic]
  {
    let who = "the \(language.rawValue) \(kind.rawValue)"
    if let setup = report.setupError {
      return [.error("\(who) could not run: \(setup)", file: report.codeFile, line: 0)]
    }
    switch kind {
    case .solution:
      if let failure = report.loadFailure {
        return [
          .error(
            "\(who) does not start: \(failure.errorType): \(failure.message)",
            file: report.codeFile, line: failure.line)
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
          file: report.codeFile, line: 0)
      ]
    }
  }
}
