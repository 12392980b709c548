import Course
import Quiz

/// Checks a whole course for its authors, as `lambdalings validate` shows it: every problem of
/// its files, quizzes and chapter links, and whether each exercise's reference solution passes
/// and its starter fails. Problems are `Diagnostic` values handed back, never printed here:
/// the command line decides how they look.
public enum CourseValidation {
  /// The problems found by reading the course, sorted for display: what the course loader
  /// reported (`loaderDiagnostics`, with every header), what the quiz parser finds in the
  /// questions (each quiz file parsed once), and links in chapter text that point nowhere.
  public static func contentProblems(_ course: Course, loaderDiagnostics: [Diagnostic])
    -> [Diagnostic]
  {
    (loaderDiagnostics + QuizLibrary(course: course).diagnostics + checkLinks(course))
      .sortedForDisplay()
  }
}
