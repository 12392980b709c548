import Course
import Terminal
import Workspace

/// Text for `list` and the dashboard.
enum StatusFormatter {
  static func glyph(_ entry: CourseStatus.Entry, isNext: Bool) -> StatusGlyph {
    if isNext { return .current }
    switch entry.state {
    case .done: return .done
    case .failed, .attempted: return .failed
    case .skipped: return .skipped
    case .pending: return .pending
    }
  }

  static func list(course: Course, status: CourseStatus, out: OutputWriter) -> String {
    let styler = out.styler
    var text = styler.apply(course.title, .heading) + "\n"
    if course.isEmpty {
      return text + "This course has no chapters, exercises or quizzes yet.\n"
    }
    let next = status.next?.step
    let idWidth = min(28, (status.entries.map { DisplayWidth.of($0.step.id) }.max() ?? 0) + 2)
    var chapterNumber = 0
    for entry in status.entries {
      let mark = glyph(entry, isNext: entry.step == next).rendered(out.settings)
      // Two spaces at least after an id longer than the column, which is never cut.
      let id = DisplayWidth.padded(entry.step.id + "  ", to: idWidth)
      switch entry.step {
      case .chapter:
        chapterNumber += 1
        text +=
          "\n\(mark) " + styler.apply("\(chapterNumber). \(entry.title)", .emphasis)
          + styler.apply("  (\(entry.step.id))", .dim) + "\n"
      case .exercise:
        text += row(mark, "exercise  ", id: id, title: entry.title, out: out)
      case .quiz:
        let score = entry.bestScore.map { "  best \(Int(($0 * 100).rounded()))%" } ?? ""
        text += row(
          mark, "quiz      ", id: id, title: entry.title + styler.apply(score, .dim), out: out)
      }
    }
    text += "\n\(status.completed) of \(status.entries.count) steps done.\n"
    text += legend(out.settings, styler: styler)
    return text
  }

  /// One step: mark, kind, padded id and title on one line when it fits the terminal; else
  /// the title on the next line under the kind (never split between the two).
  static func row(_ mark: String, _ kind: String, id: String, title: String, out: OutputWriter)
    -> String
  {
    let line = "    \(mark) \(kind)\(id)\(title)"
    if out.fits(line) { return line + "\n" }
    let bare = id.trimmingCharacters(in: .whitespaces)
    return "    \(mark) \(kind)\(bare)\n      \(title)\n"
  }

  /// What the marks mean, on one line.
  static func legend(_ settings: TerminalSettings, styler: Styler) -> String {
    let items: [(StatusGlyph, String)] = [
      (.done, "done"), (.current, "next"), (.failed, "not passed yet"), (.pending, "to do"),
      (.skipped, "skipped"),
    ]
    let text = items.map { "\($0.0.rendered(settings)) \($0.1)" }.joined(separator: "  ")
    return styler.apply("Legend: ", .dim) + text + "\n"
  }
}
