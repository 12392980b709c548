import Course
import Foundation
import Quiz
import SystemSupport
import Terminal
import Workspace

/// Everything a command may use: arguments, environment, output streams, course and workspace.
public final class Context: Sendable {
  public let environment: [String: String]
  public let out: OutputWriter
  public let err: OutputWriter
  /// The folder the command runs in.
  public let currentDirectory: AbsolutePath
  /// The value of `--course`, if given, resolved against `currentDirectory` where it was read.
  public let courseFlag: AbsolutePath?
  /// The value of `--workspace`, if given, resolved against `currentDirectory`.
  public let workspaceFlag: AbsolutePath?
  /// The workspace folder the command line points at (see `Workspace.resolvePath`), found
  /// once when the command starts; it need not exist yet.
  public let workspacePath: AbsolutePath
  /// Whether standard input is a terminal (interactive prompts).
  public let stdinIsTTY: Bool
  /// What is loaded once and remembered. The course and its outline are loaded without the
  /// lock held (two threads may both load before either stores; both get the same result);
  /// `workspace.json`, a small file, is read under it, so it is read once per run.
  private let cache = Locked(Cache())

  private struct Cache: Sendable {
    var course: (Course, [Diagnostic])?
    var outline: (Course, [Diagnostic])?
    /// `workspace.json` as read (nil: none yet), read at most once per run; see `workspace()`.
    var openedWorkspace: Result<Workspace?, Error>?
  }

  /// `courseFlag` and `workspaceFlag` are the values as typed; they are made absolute here,
  /// against `currentDirectory`, and nowhere else.
  init(
    environment: [String: String], out: OutputWriter, err: OutputWriter,
    currentDirectory: AbsolutePath, courseFlag: String?, workspaceFlag: String?,
    stdinIsTTY: Bool
  ) {
    self.environment = environment
    self.out = out
    self.err = err
    self.currentDirectory = currentDirectory
    func resolved(_ flag: String?) -> AbsolutePath? {
      guard let flag, !flag.isEmpty else { return nil }
      return AbsolutePath(flag, relativeTo: currentDirectory)
    }
    self.courseFlag = resolved(courseFlag)
    self.workspaceFlag = resolved(workspaceFlag)
    self.workspacePath = Workspace.resolvePath(
      flag: self.workspaceFlag, environment: environment, currentDirectory: currentDirectory)
    self.stdinIsTTY = stdinIsTTY
  }

  /// The terminal settings of standard output.
  public var settings: TerminalSettings { out.settings }

  /// "Now", overridable with `LAMBDALINGS_NOW` (ISO 8601) so tests can move the clock.
  public var now: Date {
    if let text = environment["LAMBDALINGS_NOW"], let date = ISO8601DateFormatter().date(from: text)
    {
      return date
    }
    return Date()
  }

  /// The folder of the course the binary was built from (found through this source file,
  /// `Sources/CLI/Session/Context.swift`: four levels up).
  static let sourceCheckout = AbsolutePath(validating: #filePath).map {
    $0.parent.parent.parent.parent
  }

  /// Where the course is, by the discovery order in docs/authoring.md.
  public func courseLocation() throws -> CourseLocator.Location {
    guard
      let location = try CourseLocator.locate(
        flag: courseFlag, environment: environment, currentDirectory: currentDirectory,
        sourceCheckout: Context.sourceCheckout,
        workspaceCourse: { try self.workspace()?.settings.courseFolder })
    else {
      throw CLIError.content(
        "no course found: not in --course, LAMBDALINGS_COURSE, this folder or its parents.\n"
          + "Pass the course folder with --course DIR (a folder holding lessons/course.md).")
    }
    return location
  }

  /// The loaded course and its diagnostics, loaded once. Warnings are kept; errors throw.
  public func courseWithDiagnostics() throws -> (Course, [Diagnostic]) {
    if let loaded = cache.withLock({ $0.course }) { return loaded }
    let location = try courseLocation()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: location.path.string, isDirectory: &isDirectory)
    else {
      throw CLIError.content(
        "the course folder '\(display(location.path))' (from \(location.source)) does not exist;"
          + " check the path")
    }
    guard isDirectory.boolValue else {
      throw CLIError.content(
        "'\(display(location.path))' (from \(location.source)) is a file, not a folder;"
          + " a course is the folder holding lessons/course.md, so pass that folder instead")
    }
    let loaded = CourseLoader.load(root: location.path)
    cache.withLock { $0.course = loaded }
    return loaded
  }

  /// The course's headers only (ids, titles, order, links; see `CourseLoader.load(root:outline:)`),
  /// for commands that list: their start-up does not grow with the size of the course's files.
  /// The whole course when it is loaded already. Header errors stop the command.
  public func courseOutline() throws -> Course {
    let (loadedCourse, loadedOutline) = cache.withLock { ($0.course, $0.outline) }
    if loadedCourse != nil { return try course() }
    if let (course, diagnostics) = loadedOutline {
      return try stopOnErrors(course, diagnostics)
    }
    let location = try courseLocation()
    var isDirectory: ObjCBool = false
    guard
      FileManager.default.fileExists(atPath: location.path.string, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return try course() }
    let index = CourseIndex.standard(environment: environment) { text in
      let summary = QuizSummary.scan(text)
      return QuizListing(
        id: summary.id, questionCount: summary.questionCount, topics: summary.topics)
    }
    let outline = CourseLoader.load(root: location.path, outline: true, index: index)
    cache.withLock { $0.outline = outline }
    return try stopOnErrors(outline.0, outline.1)
  }

  /// The course for working on one exercise: the outline (see `courseOutline()`) with
  /// `exercise` loaded whole (statement, spec, hints, files), so grading one exercise does not
  /// read the others. Every problem the whole load reports for that exercise is reported here
  /// too, and errors stop the command the same way. The whole course when it is loaded already.
  public func course(completing exercise: Exercise) throws -> (Course, Exercise) {
    if cache.withLock({ $0.course != nil }) {
      let course = try course()
      return (course, course.exercise(exercise.id) ?? exercise)
    }
    let outline = try courseOutline()
    let (loaded, diagnostics) = CourseLoader.loadExercise(
      root: outline.root, folder: exercise.directory)
    var course = try stopOnErrors(outline, diagnostics)
    guard let loaded else { return (course, exercise) }
    if let index = course.exercises.firstIndex(where: { $0.id == loaded.id }) {
      course.exercises[index] = loaded
    }
    return (course, loaded)
  }

  /// The workspace at `workspacePath` as its `workspace.json` says; nil when there is none
  /// yet. The file is read once per run: every later call returns what that read found (or
  /// threw), or what `remember(_:)` was told after the command wrote it.
  public func workspace() throws -> Workspace? {
    let opened = cache.withLock { cache -> Result<Workspace?, Error> in
      if let opened = cache.openedWorkspace { return opened }
      let opened = Result { try Workspace.open(at: workspacePath) }
      cache.openedWorkspace = opened
      return opened
    }
    return try opened.get()
  }

  /// Records the workspace as the command just created or updated it, so `workspace()` does
  /// not read the file again.
  func remember(_ workspace: Workspace) {
    cache.withLock { $0.openedWorkspace = .success(workspace) }
  }

  /// The course folder the workspace's `workspace.json` remembers, if any.
  var rememberedCoursePath: AbsolutePath? {
    (try? workspace())??.settings.courseFolder
  }

  /// `lambdalings WORDS` as the learner can copy it: with `--workspace` when it was given, and
  /// `--course` when it was given and the workspace does not remember that course by itself.
  public func command(_ words: String) -> String {
    var text = words.isEmpty ? "lambdalings" : "lambdalings \(words)"
    if let workspaceFlag {
      text += " --workspace \(Context.shellQuoted(display(workspaceFlag)))"
    }
    if let courseFlag, courseFlag != rememberedCoursePath {
      text += " --course \(Context.shellQuoted(display(courseFlag)))"
    }
    return text
  }

  /// `path` as the learner sees it: relative to the current folder when it is inside it, else
  /// (the current folder itself too) the whole path.
  public func display(_ path: AbsolutePath) -> String {
    guard let relative = path.relative(to: currentDirectory), !relative.isEmpty else {
      return path.string
    }
    return relative
  }

  /// `text` quoted for a POSIX shell when it holds anything but safe characters.
  static func shellQuoted(_ text: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@%+,")
    if !text.isEmpty, text.allSatisfy({ safe.contains($0) }) { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// The loaded course; a course with errors stops the command with every error listed.
  public func course() throws -> Course {
    let (course, diagnostics) = try courseWithDiagnostics()
    return try stopOnErrors(course, diagnostics)
  }

  private func stopOnErrors(_ course: Course, _ diagnostics: [Diagnostic]) throws -> Course {
    if diagnostics.hasErrors {
      let errors = diagnostics.filter { $0.severity == .error }
      throw CLIError.content(
        "the course at \(display(course.root)) has"
          + " \(ProblemList.text(errors, relativeTo: currentDirectory))\n"
          + "Fix them and run the command again.")
    }
    return course
  }
}
