import Course
import Foundation
import Progress
import Terminal
import Workspace

extension CommandSpec {
  /// `lambdalings solution EXERCISE [--force] [--plain]`.
  static let solution = CommandSpec(
    name: "solution", abstract: "Show the reference solution of an exercise you passed.",
    usage: "solution [EXERCISE] [--force] [--plain]",
    discussion: """
      The solution is shown once the exercise has passed, so you compare rather than copy.
      --force shows it anyway. The language is your workspace's language.
      """,
    arguments: [
      ArgumentSpec(
        "EXERCISE",
        help: "The exercise id (default: the exercise folder you are in, else the current one).")
    ],
    options: [
      OptionSpec(long: "force", help: "Show it even though the exercise has not passed."),
      OptionSpec(long: "plain", help: "Print the file as it is, without formatting."),
    ]
  ) { invocation in
    let context = invocation.context
    let course = try context.course()
    let exercise = try ExerciseSelection.exercise(invocation, course: course)
    let progress = try WorkspaceSetup.progress(context)
    let passed =
      CourseStatus(course: course, progress: progress).entry(.exercise(exercise.id))?.state
      == .done
    guard passed || invocation.args.flag("force") else {
      // Exit 2, not 1 (a failed check): nothing was graded. Not a usage mistake either (the
      // command line was right), so no "for usage" line follows the message.
      throw CLIError.content(
        "the exercise \(exercise.id) has not passed yet, so its solution stays hidden.\n"
          + "Pass the exercise first: '\(context.command("check \(exercise.id)"))' (or"
          + " '\(context.command("hint \(exercise.id)"))' for help), or add --force to see it"
          + " now.")
    }
    let workspace = try WorkspaceSetup.existing(context)
    let language = workspace?.language(for: exercise) ?? exercise.languages.first ?? .python
    let path = exercise.solutionPath(language)
    guard let data = FileManager.default.contents(atPath: path.string) else {
      throw CLIError.content(
        "\(path): the reference solution is missing; the course author must add it"
          + " ('lambdalings validate' lists every such problem)")
    }
    let code = String(decoding: data, as: UTF8.self)
    if invocation.args.flag("plain") {
      invocation.out.write(code.hasSuffix("\n") ? code : code + "\n")
      return ExitCode.success
    }
    let fenceLanguage = language == .python ? "python" : "javascript"
    let fence = String(repeating: "`", count: max(3, longestBacktickRun(code) + 1))
    let markdown =
      "\(fence)\(fenceLanguage)\n\(code)" + (code.hasSuffix("\n") ? "" : "\n") + "\(fence)\n"
    invocation.out.line(
      "Reference solution of "
        + invocation.out.styler.apply(exercise.id, .emphasis)
        + " (\(language.rawValue), \(language.handlerFile)):")
    invocation.out.write(invocation.out.rendered(markdown: markdown))
    SolutionSupport.nextSteps(
      after: exercise, passed: passed, course: course, progress: progress, invocation)
    return ExitCode.success
  }

  /// The longest run of backticks in `text`, so a fence around it can be longer.
  private static func longestBacktickRun(_ text: String) -> Int {
    var longest = 0
    var current = 0
    for character in text {
      current = character == "`" ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }
}

/// What to do after reading a solution.
enum SolutionSupport {
  /// After a passed exercise, the next step; before a pass, how to finish it.
  static func nextSteps(
    after exercise: Exercise, passed: Bool, course: Course, progress: ProgressDocument,
    _ invocation: CommandRun
  ) {
    let context = invocation.context
    let out = invocation.out
    let styler = out.styler
    out.line()
    guard passed else {
      out.line(
        "Write it in your own words in your file, then check it: "
          + styler.apply(context.command("check \(exercise.id)"), .command))
      return
    }
    guard
      let next = ExerciseSelection.nextStep(course: course, progress: progress, context: context)
    else {
      out.line("That was the last step of the course. Well done!")
      return
    }
    out.line("Next: \(next.description)")
    if let file = ExerciseSelection.nextExerciseFile(
      course: course, progress: progress, context: context)
    {
      out.line("    edit " + styler.apply(file, .emphasis) + ", then")
    }
    out.line("    " + styler.apply(next.command, .command))
  }
}
