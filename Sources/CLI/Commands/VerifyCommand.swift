import Course
import Foundation
import Grader
import Progress
import SystemSupport
import Workspace

extension CommandSpec {
  /// `lambdalings verify`: re-grades every exercise the learner has touched.
  static let verify = CommandSpec(
    name: "verify", abstract: "Re-grade every exercise you have worked on and update progress.",
    usage: "verify",
    discussion: """
      Runs 'check' on every exercise you have checked before or whose file differs from its
      starter, prints one line each and records the results, so your progress matches your
      files (as rustlings' verify does). Exit code 0 when all of them pass, 1 otherwise.
      """
  ) { invocation in
    let context = invocation.context
    let course = try context.course()
    let out = invocation.out
    let styler = out.styler
    guard let workspace = try WorkspaceSetup.existing(context) else {
      out.line("There is no workspace yet, so there is nothing to verify.")
      out.line("Start with " + styler.apply(context.command(""), .command) + ".")
      return ExitCode.success
    }
    let progress = try WorkspaceSetup.store(context).load()
    let touched = course.exercisesInOrder.filter {
      VerifySupport.isTouched($0, workspace, progress)
    }
    guard !touched.isEmpty else {
      out.line("You have not worked on any exercise yet.")
      if let first = course.exercisesInOrder.first {
        out.line(
          "Start with " + styler.apply(context.command("next"), .command) + " or "
            + styler.apply(context.command("check \(first.id)"), .command) + ".")
      }
      return ExitCode.success
    }
    let glyphs = (
      pass: styler.mark(passed: true, unicode: out.settings.supportsUnicode),
      fail: styler.mark(passed: false, unicode: out.settings.supportsUnicode)
    )
    var failed: [Exercise] = []
    var saveError: CLIError?
    for exercise in touched {
      let outcome = try CheckRun.run(exercise, course: course, context: context)
      saveError = saveError ?? outcome.saveError
      let report = outcome.report
      let total = report.results.count
      if report.passed {
        out.line("  \(glyphs.pass) \(exercise.id)  \(report.passedCount)/\(total) checks")
      } else {
        failed.append(exercise)
        let detail =
          report.setupError.map { "could not run: \($0)" }
          ?? "\(report.passedCount)/\(total) checks"
        out.line("  \(glyphs.fail) \(exercise.id)  \(detail)")
      }
    }
    out.line()
    out.line(
      "\(touched.count - failed.count) of \(Plural.count(touched.count, "exercise")) pass;"
        + " progress updated.")
    if let first = failed.first {
      out.line(
        "See what fails with " + styler.apply(context.command("check \(first.id)"), .command)
          + ".")
    }
    if let saveError { throw saveError }
    return failed.isEmpty ? ExitCode.success : ExitCode.failure
  }
}

/// Which exercises `verify` re-grades.
enum VerifySupport {
  /// Checked before, or the learner's file differs from the starter.
  static func isTouched(_ exercise: Exercise, _ workspace: Workspace, _ progress: ProgressDocument)
    -> Bool
  {
    if let record = progress.exercises[exercise.id], record.attempts > 0 { return true }
    let file = workspace.exerciseFile(exercise).string
    guard let mine = FileManager.default.contents(atPath: file) else { return false }
    let starter = FileManager.default.contents(
      atPath: exercise.starterPath(workspace.language(for: exercise)).string)
    return mine != starter
  }
}
