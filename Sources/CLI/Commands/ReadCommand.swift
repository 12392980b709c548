import Course
import Foundation
import Progress
import SystemSupport
import Terminal
import Workspace

extension CommandSpec {
  /// `lambdalings read [LESSON] [--no-pager]`.
  static let read = CommandSpec(
    name: "read", abstract: "Read a chapter in the terminal (default: the current one).",
    usage: "read [LESSON] [--no-pager]",
    discussion: """
      Long chapters open in your pager ($PAGER, default 'less -R') when the output is a terminal,
      like git does. Reading a chapter marks it read in your progress.
      """,
    arguments: [
      ArgumentSpec(
        "LESSON",
        help: "The chapter id or its number in 'lambdalings list' (e.g. 3), or an exercise id"
          + " to read its task.")
    ],
    options: [OptionSpec(long: "no-pager", help: "Print straight to the terminal.")]
  ) { invocation in
    let context = invocation.context
    let course = try context.course()
    guard !course.chapters.isEmpty else {
      throw CLIError.content("the course at \(context.display(course.root)) has no chapters yet")
    }
    // A workspace of another course is refused before anything is shown.
    let workspace = try WorkspaceSetup.existing(context)
    // `read hello-api`: an exercise's id shows its task, rendered like a chapter.
    if let id = invocation.args.positional(0), course.chapter(id) == nil,
      let exercise = course.exercise(id)
    {
      let text =
        invocation.out.rendered(
          markdown: ReadCommandSupport.task(exercise),
          links: CourseLinks(course: course, context: context))
        + invocation.out.fitted(
          ReadCommandSupport.footer(
            exercise, workspace: workspace, styler: invocation.out.styler, context: context))
      let paged =
        !invocation.args.flag("no-pager")
        && Pager.page(text, settings: invocation.out.settings, environment: context.environment)
      if !paged { invocation.out.write(text) }
      return ExitCode.success
    }
    let chapter = try ReadCommandSupport.chapter(invocation, course: course)
    let settings = invocation.out.settings
    var text = invocation.out.rendered(
      markdown: chapter.body, links: CourseLinks(course: course, current: chapter, context: context)
    )
    // Wrapped only on a terminal: piped, each suggested command stays on one line.
    text += invocation.out.fitted(
      ReadCommandSupport.footer(
        chapter, course: course, styler: invocation.out.styler, context: context))
    let paged =
      !invocation.args.flag("no-pager")
      && Pager.page(text, settings: settings, environment: context.environment)
    if !paged { invocation.out.write(text) }
    try ReadCommandSupport.markRead(chapter, course: course, context: context)
    return ExitCode.success
  }
}

enum ReadCommandSupport {
  /// The chapter named on the command line, or the one the learner is on.
  static func chapter(_ invocation: CommandRun, course: Course) throws -> Chapter {
    if let id = invocation.args.positional(0) {
      if let chapter = course.chapter(id) { return chapter }
      // `lambdalings list` numbers the chapters: `read 3` is the third.
      if let number = Int(id) {
        guard course.chapters.indices.contains(number - 1) else {
          throw CLIError.usage(
            "there is no chapter \(number): the course has \(course.chapters.count)",
            hint: "'lambdalings list' numbers them from 1 to \(course.chapters.count).")
        }
        return course.chapters[number - 1]
      }
      let hint = DidYouMean.closest(
        to: id, among: course.chapters.map(\.id) + course.exercises.map(\.id)
      )
      .map { "Did you mean '\($0)'? 'lambdalings list' shows every chapter and exercise." }
      throw CLIError.usage("there is no chapter or exercise '\(id)'", hint: hint)
    }
    let progress = try WorkspaceSetup.progress(invocation.context)
    let status = CourseStatus(course: course, progress: progress)
    if let next = status.next {
      switch next.step {
      case .chapter(let id):
        if let chapter = course.chapter(id) { return chapter }
      case .exercise(let id), .quiz(let id):
        if let owner = course.chapters.last(where: {
          $0.exerciseIDs.contains(id) || $0.quizID == id
        }) {
          return owner
        }
      }
    }
    return course.chapters[course.chapters.count - 1]
  }

  /// An exercise's task as Markdown: its statement, under a heading with its title unless
  /// the statement opens with its own.
  static func task(_ exercise: Exercise) -> String {
    let statement = exercise.statement + (exercise.statement.hasSuffix("\n") ? "" : "\n")
    let opening = statement.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) }
    if opening?.hasPrefix("# ") == true { return statement }
    return "# Exercise \(exercise.id): \(exercise.title)\n\n" + statement
  }

  /// What to do after reading an exercise's task: edit the file, check it, read its chapter.
  static func footer(
    _ exercise: Exercise, workspace: Workspace?, styler: Styler, context: Context
  ) -> String {
    var lines: [String] = []
    if let workspace {
      lines.append(
        "  edit: " + styler.apply(context.display(workspace.exerciseFile(exercise)), .emphasis)
          + " (" + styler.apply(context.command("edit \(exercise.id)"), .command) + ")")
    }
    lines.append("  check it: " + styler.apply(context.command("check \(exercise.id)"), .command))
    if let chapter = exercise.chapterID {
      lines.append("  its chapter: " + styler.apply(context.command("read \(chapter)"), .command))
    }
    return "\n" + styler.apply("What next", .heading) + "\n" + lines.joined(separator: "\n") + "\n"
  }

  /// What to do after reading: the chapter's exercises and quiz, then the next chapter.
  static func footer(_ chapter: Chapter, course: Course, styler: Styler, context: Context)
    -> String
  {
    var lines: [String] = []
    for id in chapter.exerciseIDs where course.exercise(id) != nil {
      lines.append("  exercise \(id): " + styler.apply(context.command("check \(id)"), .command))
    }
    if let quiz = chapter.quizID, course.quiz(quiz) != nil {
      lines.append("  quiz: " + styler.apply(context.command("quiz \(quiz)"), .command))
    }
    if let index = course.chapters.firstIndex(where: { $0.id == chapter.id }),
      index + 1 < course.chapters.count
    {
      let next = course.chapters[index + 1]
      lines.append("  next chapter: " + styler.apply(context.command("read \(next.id)"), .command))
    }
    guard !lines.isEmpty else { return "" }
    return "\n" + styler.apply("What next", .heading) + "\n" + lines.joined(separator: "\n") + "\n"
  }

  /// Records the chapter as read, creating the workspace first if needed.
  static func markRead(_ chapter: Chapter, course: Course, context: Context) throws {
    if try WorkspaceSetup.existing(context) == nil {
      let report = try WorkspaceSetup.create(course: course, language: nil, context: context)
      context.err.line(
        "Created your workspace at \(context.display(report.workspace.path)) to record progress.")
    }
    let now = context.now
    do {
      _ = try WorkspaceSetup.store(context).update { document in
        document.markChapterRead(chapter.id, at: now)
      }
    } catch {
      throw WorkspaceSetup.notSaved(error, what: "reading this chapter", context: context)
    }
  }
}
