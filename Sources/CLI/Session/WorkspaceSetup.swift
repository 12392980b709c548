import Course
import Foundation
import Progress
import SystemSupport
import Workspace

/// Opens or creates the learner's workspace, and reads its progress, for every command.
enum WorkspaceSetup {
  /// Creates or completes the workspace at `path` (by default the one the command line points
  /// at) and records it in the context, so it is not read again.
  static func create(
    at path: AbsolutePath? = nil, course: Course, language: Language?, context: Context
  ) throws -> WorkspaceCreator.Report {
    let path = path ?? context.workspacePath
    let report = try WorkspaceCreator.create(
      at: path, course: course, language: language, now: context.now)
    if path == context.workspacePath { context.remember(report.workspace) }
    let store = self.store(at: path, context: context)
    _ = try store.update { document in
      if document.courseID == nil { document.courseID = course.id }
    }
    return report
  }

  static func describe(_ report: WorkspaceCreator.Report, context: Context, to out: OutputWriter) {
    let styler = out.styler
    let verb = report.existed ? "Updated" : "Created"
    let folder = context.display(report.workspace.path)
    out.line("\(verb) your workspace at \(styler.apply(folder, .emphasis))")
    // Only what happened: "0 files of yours kept" says nothing to someone who has none yet.
    var parts: [String] = []
    if !report.copied.isEmpty || report.kept.isEmpty {
      parts.append("\(Plural.count(report.copied.count, "starter file")) copied")
    }
    if !report.kept.isEmpty {
      let state = report.kept.count == 1 ? "it was" : "they were"
      parts.append("\(Plural.count(report.kept.count, "file")) of yours kept as \(state)")
    }
    out.line(
      "  language: \(report.workspace.settings.language.rawValue);"
        + " \(parts.joined(separator: ", ")).")
    out.line(
      "  progress: \(context.display(report.workspace.path.appending(ProgressStore.fileName)))")
  }

  /// The existing workspace, or nil when there is none yet. A workspace made for another
  /// course is refused here, so no command reads or writes it. `workspace.json` is read once
  /// per run (`Context.workspace()`).
  static func existing(_ context: Context) throws -> Workspace? {
    guard let workspace = try context.workspace() else { return nil }
    // Only the course's id is needed: the outline (the whole course when it is loaded
    // already), so listings do not pay for a full load here.
    let course = try context.courseOutline()
    if workspace.settings.courseID != course.id {
      throw WorkspaceError.otherCourse(
        path: workspace.path, courseID: workspace.settings.courseID, expected: course.id)
    }
    return workspace
  }

  /// The workspace's progress; empty when there is no workspace yet.
  static func progress(_ context: Context) throws -> ProgressDocument {
    guard try existing(context) != nil else { return ProgressDocument(created: context.now) }
    return try store(context).load()
  }

  /// The progress store of the workspace the command line points at.
  static func store(_ context: Context) -> ProgressStore {
    store(at: context.workspacePath, context: context)
  }

  /// The progress store in `path`, with the context's clock (`LAMBDALINGS_NOW` in tests).
  static func store(at path: AbsolutePath, context: Context) -> ProgressStore {
    ProgressStore(directory: path, clock: { context.now })
  }

  /// The error shown when progress could not be written (a read-only workspace, a full disk):
  /// what was not saved, why, and what to do.
  static func notSaved(_ error: Error, what: String, context: Context) -> CLIError {
    if let unreadable = error as? ProgressError {
      // A file lambdalings cannot read: its own description says where and what to do.
      return CLIError.content("\(what) is not recorded: \(unreadable)")
    }
    return CLIError.content(
      "your progress could not be saved, so \(what) is not recorded: \(error)\n"
        + "Make the workspace \(context.workspacePath) writable (e.g. chmod -R u+w), or use"
        + " another one with --workspace DIR.")
  }

  /// Refuses before any work when progress cannot be written: the workspace folder, or its
  /// progress file, is not writable.
  static func requireWritable(_ context: Context, before what: String) throws {
    let folder = context.workspacePath.string
    let manager = FileManager.default
    let file = context.workspacePath.appending(ProgressStore.fileName).string
    let problem: String?
    if !manager.isWritableFile(atPath: folder) {
      problem = "the folder \(folder) is read-only"
    } else if manager.fileExists(atPath: file), !manager.isWritableFile(atPath: file) {
      problem = "\(file) is read-only"
    } else {
      problem = nil
    }
    guard let problem else { return }
    throw CLIError.content(
      "cannot \(what): your progress could not be saved, because \(problem).\n"
        + "Make the workspace writable (e.g. chmod -R u+w \(Context.shellQuoted(folder))), or"
        + " use another one with --workspace DIR.")
  }
}
