import Course
import Foundation
import Progress
import Quiz
import SystemSupport

/// `lambdalings progress reset [STEP] [--yes]`: forgets one step or everything, after a backup.
enum ProgressReset {
  static func run(_ invocation: CommandRun, course: Course) throws -> ExitCode {
    let context = invocation.context
    let out = invocation.out
    guard try WorkspaceSetup.existing(context) != nil else {
      out.line("There is no workspace yet, so there is no progress to reset.")
      return ExitCode.success
    }
    let step = try invocation.args.positional(1).map { try resolve($0, course: course) }
    let what = step.map { "your progress on the \($0.kind) \($0.id)" } ?? "all your progress"
    if !invocation.args.flag("yes") {
      guard context.stdinIsTTY else {
        throw CLIError.usage(
          "progress reset forgets \(what) and needs confirmation",
          hint: "Run it in a terminal to be asked, or pass --yes (a backup is kept).")
      }
      out.write(out.fitted("Forget \(what)? A backup of progress.json is kept. [y/N]") + " ")
      let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
      guard answer == "y" || answer == "yes" else {
        out.line("Nothing changed.")
        return ExitCode.success
      }
    }
    let store = WorkspaceSetup.store(context)
    let backup =
      store.exists
      ? context.display(
        try FileBackup.backUp(
          context.workspacePath.appending(ProgressStore.fileName), now: context.now))
      : nil
    let questionIDs: Set<String>
    if case .quiz(let id) = step {
      questionIDs = Set(QuizLibrary(course: course).bank(id)?.questions.map(\.id) ?? [])
    } else {
      questionIDs = []
    }
    do {
      try store.update { document in
        guard let step else {
          let fresh = ProgressDocument(courseID: document.courseID, created: document.created)
          document = fresh
          return
        }
        switch step {
        case .chapter(let id): document.chapters[id] = nil
        case .exercise(let id): document.exercises[id] = nil
        case .quiz(let id):
          document.quizzes[id] = nil
          for question in questionIDs { document.reviewCards[question] = nil }
        }
        let skipped = (document.skipped ?? []).filter { $0 != step.description }
        document.skipped = skipped.isEmpty ? nil : skipped
      }
    } catch {
      throw WorkspaceSetup.notSaved(error, what: "the reset", context: context)
    }
    out.line("Forgot \(what)." + (backup.map { " The previous progress is kept in \($0)." } ?? ""))
    out.line("Next: " + out.styler.apply(context.command(""), .command) + " shows where you are.")
    return ExitCode.success
  }

  /// The step `text` names: `kind:id`, or an id that only one step has.
  static func resolve(_ text: String, course: Course) throws -> Step {
    let steps = course.steps
    if let step = steps.first(where: { $0.description == text }) { return step }
    let matches = steps.filter { $0.id == text }
    if matches.count == 1 { return matches[0] }
    if matches.count > 1 {
      let forms = matches.map { "'\($0.description)'" }.joined(separator: " or ")
      throw CLIError.usage("'\(text)' names more than one step; write \(forms)")
    }
    let hint = DidYouMean.closest(to: text, among: steps.map(\.id)).map {
      "Did you mean '\($0)'? 'lambdalings list' shows every step."
    }
    throw CLIError.usage(
      "there is no step '\(text)'", hint: hint ?? "'lambdalings list' shows every step.")
  }
}
