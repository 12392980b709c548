import Workspace

/// What the next step is and the exact command that starts it.
enum NextStep {
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
