import Workspace

extension CommandSpec {
  /// `lambdalings list`.
  static let list = CommandSpec(
    name: "list", abstract: "List chapters, exercises and quizzes with their status.",
    usage: "list"
  ) { invocation in
    let course = try invocation.context.courseOutline()
    let progress = try WorkspaceSetup.progress(invocation.context)
    let status = CourseStatus(course: course, progress: progress)
    invocation.out.lines(StatusFormatter.list(course: course, status: status, out: invocation.out))
    return ExitCode.success
  }
}
