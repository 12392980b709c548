import Course
import Progress
import Terminal

extension CommandSpec {
  /// `lambdalings hint [EXERCISE]`.
  static let hint = CommandSpec(
    name: "hint", abstract: "Show the next hint of an exercise, one at a time.",
    usage: "hint [EXERCISE] [--all]",
    discussion: """
      Each call shows one more hint, each stronger than the last; your progress remembers how
      many you have seen. When there are no more, it says so and points at the solution.
      --all shows again every hint you have already seen, without revealing a new one.
      """,
    arguments: [
      ArgumentSpec(
        "EXERCISE",
        help: "The exercise id (default: the exercise folder you are in, else the current one).")
    ],
    options: [OptionSpec(long: "all", help: "Show every hint you have seen so far.")]
  ) { invocation in
    let context = invocation.context
    let course = try context.course()
    let exercise = try ExerciseSelection.exercise(invocation, course: course)
    let links = CourseLinks(course: course, context: context)
    let out = invocation.out
    let styler = out.styler
    let total = exercise.hints.count
    guard total > 0 else {
      out.line("The exercise \(exercise.id) has no hints.")
      return ExitCode.success
    }
    _ = try ExerciseSelection.workspace(for: exercise, course: course, context: context)
    let shown = min(
      total, try WorkspaceSetup.progress(context).exercises[exercise.id]?.hintsUsed ?? 0)
    if invocation.args.flag("all") {
      guard shown > 0 else {
        out.line("You have not seen any hint of \(exercise.id) yet.")
        out.line(
          "The first one: " + styler.apply(context.command("hint \(exercise.id)"), .command))
        return ExitCode.success
      }
      for number in 1...shown {
        if number > 1 { out.line() }
        out.line(styler.apply("Hint \(number) of \(total) for \(exercise.id)", .heading))
        out.write(out.rendered(markdown: exercise.hints[number - 1], links: links))
      }
      out.line()
      if shown < total {
        out.line(
          "\(Plural.count(total - shown, "more hint")) with "
            + styler.apply(context.command("hint \(exercise.id)"), .command) + ".")
      } else {
        out.line("That is every hint of \(exercise.id).")
      }
      return ExitCode.success
    }
    guard shown < total else {
      out.line("No more hints for \(exercise.id): you have seen all \(total).")
      out.line(
        "Check your handler with " + styler.apply(context.command("check \(exercise.id)"), .command)
          + ", or read the reference solution with "
          + styler.apply(context.command("solution \(exercise.id) --force"), .command) + ".")
      return ExitCode.success
    }
    let number = shown + 1
    out.line(styler.apply("Hint \(number) of \(total) for \(exercise.id)", .heading))
    out.write(out.rendered(markdown: exercise.hints[number - 1], links: links))
    do {
      _ = try WorkspaceSetup.store(context).update { document in
        document.recordHintShown(exercise: exercise.id, number: number)
      }
    } catch {
      throw WorkspaceSetup.notSaved(error, what: "this hint", context: context)
    }
    // Inside `watch` the next hint is a key away and a save checks the file.
    let inWatch = invocation.args.flag(HintCommand.fromWatch)
    if number == total {
      if inWatch {
        out.line("That was the last hint. Try it in your file: saving it checks it again.")
      } else {
        out.line("That was the last hint. Try it in your file, then check it:")
        out.line("    " + styler.apply(context.command("check \(exercise.id)"), .command))
      }
      out.line(
        "Still stuck? The reference solution: "
          + styler.apply(context.command("solution \(exercise.id) --force"), .command))
    } else if inWatch {
      out.line("Need more? Press h for hint \(number + 1).")
    } else {
      out.line(
        "Need more? " + styler.apply(context.command("hint \(exercise.id)"), .command)
          + " shows hint \(number + 1).")
    }
    return ExitCode.success
  }
}

enum HintCommand {
  /// A flag `watch` sets when it shows a hint for the h key (it cannot be typed: the parser
  /// only accepts declared options), so the hint speaks of keys rather than commands.
  static let fromWatch = "(from watch)"
}
