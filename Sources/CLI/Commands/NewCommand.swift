import Course
import Foundation
import SystemSupport

extension CommandSpec {
  /// `lambdalings new chapter|exercise|quiz ID [--chapter ID]`.
  static let new = CommandSpec(
    name: "new", abstract: "Scaffold a chapter, an exercise or a quiz for course authors.",
    usage: "new chapter|exercise|quiz ID [--chapter ID] [--course DIR]",
    discussion: """
      Creates files that 'lambdalings validate' accepts as they are, with comments saying what
      to fill in: a chapter after the last one (and lessons/course.md in an empty folder); an
      exercise folder with a statement, a spec with one case, three hints, and a starter that
      fails and a solution that passes in Python and Node; a quiz with one question. With
      --chapter, the chapter's header lists the new exercise (or names the quiz). Never
      overwrites a file. The course is --course DIR, LAMBDALINGS_COURSE, or the nearest folder
      holding lessons/course.md; otherwise the current folder.
      """,
    arguments: [
      ArgumentSpec("KIND", help: "chapter, exercise or quiz."),
      ArgumentSpec("ID", help: "The new id: lower-case letters, digits and hyphens."),
    ],
    options: [
      OptionSpec(
        long: "chapter", value: "ID", help: "The chapter the exercise or quiz belongs to.")
    ]
  ) { invocation in
    let context = invocation.context
    let kinds = ["chapter", "exercise", "quiz"]
    guard let kind = invocation.args.positional(0), let id = invocation.args.positional(1) else {
      throw CLIError.usage(
        "new needs a kind and an id", hint: "For example: lambdalings new exercise sqs-batches")
    }
    guard kinds.contains(kind) else {
      let guess = DidYouMean.closest(to: kind, among: kinds).map { " Did you mean '\($0)'?" } ?? ""
      throw CLIError.usage("unknown kind '\(kind)'; use chapter, exercise or quiz.\(guess)")
    }
    let root = NewContent.courseRoot(context)
    let (loaded, _) = CourseLoader.load(root: root)
    let course: Course? =
      FileManager.default.fileExists(atPath: root.appending("lessons").string) ? loaded : nil
    let chapter = invocation.args.value("chapter")
    if kind == "chapter", chapter != nil {
      throw CLIError.usage("--chapter is for exercises and quizzes, not chapters")
    }
    let scaffold: CourseScaffold
    do {
      switch kind {
      case "chapter":
        scaffold = try CourseScaffold.chapter(id, course: course)
      default:
        guard let course, !course.id.isEmpty else {
          throw CLIError.content(
            "\(context.display(root)) has no lessons/course.md yet; start with"
              + " 'lambdalings new chapter ID'"
              + " there (it creates the course header too), or pass --course DIR")
        }
        scaffold =
          kind == "exercise"
          ? try CourseScaffold.exercise(id, chapter: chapter, course: course)
          : try CourseScaffold.quiz(id, chapter: chapter, course: course)
      }
      let written = try scaffold.write(to: root)
      let out = invocation.out
      let shownRoot = root == context.currentDirectory ? "this folder" : context.display(root)
      out.line("Created \(kind) '\(id)' in \(shownRoot):")
      for path in written { out.line("  " + context.display(path)) }
      out.line(
        "Fill in the parts the comments point at, then check the course with:")
      // Plain 'validate' when it would find this course by itself.
      let found = CourseLocator.locate(
        flag: nil, environment: context.environment, currentDirectory: context.currentDirectory,
        sourceCheckout: Context.sourceCheckout,
        workspaceCourse: { context.rememberedCoursePath })?.path
      let validate =
        found == root
        ? "lambdalings validate"
        : "lambdalings validate --course \(Context.shellQuoted(context.display(root)))"
      out.line("    " + out.styler.apply(validate, .command))
      return ExitCode.success
    } catch let problem as CourseScaffold.Problem {
      throw CLIError.content(problem.description)
    }
  }
}

/// Where `new` writes.
enum NewContent {
  /// `--course`, `LAMBDALINGS_COURSE`, the nearest folder holding a course, else the current
  /// folder (never the built-in course, unless you are inside it).
  static func courseRoot(_ context: Context) -> AbsolutePath {
    CourseLocator.locate(
      flag: context.courseFlag, environment: context.environment,
      currentDirectory: context.currentDirectory, sourceCheckout: nil, workspaceCourse: { nil }
    )?.path ?? context.currentDirectory
  }
}
