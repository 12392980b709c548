import Course
import Terminal
import Workspace

extension CommandSpec {
  /// `lambdalings list`.
  static let list = CommandSpec(
    name: "list", abstract: "List chapters, exercises and quizzes with their status.",
    usage: "list"
  ) { invocation in
    let course = try invocation.context.course()
    let progress = try WorkspaceSetup.progress(invocation.context)
    let status = CourseStatus(course: course, facts: WorkspaceSetup.facts(progress))
    invocation.out.lines(StatusFormatter.list(course: course, status: status, out: invocation.out))
    return ExitCode.success
  }
}

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
    let idWidth = min(28, (status.entries.map(\.step.id.count).max() ?? 0) + 2)
    var chapterNumber = 0
    // On a terminal, a row too wide for it puts the whole title on the next line (piped
    // output keeps one row per step, for grep).
    let width = out.settings.isTTY ? out.settings.width : Int.max
    for entry in status.entries {
      let mark = glyph(entry, isNext: entry.step == next).rendered(out.settings)
      let id = entry.step.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
      switch entry.step {
      case .chapter:
        chapterNumber += 1
        text +=
          "\n\(mark) " + styler.apply("\(chapterNumber). \(entry.title)", .emphasis)
          + styler.apply("  (\(entry.step.id))", .dim) + "\n"
      case .exercise:
        text += row("    \(mark) exercise  ", id: id, title: entry.title, width: width)
      case .quiz:
        let score = entry.bestScore.map { "  best \(Int(($0 * 100).rounded()))%" } ?? ""
        text += row(
          "    \(mark) quiz      ", id: id, title: entry.title + styler.apply(score, .dim),
          width: width)
      }
    }
    text += "\n\(status.completed) of \(status.entries.count) steps done.\n"
    text += legend(out.settings, styler: styler)
    return text
  }

  /// `prefix id title` on one line when it fits `width`, else the title on its own line under
  /// the kind, so a title never starts in the id column and continues at the margin.
  static func row(_ prefix: String, id: String, title: String, width: Int) -> String {
    let line = prefix + id + title
    if DisplayWidth.of(line) <= width { return line + "\n" }
    let indent = String(repeating: " ", count: 6)
    return prefix + id.trimmingCharacters(in: .whitespaces) + "\n" + indent + title + "\n"
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
