import Course
import Foundation
import Terminal

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

  /// The folder of the course the binary was built from (found through this source file).
  static let sourceCheckout: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// Where the course is, by the discovery order in docs/authoring.md.
  public func courseLocation() throws -> CourseLocator.Location {
    guard
      let location = CourseLocator.locate(
        flag: courseFlag, environment: environment, currentDirectory: currentDirectory,
        sourceCheckout: Context.sourceCheckout)
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
    guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw CLIError.content(
        "the course folder '\(location.path)' (from \(location.source)) does not exist;"
          + " check the path")
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

  /// The loaded course; a course with errors stops the command with every error listed.
  public func course() throws -> Course {
    let (course, diagnostics) = try courseWithDiagnostics()
    return try Context.stopOnErrors(course, diagnostics)
  }

  private static func stopOnErrors(_ course: Course, _ diagnostics: [Diagnostic]) throws -> Course {
    if diagnostics.hasErrors {
      let errors = diagnostics.filter { $0.severity == .error }
      let listing = errors.prefix(20).map(\.description).joined(separator: "\n")
      let more = errors.count > 20 ? "\n... and \(errors.count - 20) more" : ""
      throw CLIError.content(
        "the course at \(course.root) has \(errors.count) error(s):\n\(listing)\(more)\n"
          + "Fix them and run the command again.")
    }
    return course
  }
}
