import Course
import Terminal
import Workspace

extension CommandSpec {
  /// `lambdalings next [--no-pager]`.
  static let next = CommandSpec(
    name: "next", abstract: "Go to the next unfinished step and show it.",
    usage: "next [--skip] [--no-pager]",
    discussion: """
      Finds the first step of the course you have not finished. A chapter is shown as 'read'
      shows it (and marked read); an exercise shows its task, the file to edit and the command
      that checks it; a quiz shows the command that starts it. A quiz is finished once you reach
      its pass mark (70% unless the quiz sets another). --skip sets the current step aside on
      purpose and goes to the one after it; a skipped step stays in 'lambdalings list' (marked
      skipped) and counts as done once you pass it. 'lambdalings progress reset STEP' undoes a
      skip.
      """,
    options: [
      OptionSpec(long: "skip", help: "Skip the current step on purpose and show the next one."),
      OptionSpec(long: "no-pager", help: "Print a chapter straight to the terminal."),
    ]
  ) { invocation in
    let context = invocation.context
    let course = try context.course()
    var progress = try WorkspaceSetup.progress(context)
    var status = CourseStatus(course: course, progress: progress)
    let out = invocation.out
    let styler = out.styler
    if invocation.args.flag("skip") {
      guard let current = status.next else {
        throw CLIError.usage("there is no step left to skip: every step is done or skipped")
      }
      guard try WorkspaceSetup.existing(context) != nil else {
        throw CLIError.usage(
          "there is no workspace yet, so there is nothing to skip",
          hint: "Start with '\(context.command(""))'.")
      }
      progress = try WorkspaceSetup.store(context).update { document in
        var skipped = document.skipped ?? []
        if !skipped.contains(current.step.description) { skipped.append(current.step.description) }
        document.skipped = skipped
      }
      status = CourseStatus(course: course, progress: progress)
      out.line(
        "Skipped the \(current.step.kind) \(current.step.id) for now; it stays in the list and"
          + " counts once you finish it: "
          + styler.apply(NextStep.command(current, context: context), .command))
      out.line()
    }
    guard let entry = status.next else {
      out.line(
        styler.apply("You have finished every step of \(course.title).", .success)
          + " Keep it fresh with " + styler.apply(context.command("review"), .command) + ".")
      return ExitCode.success
    }
    switch entry.step {
    case .chapter(let id):
      var args = invocation.args
      args.positionals = [id]
      return try CommandSpec.read.run(
        CommandRun(args: args, context: context, command: .read))
    case .exercise(let id):
      let exercise = try ExerciseSelection.named(id, course: course)
      return try NextCommandSupport.showExercise(exercise, course: course, invocation: invocation)
    case .quiz:
      out.line("Next: \(NextStep.describe(entry))")
      out.line("    " + styler.apply(NextStep.command(entry, context: context), .command))
      if entry.state == .attempted {
        out.line(
          "To move on without it for now: "
            + styler.apply(context.command("next --skip"), .command))
      }
      return ExitCode.success
    }
  }
}

enum NextCommandSupport {
  /// The exercise's task, the learner's file and the commands that check it.
  static func showExercise(_ exercise: Exercise, course: Course, invocation: CommandRun) throws
    -> ExitCode
  {
    let context = invocation.context
    let out = invocation.out
    let styler = out.styler
    let workspace = try ExerciseSelection.workspace(
      for: exercise, course: course, context: context)
    // The statement's own `# Title` is not repeated after "Exercise ID: title".
    let task = ReadCommandSupport.task(exercise)
    let titled = task == exercise.statement || task == exercise.statement + "\n"
    out.line(
      styler.apply(
        titled ? "Exercise \(exercise.id)" : "Exercise \(exercise.id): \(exercise.title)",
        .heading))
    out.write(
      out.rendered(
        markdown: exercise.statement, links: CourseLinks(course: course, context: context)))
    out.line()
    out.line(
      "Edit: " + styler.apply(context.display(workspace.exerciseFile(exercise)), .emphasis) + " ("
        + styler.apply(context.command("edit \(exercise.id)"), .command) + " opens it)")
    out.line("Check it: " + styler.apply(context.command("check \(exercise.id)"), .command))
    out.line(
      "Or re-check on every save: "
        + styler.apply(context.command("watch \(exercise.id)"), .command))
    return ExitCode.success
  }
}
