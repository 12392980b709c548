import Course
import Foundation
import Terminal
import Workspace

/// Everything a command may use: arguments, environment, output streams, course and workspace.
public final class Context: @unchecked Sendable {
  public let environment: [String: String]
  public let out: OutputWriter
  public let err: OutputWriter
  public let currentDirectory: String
  /// The value of `--course`, if given.
  public let courseFlag: String?
  /// The value of `--workspace`, if given.
  public let workspaceFlag: String?
  /// Whether standard input is a terminal (interactive prompts).
  public let stdinIsTTY: Bool
  private var loadedCourse: (Course, [Diagnostic])?
  private var loadedOutline: (Course, [Diagnostic])?
  private var rememberedCourse: String?

  init(
    environment: [String: String], out: OutputWriter, err: OutputWriter, currentDirectory: String,
    courseFlag: String?, workspaceFlag: String?, stdinIsTTY: Bool
  ) {
    self.environment = environment
    self.out = out
    self.err = err
    self.currentDirectory = currentDirectory
    self.courseFlag = courseFlag
    self.workspaceFlag = workspaceFlag
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
  static let sourceCheckout: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// Where the course is, by the discovery order in docs/authoring.md.
  public func courseLocation() throws -> CourseLocator.Location {
    guard
      let location = CourseLocator.locate(
        flag: courseFlag, environment: environment, currentDirectory: currentDirectory,
        sourceCheckout: Context.sourceCheckout, workspaceCourse: rememberedCoursePath)
    else {
      throw CLIError.content(
        "no course found: not in --course, LAMBDALINGS_COURSE, this folder or its parents.\n"
          + "Pass the course folder with --course DIR (a folder holding lessons/course.md).")
    }
    return location
  }

  /// The loaded course and its diagnostics, loaded once. Warnings are kept; errors throw.
  public func courseWithDiagnostics() throws -> (Course, [Diagnostic]) {
    if let loadedCourse { return loadedCourse }
    let location = try courseLocation()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory) else {
      throw CLIError.content(
        "the course folder '\(location.path)' (from \(location.source)) does not exist;"
          + " check the path")
    }
    guard isDirectory.boolValue else {
      throw CLIError.content(
        "'\(location.path)' (from \(location.source)) is a file, not a folder; a course is the"
          + " folder holding lessons/course.md, so pass that folder instead")
    }
    let loaded = CourseLoader.load(root: location.path)
    loadedCourse = loaded
    return loaded
  }

  /// The course's headers only (ids, titles, order, links; see `CourseLoader.load(root:outline:)`),
  /// for commands that list: their start-up does not grow with the size of the course's files.
  /// The whole course when it is loaded already. Header errors stop the command.
  public func courseOutline() throws -> Course {
    if loadedCourse != nil { return try course() }
    if loadedOutline == nil {
      let location = try courseLocation()
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return try course() }
      loadedOutline = CourseLoader.load(root: location.path, outline: true)
    }
    guard let (course, diagnostics) = loadedOutline else { return try course() }
    return try Context.stopOnErrors(course, diagnostics)
  }

  /// The course for working on one exercise: the outline (see `courseOutline()`) with
  /// `exercise` loaded whole (statement, spec, hints, files), so grading one exercise does not
  /// read the others. Every problem the whole load reports for that exercise is reported here
  /// too, and errors stop the command the same way. The whole course when it is loaded already.
  public func course(completing exercise: Exercise) throws -> (Course, Exercise) {
    if loadedCourse != nil {
      let course = try course()
      return (course, course.exercise(exercise.id) ?? exercise)
    }
    let outline = try courseOutline()
    let (loaded, diagnostics) = CourseLoader.loadExercise(
      root: outline.root, folder: exercise.directory)
    var course = try Context.stopOnErrors(outline, diagnostics)
    guard let loaded else { return (course, exercise) }
    if let index = course.exercises.firstIndex(where: { $0.id == loaded.id }) {
      course.exercises[index] = loaded
    }
    return (course, loaded)
  }

  /// The course path the workspace's `workspace.json` remembers, if any. Read once it is
  /// found (hints ask for it several times); until then asked again, as the first run creates
  /// the workspace on the way.
  var rememberedCoursePath: String? {
    if let rememberedCourse { return rememberedCourse }
    let path = Workspace.resolvePath(
      flag: workspaceFlag, environment: environment, currentDirectory: ".")
    rememberedCourse = (try? Workspace.open(at: path))?.settings.coursePath
    return rememberedCourse
  }

  /// `lambdalings WORDS` as the learner can copy it: with `--workspace` when it was given, and
  /// `--course` when it was given and the workspace does not remember that course by itself.
  public func command(_ words: String) -> String {
    var text = words.isEmpty ? "lambdalings" : "lambdalings \(words)"
    if let workspaceFlag, !workspaceFlag.isEmpty {
      text += " --workspace \(Context.shellQuoted(workspaceFlag))"
    }
    if let courseFlag, !courseFlag.isEmpty {
      let given = Context.absolute(courseFlag, in: currentDirectory)
      let remembered = rememberedCoursePath.map { Context.absolute($0, in: currentDirectory) }
      if given != remembered { text += " --course \(Context.shellQuoted(courseFlag))" }
    }
    return text
  }

  /// `path` as the learner sees it: relative to the current folder when it is inside it (a
  /// workspace found from a subfolder has an absolute path), else as it is.
  public func display(_ path: String) -> String {
    guard path.hasPrefix("/") else { return path }
    let here = Context.absolute(".", in: currentDirectory)
    let full = Context.absolute(path, in: currentDirectory)
    let prefix = here == "/" ? "/" : here + "/"
    return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : path
  }

  /// `text` quoted for a POSIX shell when it holds anything but safe characters.
  static func shellQuoted(_ text: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@%+,")
    if !text.isEmpty, text.allSatisfy({ safe.contains($0) }) { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// `path` made absolute against `folder`, without `.` and `..`.
  static func absolute(_ path: String, in folder: String) -> String {
    let full = path.hasPrefix("/") ? path : "\(folder)/\(path)"
    return URL(fileURLWithPath: full).standardizedFileURL.path
  }

  /// The loaded course; a course with errors stops the command with every error listed.
  public func course() throws -> Course {
    let (course, diagnostics) = try courseWithDiagnostics()
    return try Context.stopOnErrors(course, diagnostics)
  }

  private static func stopOnErrors(_ course: Course, _ diagnostics: [Diagnostic]) throws -> Course {
    if diagnostics.hasErrors {
      let errors = diagnostics.filter { $0.severity == .error }
      throw CLIError.content(
        "the course at \(course.root) has \(ProblemList.text(errors))\n"
          + "Fix them and run the command again.")
    }
    return course
  }
}
