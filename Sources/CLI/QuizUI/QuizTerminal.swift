import Foundation
import Progress
import Quiz
import Terminal

/// Builds the console and the progress recorder that quiz and review share.
enum QuizTerminal {
  /// A console on the invocation's streams: single keys when standard input is a terminal.
  static func console(_ invocation: CommandRun) -> QuizConsole {
    let context = invocation.context
    let out = invocation.out
    let settings = out.settings
    // Asked each time: a terminal resized during the quiz gets the new width.
    let columns = {
      settings.isTTY ? TerminalSize.current()?.columns ?? settings.width : settings.width
    }
    // Questions come from the loaded course (`Context` keeps it), whose chapters name sections.
    let links = (try? context.course()).map { CourseLinks(course: $0, context: context) }
    var console = QuizConsole(
      write: { out.write($0) },
      readLine: { Swift.readLine(strippingNewline: true) },
      keys: context.stdinIsTTY ? QuizKeyReader() : nil,
      styler: out.styler, supportsUnicode: settings.supportsUnicode,
      render: { markdown in
        var now = settings
        now.width = max(1, columns())
        return MarkdownText.render(markdown, settings: now).trimmingCharacters(in: .newlines)
      },
      now: { context.now }, columns: columns, command: { context.command($0) })
    if let links { console.linkTarget = links.target(of:) }
    return console
  }

  /// A recorder saving to the workspace's progress; without a workspace, says answers are not
  /// saved.
  static func recorder(_ invocation: CommandRun, key: String, count: Int) throws -> QuizRecorder {
    let context = invocation.context
    var store: ProgressStore?
    if try WorkspaceSetup.existing(context) != nil {
      try WorkspaceSetup.requireWritable(context, before: "start")
      store = WorkspaceSetup.store(context)
    } else {
      invocation.err.line(
        "note: no workspace yet, so answers are not saved; run `lambdalings init` to keep them.")
    }
    return QuizRecorder(
      store: store, quizID: key, startedAt: context.now, questionCount: count,
      now: { context.now },
      notSaved: { WorkspaceSetup.notSaved($0, what: "this answer", context: context) })
  }
}
