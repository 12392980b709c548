import Course
import Workspace

/// The step after the current state of progress, as a value: which step it is, how it is
/// described and the exact command that starts it.
struct NextStep: Equatable {
  /// The step (`.exercise("hello")`), so callers act on it without reading text back.
  var step: Step
  /// `solve the exercise "Hello"`.
  var description: String
  /// `lambdalings check hello`, as the learner types it.
  var command: String

  init(step: Step, description: String, command: String) {
    self.step = step
    self.description = description
    self.command = command
  }

  init(_ entry: CourseStatus.Entry, context: Context) {
    self.init(
      step: entry.step, description: Self.describe(entry),
      command: Self.command(entry, context: context))
  }

  static func describe(_ entry: CourseStatus.Entry) -> String {
    switch entry.step {
    case .chapter: return "read the chapter \"\(entry.title)\""
    case .exercise:
      return entry.state == .failed
        ? "finish the exercise \"\(entry.title)\"" : "solve the exercise \"\(entry.title)\""
    case .quiz:
      guard entry.state == .attempted, let best = entry.bestScore else {
        return "take the quiz \"\(entry.title)\""
      }
      return "pass the quiz \"\(entry.title)\" (best so far \(percent(best)))"
    }
  }

  /// A fraction as a whole percentage, `0.75` as `75%`.
  static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

  static func command(_ entry: CourseStatus.Entry, context: Context) -> String {
    switch entry.step {
    case .chapter(let id): return context.command("read \(id)")
    case .exercise(let id): return context.command("check \(id)")
    case .quiz(let id): return context.command("quiz \(id)")
    }
  }
}
