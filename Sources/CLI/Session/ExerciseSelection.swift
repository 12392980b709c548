import Course
import Foundation
import Progress
import SystemSupport
import Workspace

/// Which exercise an exercise command works on, and where the learner's copy of it is.
enum ExerciseSelection {
  /// The exercise named on the command line; else the one whose workspace folder the learner
  /// is in (`cd exercises/hello-api && lambdalings check` grades that file, passed or not);
  /// else the current one: the first exercise that has not passed yet, in course order.
  static func exercise(_ invocation: CommandRun, course: Course) throws -> Exercise {
    if let id = invocation.args.positional(0) {
      return try named(id, course: course)
    }
    if let id = folderExercise(invocation.context), let exercise = course.exercise(id) {
      _ = try WorkspaceSetup.existing(invocation.context)
      return exercise
    }
    guard !course.exercises.isEmpty else {
      throw CLIError.content("the course at \(course.root) has no exercises yet")
    }
    let progress = try WorkspaceSetup.progress(invocation.context)
    if let id = CourseStatus(course: course, progress: progress).firstExerciseNotDone,
      let exercise = course.exercise(id)
    {
      return exercise
    }
    throw CLIError.usage(
      "every exercise has passed, so there is no current one",
      hint: "Name one to work on it again, e.g. '"
        + invocation.context.command(
          "\(invocation.command.name) \((course.exercisesInOrder.first ?? course.exercises[0]).id)")
        + "'; '\(invocation.context.command("list"))' shows them all.")
  }

  /// The id of the exercise folder the current folder is in (`WORKSPACE/exercises/ID` or below
  /// it), for the workspace the command line points at; nil elsewhere.
  static func folderExercise(_ context: Context) -> String? {
    let exercises = context.workspacePath.appending("exercises")
    guard let inside = context.currentDirectory.relative(to: exercises) else { return nil }
    let id = inside.split(separator: "/").first.map(String.init)
    return id?.isEmpty == false ? id : nil
  }

  /// The exercise `id`, or a usage error suggesting the closest id.
  static func named(_ id: String, course: Course) throws -> Exercise {
    if let exercise = course.exercise(id) { return exercise }
    let hint =
      DidYouMean.closest(to: id, among: course.exercises.map(\.id))
      .map { "Did you mean '\($0)'? 'lambdalings list' shows every exercise." }
      ?? "'lambdalings list' shows every exercise."
    throw CLIError.usage("there is no exercise '\(id)'", hint: hint)
  }

  /// The workspace, created when missing (and its missing starters copied, learner files kept).
  static func workspace(for exercise: Exercise, course: Course, context: Context) throws
    -> Workspace
  {
    let existing = try WorkspaceSetup.existing(context)
    if let workspace = existing,
      FileManager.default.fileExists(atPath: workspace.exerciseFile(exercise).string),
      !exercise.usesConfigFile
        || FileManager.default.fileExists(
          atPath: workspace.exerciseFolder(exercise.id).appending(Exercise.configFileName).string)
    {
      return workspace
    }
    let report = try WorkspaceSetup.create(course: course, language: nil, context: context)
    if existing == nil {
      context.err.line("Created your workspace at \(context.display(report.workspace.path)).")
    } else if !report.copied.isEmpty {
      context.err.line(
        "Copied \(Plural.count(report.copied.count, "missing starter file")) into your workspace.")
    }
    return report.workspace
  }

  /// The learner's file for the step after `progress` when that step is an exercise, as the
  /// learner sees the path; nil otherwise (or when there is no workspace yet).
  static func nextExerciseFile(course: Course, progress: ProgressDocument, context: Context)
    -> String?
  {
    guard case .exercise(let id)? = CourseStatus(course: course, progress: progress).next?.step,
      let exercise = course.exercise(id),
      let workspace = try? WorkspaceSetup.existing(context)
    else { return nil }
    return context.display(workspace.exerciseFile(exercise))
  }

  /// The step after `progress`, described with its command.
  static func nextStep(course: Course, progress: ProgressDocument, context: Context) -> NextStep? {
    let status = CourseStatus(course: course, progress: progress)
    return status.next.map { NextStep($0, context: context) }
  }
}
