import Course
import Foundation
import Progress
import Workspace

extension CommandSpec {
  /// `lambdalings progress [--json]`.
  static let progress = CommandSpec(
    name: "progress", abstract: "Summarise what is done, scores and what is due.",
    usage: "progress [--json] | progress reset [STEP] [--yes]",
    discussion: """
      --json prints the document instructors collect: the course id, the learner's workspace,
      every step with its status (done, attempted, failed, skipped, pending), attempts, scores
      and timestamps.
      'progress reset STEP' forgets one step (a chapter, exercise or quiz id, or kind:id such
      as quiz:limits when an id is both); 'progress reset' forgets everything. Your exercise
      files are not touched, and the progress file is first copied to
      progress.json.bak-<timestamp>. Asks for confirmation on a terminal; elsewhere pass --yes.
      """,
    arguments: [
      ArgumentSpec("ACTION", help: "reset, to forget progress."),
      ArgumentSpec("STEP", help: "With reset: the step to forget (default: all of them)."),
    ],
    options: [
      OptionSpec(long: "json", help: "Print machine-readable JSON."),
      OptionSpec(long: "yes", short: "y", help: "With reset: do not ask for confirmation."),
    ]
  ) { invocation in
    let context = invocation.context
    if let action = invocation.args.positional(0) {
      guard action == "reset" else {
        throw CLIError.usage(
          "unknown progress action '\(action)'",
          hint: "Use 'lambdalings progress' to see it or 'lambdalings progress reset [STEP]'.")
      }
      // Forgetting a quiz also forgets its review cards, which needs the quiz's questions.
      return try ProgressReset.run(invocation, course: try context.course())
    }
    let course = try context.courseOutline()
    let document = try WorkspaceSetup.progress(context)
    let status = CourseStatus(course: course, progress: document)
    let report = ProgressReport(
      course: course, status: status, document: document,
      workspace: context.workspacePath, now: context.now)
    if invocation.args.flag("json") {
      invocation.out.write(try report.json() + "\n")
    } else {
      let out = invocation.out
      out.lines(report.text(styler: out.styler))
      if try WorkspaceSetup.existing(context) == nil {
        out.line(
          "  (not created yet: " + out.styler.apply(context.command(""), .command)
            + " creates it and shows the first step)")
      } else if let next = status.next {
        out.line("Next: \(NextStep.describe(next))")
        out.line("    " + out.styler.apply(NextStep.command(next, context: context), .command))
      }
    }
    return ExitCode.success
  }
}
