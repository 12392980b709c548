import Course
import Foundation
import Progress
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
      let report = try WorkspaceSetup.create(
        at: WorkspaceSetup.path(context), course: course, language: nil, context: context)
      out.line(styler.apply("Welcome to Lambdalings!", .success))
      WorkspaceSetup.describe(report, to: out)
      out.line()
    }
    let progress = try WorkspaceSetup.progress(context)
    let status = CourseStatus(course: course, facts: WorkspaceSetup.facts(progress))
    out.line(styler.apply(course.title, .heading))
    if course.isEmpty {
      out.line("This course has no chapters, exercises or quizzes yet.")
      out.line("Course folder: \(course.root) (authors: see docs/authoring.md)")
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
      out.line("    " + styler.apply(NextStep.command(next, context: context), .command))
    } else {
      out.line(styler.apply("You have finished every step of this course. Well done!", .success))
    }
    let due = progress.reviewCards.values.filter { $0.due <= context.now }.count
    if due > 0 {
      out.line()
      out.line("\(due) review(s) due: " + styler.apply("lambdalings review", .command))
    }
    out.line()
    out.line(
      styler.apply(
        "Workspace: \(WorkspaceSetup.path(context))   All steps: lambdalings list", .dim))
    return ExitCode.success
  }
}

/// What the next step is and the exact command that starts it.
enum NextStep {
  static func describe(_ entry: CourseStatus.Entry) -> String {
    switch entry.step {
    case .chapter: return "read the chapter \"\(entry.title)\""
    case .exercise:
      return entry.state == .failed
        ? "finish the exercise \"\(entry.title)\"" : "solve the exercise \"\(entry.title)\""
    case .quiz: return "take the quiz \"\(entry.title)\""
    }
  }

  static func command(_ entry: CourseStatus.Entry, context: Context) -> String {
    func registered(_ name: String) -> Bool { CommandTable.all.contains { $0.name == name } }
    switch entry.step {
    case .chapter(let id):
      if registered("read") { return "lambdalings read \(id)" }
      let file = (try? context.course().chapter(id)?.file) ?? nil
      return "open \(file ?? id)"
    case .exercise(let id):
      if registered("check") { return "lambdalings check \(id)" }
      let workspace = try? WorkspaceSetup.existing(context)
      let exercise = try? context.course().exercise(id)
      if let workspace, let exercise {
        return "edit \(workspace.exerciseFile(exercise))"
      }
      return "edit the exercise \(id)"
    case .quiz(let id):
      return registered("quiz") ? "lambdalings quiz \(id)" : "open the quiz \(id)"
    }
  }
}
