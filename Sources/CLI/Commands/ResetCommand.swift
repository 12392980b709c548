import Course
import Foundation
import SystemSupport
import Workspace

extension CommandSpec {
  /// `lambdalings reset [EXERCISE] [--yes]`.
  static let reset = CommandSpec(
    name: "reset", abstract: "Restore an exercise's starter file (your file is kept as a backup).",
    usage: "reset [EXERCISE] [--yes]",
    discussion: """
      Replaces your copy of the exercise with the starter. Your file is first renamed to
      <file>.bak-<timestamp> next to it, so no work is lost. Asks for confirmation on a
      terminal; elsewhere, pass --yes.
      """,
    arguments: [
      ArgumentSpec(
        "EXERCISE",
        help: "The exercise id (default: the exercise folder you are in, else the current one).")
    ],
    options: [OptionSpec(long: "yes", short: "y", help: "Do not ask for confirmation.")]
  ) { invocation in
    let context = invocation.context
    let course = try context.course()
    let exercise = try ExerciseSelection.exercise(invocation, course: course)
    let out = invocation.out
    if try WorkspaceSetup.existing(context) == nil {
      _ = try ExerciseSelection.workspace(for: exercise, course: course, context: context)
      out.line("Your workspace was just created, so \(exercise.id) already holds its starter.")
      return ExitCode.success
    }
    let workspace = try ExerciseSelection.workspace(
      for: exercise, course: course, context: context)
    let target = workspace.exerciseFile(exercise)
    // Files are read and written by their absolute path and named as the learner sees them.
    let file = context.display(target)
    let starter = exercise.starterPath(workspace.language(for: exercise))
    guard let starterData = FileManager.default.contents(atPath: starter.string) else {
      throw CLIError.content(
        "\(starter): the starter file is missing; the course author must add it")
    }
    if FileManager.default.contents(atPath: target.string) == starterData {
      out.line("\(file) already holds the starter; nothing to reset.")
      out.line("Next: edit it, then check it:")
      out.line("    " + out.styler.apply(context.command("check \(exercise.id)"), .command))
      return ExitCode.success
    }
    if !invocation.args.flag("yes") {
      guard context.stdinIsTTY else {
        throw CLIError.usage(
          "reset replaces \(file) and needs confirmation",
          hint: "Run it in a terminal to be asked, or pass --yes (your file is kept as a backup).")
      }
      out.write(
        out.fitted("Replace \(file) with the starter? Your file is kept as a backup. [y/N]") + " ")
      let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
      guard answer == "y" || answer == "yes" else {
        out.line("Nothing changed.")
        return ExitCode.success
      }
    }
    let backup = context.display(try FileBackup.backUp(target, now: context.now))
    do {
      try starterData.write(to: target.url)
    } catch {
      throw CLIError.content(
        "could not write \(file): \(error.localizedDescription.trimmingFinalPeriod); your work is safe in \(backup)"
      )
    }
    out.line("Restored the starter of \(exercise.id) in \(file).")
    out.line("Your previous file is kept as \(backup).")
    out.line()
    out.line("Next: edit \(out.styler.apply(file, .emphasis)), then check it:")
    out.line("    " + out.styler.apply(context.command("check \(exercise.id)"), .command))
    return ExitCode.success
  }
}
