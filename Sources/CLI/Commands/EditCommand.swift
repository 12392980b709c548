import Course
import Foundation
import SystemSupport

extension CommandSpec {
  /// `lambdalings edit [EXERCISE]`.
  static let edit = CommandSpec(
    name: "edit", abstract: "Open an exercise's file in your editor.",
    usage: "edit [EXERCISE]",
    discussion: """
      Opens your copy of the exercise's handler in $VISUAL or $EDITOR (like git does), or in vi
      or nano when neither is set. The editor gets the terminal; when it exits, edit shows the
      command that checks your work.
      """,
    arguments: [
      ArgumentSpec(
        "EXERCISE",
        help: "The exercise id (default: the exercise folder you are in, else the current one).")
    ]
  ) { invocation in
    let context = invocation.context
    let course = try context.course()
    let exercise = try ExerciseSelection.exercise(invocation, course: course)
    let workspace = try ExerciseSelection.workspace(
      for: exercise, course: course, context: context)
    let file = context.display(workspace.exerciseFile(exercise))
    let editor = try EditorChoice.choose(environment: context.environment)
    if let note = editor.note { invocation.err.line(note) }
    let exit: ProcessExit
    do {
      // `$@` keeps a file name with spaces whole; the editor setting may carry its own flags.
      exit = try ForegroundProcess.runShell(
        editor.command + " \"$@\"", arguments: [file], environment: context.environment)
    } catch {
      throw CLIError.content(
        "could not start the editor '\(editor.command)': \(error)\n"
          + "Set EDITOR to an editor that is installed, e.g. export EDITOR=nano.")
    }
    if exit == .exited(127) {
      throw CLIError.content(
        "the editor '\(editor.command)' was not found.\n"
          + "Set EDITOR to an editor that is installed, e.g. export EDITOR=nano.")
    }
    guard exit.isSuccess else {
      throw CLIError.content(
        "the editor '\(editor.command)' ended with \(exit); \(file) keeps what it saved.\n"
          + "Check the EDITOR setting, or open the file yourself.")
    }
    let styler = invocation.out.styler
    invocation.out.line(
      "Check it: " + styler.apply("lambdalings check \(exercise.id)", .command)
        + "  (or keep checking on every save: "
        + styler.apply("lambdalings watch", .command) + ")")
    return ExitCode.success
  }
}
