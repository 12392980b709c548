import Course
import Foundation
import SystemSupport
import Terminal
import Workspace

extension CommandSpec {
  /// `lambdalings watch [EXERCISE]`.
  static let watch = CommandSpec(
    name: "watch", abstract: "Re-grade an exercise every time you save it.",
    usage: "watch [EXERCISE]",
    discussion: """
      Grades your handler, then grades it again each time the file changes. After a pass it
      shows the next step: on a terminal, press Enter to move on to the next exercise or q to
      quit; it never moves on by itself. When standard input is not a terminal (scripts,
      tests), watch exits with 0 after the first pass. Ctrl-C stops watching.
      """,
    arguments: [ArgumentSpec("EXERCISE", help: "The exercise id (default: the current one).")]
  ) { invocation in
    let context = invocation.context
    let course = try context.course()
    var exercise = try ExerciseSelection.exercise(invocation, course: course)
    ProcessGroupRegistry.installSignalHandlers()
    var watcher = Watcher(context: context, course: course)
    while true {
      guard let next = try watcher.watch(exercise) else { return ExitCode.success }
      exercise = next
    }
  }
}

/// The watch loop of one exercise: grade, wait for a save, grade again, until it passes.
struct Watcher {
  let context: Context
  let course: Course
  /// Seconds between two looks at the file.
  var pollInterval: Double = 0.3

  private var out: OutputWriter { context.out }

  /// Watches `exercise` until it passes; returns the exercise to watch next, or nil to stop.
  mutating func watch(_ exercise: Exercise) throws -> Exercise? {
    var fingerprint = FileFingerprint.none
    while true {
      clearScreen()
      let outcome = try CheckRun.run(exercise, course: course, context: context)
      fingerprint = FileFingerprint(path: CheckRun.absolute(outcome.file, context))
      GradeReportPrinter(out: out).print(outcome.report, displayFile: outcome.file)
      out.line()
      if outcome.report.passed {
        return afterPass(exercise, next: outcome.next)
      }
      if let problem = outcome.report.setupError {
        // Saving the file cannot fix a missing interpreter: stop rather than wait forever.
        throw CLIError.content("the handler could not run: \(problem)")
      }
      out.line(
        "Watching \(outcome.file) for changes; save it to check again. "
          + "Hint: 'lambdalings hint \(exercise.id)'. Ctrl-C stops.")
      waitForChange(from: fingerprint, path: CheckRun.absolute(outcome.file, context))
    }
  }

  /// Says what passed and what comes next; on a terminal, waits for Enter or q.
  private func afterPass(_ exercise: Exercise, next: (String, String)?) -> Exercise? {
    let styler = out.styler
    out.line(styler.apply("Exercise \(exercise.id) passed!", .success))
    guard let (description, command) = next else {
      out.line("That was the last step of the course. Well done!")
      return nil
    }
    out.line("Next: \(description)")
    out.line("    " + styler.apply(command, .command))
    guard context.stdinIsTTY else { return nil }
    let nextExercise = nextExercise(after: command)
    if let nextExercise {
      out.write("Press Enter to watch \(nextExercise.id), or q and Enter to quit: ")
    } else {
      out.write("Press Enter (or q) to stop watching and run the command above: ")
    }
    guard let answer = readLine(), answer.trimmingCharacters(in: .whitespaces).lowercased() != "q"
    else { return nil }
    return nextExercise
  }

  /// The exercise a `lambdalings check ID` next step names, if it is one.
  private func nextExercise(after command: String) -> Exercise? {
    let prefix = "lambdalings check "
    guard command.hasPrefix(prefix) else { return nil }
    let id = command.dropFirst(prefix.count).split(separator: " ").first.map(String.init)
    return id.flatMap(course.exercise)
  }

  /// Blocks until the file's modification time or size changes.
  private func waitForChange(from fingerprint: FileFingerprint, path: String) {
    while FileFingerprint(path: path) == fingerprint {
      Thread.sleep(forTimeInterval: pollInterval)
    }
  }

  /// Clears the terminal between runs (only when output is a terminal).
  private func clearScreen() {
    guard out.settings.isTTY else {
      out.line(String(repeating: "-", count: 40))
      return
    }
    let csi = ANSIStyle.controlSequenceIntroducer
    out.write(csi + "H" + csi + "2J")
  }
}

/// What watch compares to notice a save: modification time and size.
struct FileFingerprint: Equatable {
  var modified: Date?
  var size: Int?

  static let none = FileFingerprint(modified: nil, size: nil)

  init(modified: Date?, size: Int?) {
    self.modified = modified
    self.size = size
  }

  init(path: String) {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    modified = attributes?[.modificationDate] as? Date
    size = (attributes?[.size] as? NSNumber)?.intValue
  }
}
