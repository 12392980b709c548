import Course
import Foundation
import Progress
import SystemSupport
import Terminal
import Workspace

extension CommandSpec {
  /// Bare `lambdalings`: where you are and the exact next command; sets up a workspace first.
  static let dashboard = CommandSpec(
    name: "dashboard", abstract: "Show where you are and what to do next (the default).",
    usage: "[dashboard]",
    discussion: "On the first run this also creates your workspace and says where it is."
  ) { invocation in
    let context = invocation.context
    let out = invocation.out
    let styler = out.styler
    let firstRun = try WorkspaceSetup.existing(context) == nil
    let course = try firstRun ? context.course() : context.courseOutline()
    if firstRun {
      let report = try WorkspaceSetup.create(course: course, language: nil, context: context)
      out.line(styler.apply("Welcome to Lambdalings!", .success))
      WorkspaceSetup.describe(report, context: context, to: out)
      out.line()
      // Started through `swift run` or a full path: `lambdalings` in the hints below would not
      // be found by the shell (or would be another copy), so say once how to make it work.
      if let alias = ShellAlias.suggestion(
        executable: Platform.executablePath(), environment: context.environment,
        currentDirectory: context.currentDirectory.string)
      {
        out.line(
          "The commands below start with 'lambdalings', which your shell does not run as this"
            + " program. Run this once (add it to ~/.bashrc or ~/.zshrc to keep it):")
        // Never wrapped by us: a line break inside the path would break the copied command.
        out.write("    " + styler.apply(alias, .command) + "\n")
        out.line()
      }
    }
    let progress = try WorkspaceSetup.progress(context)
    let status = CourseStatus(course: course, progress: progress)
    out.line(styler.apply(course.title, .heading))
    if course.isEmpty {
      out.line("This course has no chapters, exercises or quizzes yet.")
      out.line("Course folder: \(context.display(course.root)) (authors: see docs/authoring.md)")
      return ExitCode.success
    }
    let barWidth = max(10, min(40, out.settings.width - 20))
    out.line(
      ProgressBar.render(
        completed: status.completed, total: status.entries.count, width: barWidth,
        settings: out.settings) + " steps")
    out.line()
    if let next = status.next {
      let mark = StatusGlyph.current.rendered(out.settings)
      out.line("\(mark) Next: \(NextStep.describe(next))")
      if case .exercise(let id) = next.step, let exercise = course.exercise(id),
        let workspace = try WorkspaceSetup.existing(context)
      {
        out.line(
          "    edit " + styler.apply(context.display(workspace.exerciseFile(exercise)), .emphasis)
            + ", then")
      }
      out.line("    " + styler.apply(NextStep.command(next, context: context), .command))
      if next.state == .attempted {
        let passMark = course.quiz(next.step.id)?.passMark ?? QuizSource.defaultPassMark
        out.line(
          "  It is done once you score \(NextStep.percent(passMark)); to move on without it: "
            + styler.apply(context.command("next --skip"), .command))
      }
    } else {
      out.line(styler.apply("You have finished every step of this course. Well done!", .success))
    }
    let due = progress.dueReviewCards(at: context.now).count
    if due > 0 {
      out.line()
      out.line(
        "\(Plural.count(due, "review")) due: " + styler.apply(context.command("review"), .command))
    }
    out.line()
    let workspace = "Workspace: \(context.display(context.workspacePath))"
    // The command is glued (`CommandText`) so wrapping moves it to the next line whole.
    let list = "All steps: " + CommandText.glued(context.command("list"))
    // Side by side when they fit the terminal, else one under the other.
    let together = workspace + "   " + list
    if out.fits(together) {
      out.line(styler.apply(together, .dim))
    } else {
      out.line(styler.apply(workspace, .dim))
      out.line(styler.apply(list, .dim))
    }
    return ExitCode.success
  }
}
