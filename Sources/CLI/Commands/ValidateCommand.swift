import Course
import Foundation
import Quiz
import SystemSupport

extension CommandSpec {
  /// `lambdalings validate [--course DIR]`.
  static let validate = CommandSpec(
    name: "validate", abstract: "Check a whole course: files, quizzes, solutions and starters.",
    usage: "validate [--course DIR]",
    discussion: """
      For course authors. Prints every problem of the course files and quizzes as
      file:line: error|warning: message, then runs each exercise's reference solution in each
      of its languages (it must pass every case) and its starter (it must fail at least one).
      Exit code 0 when there is no error, 2 otherwise.
      """
  ) { invocation in
    let context = invocation.context
    let (course, loaderDiagnostics) = try context.courseWithDiagnostics()
    let out = invocation.out
    let styler = out.styler
    out.line(
      "Validating"
        + " \(styler.apply(course.title.isEmpty ? course.root.string : course.title, .emphasis))"
        + (course.root == context.currentDirectory
          ? " in this folder" : " at \(context.display(course.root))"))
    if (try? context.courseLocation().source) == "built-in course" {
      // An author in a folder of their own may not expect the shipped course.
      out.line(
        styler.apply(
          "(the course shipped with Lambdalings: there is none in this folder or its parents;"
            + " 'lambdalings new chapter ID' starts one here, or pass --course DIR)", .dim))
    }
    var diagnostics = Validation.unique(
      loaderDiagnostics + QuizLibrary(course: course).diagnostics + Validation.checkLinks(course))
    ProcessGroupRegistry.installSignalHandlers()
    let checks = Validation.checkExercises(course, out: out)
    diagnostics += checks.diagnostics
    let sorted = Validation.unique(diagnostics).sortedForDisplay()
    if !sorted.isEmpty {
      out.line()
      out.line(styler.apply("Problems", .heading))
      for diagnostic in sorted {
        let role: Styler.Role = diagnostic.severity == .error ? .error : .warning
        out.line(styler.apply(diagnostic.description(relativeTo: context.currentDirectory), role))
      }
    }
    let errors = sorted.filter { $0.severity == .error }.count
    let warnings = sorted.count - errors
    out.line()
    out.line(
      "\(Plural.count(course.chapters.count, "chapter")), "
        + "\(Plural.count(course.exercises.count, "exercise")), "
        + "\(Plural.count(course.quizzes.count, "quiz")); \(checks.passed) of "
        + "\(Plural.count(checks.total, "exercise run")) as expected; "
        + "\(Plural.count(errors, "error")), \(Plural.count(warnings, "warning")).")
    if errors == 0 {
      out.line(styler.apply("The course is valid.", .success))
      return ExitCode.success
    }
    out.line(styler.apply("The course has errors; fix them and run validate again.", .error))
    return ExitCode.usageOrContent
  }
}
