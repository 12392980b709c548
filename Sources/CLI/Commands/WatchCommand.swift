import Course
import Foundation
import Grader
import SystemSupport
import Terminal
import Workspace

extension CommandSpec {
  /// `lambdalings watch [EXERCISE]`.
  static let watch = CommandSpec(
    name: "watch", abstract: "Re-grade an exercise every time you save it.",
    usage: "watch [EXERCISE]",
    discussion: """
      Grades your handler, then grades it again each time you save the file, also after it
      passes. On a terminal, keys act at once: h shows the next hint, l lists the course,
      r re-runs the check, n moves on to the next step once this one passes (watches the next
      exercise, or shows the next chapter), and q (or Ctrl-C) quits; watch never moves on by
      itself. When standard input is not a terminal
      (scripts, tests), watch exits with 0 after the first pass.
      """,
    arguments: [
      ArgumentSpec(
        "EXERCISE",
        help: "The exercise id (default: the exercise folder you are in, else the current one).")
    ]
  ) { invocation in
    let course = try invocation.context.course()
    let exercise = try ExerciseSelection.exercise(invocation, course: course)
    var watcher = Watcher(invocation: invocation, course: course)
    if invocation.context.stdinIsTTY, let keys = QuizKeyReader() {
      return try keys.withRawMode { try watcher.interactive(exercise, keys: keys) }
    }
    try watcher.untilPass(exercise)
    return ExitCode.success
  }
}

/// The watch loop: grade, wait for a save or a key, grade again.
struct Watcher {
  let invocation: CommandRun
  let course: Course
  /// Seconds between two looks at the file.
  var pollInterval: Double = 0.3

  private var context: Context { invocation.context }
  private var out: OutputWriter { context.out }

  /// Without a terminal: re-grades on every save until the exercise passes, then returns.
  func untilPass(_ exercise: Exercise) throws {
    while true {
      let (outcome, fingerprint, paths) = try grade(exercise)
      if outcome.report.passed {
        printPass(exercise, outcome)
        return
      }
      let beside = outcome.report.templateFile.map { " and \($0)" } ?? ""
      out.line(
        "Watching \(outcome.file)\(beside) for changes; save it to check again. "
          + "Hint: 'lambdalings hint \(exercise.id)'. Ctrl-C stops.")
      while FileFingerprint(paths: paths) == fingerprint {
        Thread.sleep(forTimeInterval: pollInterval)
      }
    }
  }

  /// On a terminal (raw mode): re-grades on every save, passed or not, and answers keys.
  func interactive(_ first: Exercise, keys: QuizKeyReader) throws -> ExitCode {
    var exercise = first
    var (outcome, fingerprint, paths) = try grade(exercise)
    showState(exercise, outcome)
    while true {
      let milliseconds = Int32(pollInterval * 1000)
      guard let key = keys.readKey(timeoutMilliseconds: milliseconds) else {
        if FileFingerprint(paths: paths) != fingerprint {
          (outcome, fingerprint, paths) = try grade(exercise)
          showState(exercise, outcome)
        }
        continue
      }
      switch key {
      case .character("r"), .character("R"):
        (outcome, fingerprint, paths) = try grade(exercise)
        showState(exercise, outcome)
      case .character("h"), .character("H"):
        out.line()
        var args = invocation.args
        args.positionals = [exercise.id]
        args.flags.insert(HintCommand.fromWatch)
        _ = try CommandSpec.hint.run(CommandRun(args: args, context: context, command: .hint))
        showKeys(passed: outcome.report.passed)
      case .character("l"), .character("L"):
        out.line()
        var args = invocation.args
        args.positionals = []
        _ = try CommandSpec.list.run(CommandRun(args: args, context: context, command: .list))
        showKeys(passed: outcome.report.passed)
      case .character("n"), .character("N"):
        guard outcome.report.passed else {
          out.line("n moves on once \(exercise.id) passes; save your file to check it again.")
          continue
        }
        guard let next = outcome.next else {
          out.line("That was the last step of the course. Well done!")
          return ExitCode.success
        }
        switch next.step {
        case .exercise(let id) where course.exercise(id) != nil:
          exercise = course.exercise(id) ?? exercise
          (outcome, fingerprint, paths) = try grade(exercise)
          showState(exercise, outcome)
        case .chapter(let id):
          // Moving on to a chapter is reading it (through the pager), which ends watching.
          var args = invocation.args
          args.positionals = [id]
          return try CommandSpec.read.run(CommandRun(args: args, context: context, command: .read))
        case .exercise, .quiz:
          out.line("Next: \(next.description)")
          out.line("    " + out.styler.apply(next.command, .command))
          return ExitCode.success
        }
      case .character("q"), .character("Q"), .quit, .end:
        out.line("Stopped watching.")
        return ExitCode.success
      default:
        continue
      }
    }
  }

  /// Clears the screen, grades `exercise` and prints the report. Returns the outcome and the
  /// learner's files (the handler, and `function.json` and the API template beside it) with
  /// their fingerprint taken before grading (so a save during grading counts).
  private func grade(_ exercise: Exercise) throws -> (
    CheckRun.Outcome, FileFingerprint, [AbsolutePath]
  ) {
    clearScreen()
    let workspace = try ExerciseSelection.workspace(
      for: exercise, course: course, context: context)
    let path = workspace.exerciseFile(exercise)
    let paths = [path] + Self.filesBeside(path, exercise: exercise)
    let fingerprint = FileFingerprint(paths: paths)
    let outcome = try CheckRun.run(exercise, course: course, context: context)
    GradeReportPrinter(out: out).print(outcome.report, displayFile: outcome.file)
    out.line()
    if let problem = outcome.report.setupError {
      // Saving the file cannot fix a missing interpreter: stop rather than wait forever.
      throw CLIError.content("the handler could not run: \(problem)")
    }
    return (outcome, fingerprint, paths)
  }

  /// The other files of the learner's that grading reads: `function.json` and, for an API
  /// exercise, the template its `api.json` serves (whether they exist yet or not).
  static func filesBeside(_ handler: AbsolutePath, exercise: Exercise) -> [AbsolutePath] {
    let folder = handler.parent
    var files = [folder.appending(Exercise.configFileName)]
    if let spec = try? APICheckSpec.load(exerciseDirectory: exercise.directory) {
      files.append(folder.appending(spec.template))
    }
    return files
  }

  /// What the learner sees under the report on a terminal.
  private func showState(_ exercise: Exercise, _ outcome: CheckRun.Outcome) {
    if outcome.report.passed {
      printPass(exercise, outcome)
      out.line(
        "Still watching \(outcome.file): saving it checks it again; n moves on when you are "
          + "ready.")
    } else {
      out.line("Watching \(outcome.file): save it to check again.")
    }
    showKeys(passed: outcome.report.passed)
  }

  private func printPass(_ exercise: Exercise, _ outcome: CheckRun.Outcome) {
    let styler = out.styler
    out.line(styler.apply("Exercise \(exercise.id) passed!", .success))
    if let next = outcome.next {
      out.line("Next: \(next.description)")
      out.line("    " + styler.apply(next.command, .command))
    } else {
      out.line("That was the last step of the course. Well done!")
    }
  }

  /// The keys that work now; a key and its word are joined by a no-break space so a narrow
  /// terminal never puts them on different lines.
  private func showKeys(passed: Bool) {
    let styler = out.styler
    var keys = [("h", "hint"), ("l", "list"), ("r", "re-run")]
    if passed { keys.append(("n", "next")) }
    keys.append(("q", "quit"))
    out.line(
      keys.map { styler.apply($0.0, .emphasis) + "\u{A0}" + $0.1 }.joined(separator: " · "))
  }

  /// Clears the terminal between runs (only when output is a terminal).
  private func clearScreen() {
    guard out.settings.isTTY else {
      out.line(String(repeating: "-", count: 40))
      return
    }
    out.write(ANSIStyle.clearScreen)
  }
}

/// What watch compares to notice a save: modification time and size of each file.
struct FileFingerprint: Equatable {
  var modified: Date?
  var size: Int?
  /// The fingerprints of the other files, for a fingerprint of several.
  var others: [FileFingerprint] = []

  static let none = FileFingerprint(modified: nil, size: nil)

  init(modified: Date?, size: Int?) {
    self.modified = modified
    self.size = size
  }

  init(path: AbsolutePath) {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path.string)
    modified = attributes?[.modificationDate] as? Date
    size = (attributes?[.size] as? NSNumber)?.intValue
  }

  /// One fingerprint for several files: it changes when any of them is saved, created or removed.
  init(paths: [AbsolutePath]) {
    guard let first = paths.first else {
      self.init(modified: nil, size: nil)
      return
    }
    self.init(path: first)
    others = paths.dropFirst().map { FileFingerprint(path: $0) }
  }
}
