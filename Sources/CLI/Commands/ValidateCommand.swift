import Course
import CourseValidation
import Foundation
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
    let problems = CourseValidation.contentProblems(course, loaderDiagnostics: loaderDiagnostics)
    if !course.exercises.isEmpty {
      out.line()
      out.line(styler.apply("Exercises", .heading))
    }
    let checks = CourseValidation.checkExercises(
      course, parallelism: CourseValidation.defaultParallelism(environment: context.environment)
    ) { check in
      if let line = ValidationPrinter.line(check, out: out) { out.line(line) }
    }
    let sorted = (problems + checks.problems).sortedForDisplay()
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

/// How `validate` shows the exercise checks `CourseValidation` hands back.
enum ValidationPrinter {
  /// One line for a check, in course order; nil for a problem only listed with the others.
  static func line(_ check: CourseValidation.ExerciseCheck, out: OutputWriter) -> String? {
    let mark = (
      pass: out.styler.mark(passed: true, unicode: out.settings.supportsUnicode),
      fail: out.styler.mark(passed: false, unicode: out.settings.supportsUnicode)
    )
    let id = check.exercise.id
    let label = [
      id, check.language.map { "(\($0.rawValue))" }, check.kind.map(\.rawValue),
    ].compactMap { $0 }.joined(separator: " ")
    switch check.outcome {
    case .noCases:
      return nil
    case .eventProblems(let problems):
      return "  \(mark.fail) \(id): not run, its spec has "
        + Plural.count(problems.count, "event problem") + " (below)"
    case .missingFile:
      return "  \(mark.fail) \(label): file missing (below)"
    case .unexpected(let problems):
      let first = problems.first?.message ?? ""
      let more = problems.count > 1 ? " (and \(problems.count - 1) more below)" : ""
      return "  \(mark.fail) \(label): \(first)\(more)"
    case .asExpected(let total, let passed):
      let verdict =
        check.kind == .solution
        ? (total == 1 ? "passes its 1 check" : "passes all \(total) checks")
        : "fails \(total - passed) of \(Plural.count(total, "check"))"
      return "  \(mark.pass) \(label) \(verdict)"
    }
  }
}
