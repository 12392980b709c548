import Course
import Foundation
import Grader
import LambdaRuntime
import Progress
import SystemSupport
import Workspace

extension CommandSpec {
  /// `lambdalings check [EXERCISE] [--json]`.
  static let check = CommandSpec(
    name: "check", abstract: "Grade an exercise (default: the current one).",
    usage: "check [EXERCISE] [--json]",
    discussion: """
      Runs your handler from the workspace on the local Lambda runtime against every case of
      the exercise, prints what passed and what did not (expected vs got, the handler's error,
      the last log lines), and records the attempt in your progress. Exit code 0 when every
      case passes, 1 when one fails.
      """,
    arguments: [
      ArgumentSpec(
        "EXERCISE",
        help: "The exercise id (default: the exercise folder you are in, else the current one).")
    ],
    options: [
      OptionSpec(long: "json", help: "Print the results as JSON."),
      OptionSpec(long: "verbose", help: "Say which interpreter runs and how it was found."),
    ]
  ) { invocation in
    let context = invocation.context
    // The outline picks the exercise; only that exercise is then loaded whole.
    let chosen = try ExerciseSelection.exercise(invocation, course: try context.courseOutline())
    let (course, exercise) = try context.course(completing: chosen)
    let outcome = try CheckRun.run(exercise, course: course, context: context)
    if invocation.args.flag("verbose") {
      for note in Interpreter.resolutionNotes() { invocation.err.write("interpreter: \(note)\n") }
    }
    if invocation.args.flag("json") {
      invocation.out.write(GradeReportPrinter.json(outcome.report, next: outcome.next))
    } else {
      CheckRun.printHuman(outcome, exercise: exercise, out: invocation.out, context: context)
    }
    if let saveError = outcome.saveError { throw saveError }
    if outcome.report.setupError != nil { return ExitCode.usageOrContent }
    return outcome.report.passed ? ExitCode.success : ExitCode.failure
  }
}

/// One check: grade the learner's file, record it, work out the next step.
enum CheckRun {
  struct Outcome {
    var report: GradeReport
    /// The learner's file, as the user named the workspace.
    var file: String
    /// After a pass: the next step (nil when the course is done).
    var next: NextStep?
    /// After a pass, when the next step is an exercise: the learner's file for it.
    var nextFile: String?
    /// Why the attempt could not be recorded, to report after the grade.
    var saveError: CLIError?
  }

  /// Grades the learner's copy of `exercise` and records the attempt (not when the handler
  /// could not run at all, which is not the learner's fault).
  ///
  /// `workspace.json` is read once (`Context.workspace()`, shared with choosing the exercise)
  /// and `progress.json` once, inside `update`, whose result gives the next step.
  static func run(_ exercise: Exercise, course: Course, context: Context) throws -> Outcome {
    let workspace = try ExerciseSelection.workspace(
      for: exercise, course: course, context: context)
    let codeFile = workspace.exerciseFile(exercise)
    let language = workspace.language(for: exercise)
    var report = Grader.grade(exercise: exercise, codeFile: codeFile, language: language)
    if report.setupError == nil {
      report.results += deploymentResults(
        exercise, language: language, workspace: workspace.path)
    }
    let result = ExerciseResult(
      date: context.now, passed: report.passed, language: language.rawValue,
      casesPassed: report.passedCount, casesTotal: report.results.count,
      summary: GradeReportPrinter.summary(report))
    var saveError: CLIError?
    var recorded: ProgressDocument?
    if report.setupError == nil {
      do {
        recorded = try WorkspaceSetup.store(context).update { document in
          document.recordExerciseResult(exercise.id, result)
        }
      } catch {
        saveError = WorkspaceSetup.notSaved(error, what: "this result", context: context)
      }
    }
    var outcome = Outcome(
      report: report, file: context.display(codeFile), next: nil, saveError: saveError)
    if report.passed {
      // What `update` saved; when saving failed, the progress as it would be with this pass.
      var progress: ProgressDocument
      if let recorded {
        progress = recorded
      } else {
        progress = try WorkspaceSetup.store(context).load()
        progress.recordExerciseResult(exercise.id, result)
      }
      outcome.next = ExerciseSelection.nextStep(
        course: course, progress: progress, context: context)
      outcome.nextFile = ExerciseSelection.nextExerciseFile(
        course: course, progress: progress, context: context)
    }
    return outcome
  }

  /// The report, then the next step after a pass, or what to do after a failure.
  static func printHuman(
    _ outcome: Outcome, exercise: Exercise, out: OutputWriter, context: Context
  ) {
    GradeReportPrinter(out: out).print(outcome.report, displayFile: outcome.file)
    let styler = out.styler
    let report = outcome.report
    out.line()
    if report.setupError != nil {
      out.line("Fix the problem above and run '\(context.command("check \(exercise.id)"))' again.")
    } else if report.passed {
      out.line(styler.apply("Exercise \(exercise.id) passed!", .success))
      if let next = outcome.next {
        out.line("Next: \(next.description)")
        if let file = outcome.nextFile {
          out.line("    edit " + styler.apply(file, .emphasis) + ", then")
        }
        out.line("    " + styler.apply(next.command, .command))
      } else {
        out.line("That was the last step of the course. Well done!")
      }
    } else {
      let beside = [report.configFile.map { _ in "function.json" }, report.templateFile]
        .compactMap { $0 }
      let config =
        beside.isEmpty ? "" : " (and \(beside.joined(separator: " or ")) next to it)"
      out.line("Edit \(outcome.file)\(config) and check again:")
      out.line("    " + styler.apply(context.command("check \(exercise.id)"), .command))
      out.line(
        "Stuck? " + styler.apply(context.command("hint \(exercise.id)"), .command)
          + " shows the next hint.")
    }
  }
}
