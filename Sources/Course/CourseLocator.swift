import Foundation
import SystemSupport

/// Finds the course to use: `--course`, then `LAMBDALINGS_COURSE`, then the course the
/// workspace remembers, then the current folder or a parent holding a course, then the source
/// checkout the binary was built from.
public enum CourseLocator {
  /// Where a course was found and why.
  public struct Location: Sendable, Equatable {
    public var path: AbsolutePath
    /// How it was chosen, for messages ("--course", "LAMBDALINGS_COURSE", ...).
    public var source: String
  }

  /// True when `path` looks like a course folder (`lessons/course.md`).
  public static func isCourse(_ path: AbsolutePath) -> Bool {
    FileManager.default.fileExists(
      atPath: path.appending("lessons/\(CourseLoader.manifestName)").string)
  }

  /// Resolves the course folder; nil only when nothing at all was found. `--course` arrives
  /// resolved already; `LAMBDALINGS_COURSE` is relative to `currentDirectory`.
  /// `workspaceCourse` (the course the workspace remembers) is asked only when neither is set,
  /// so a broken workspace does not stop a command that names its course.
  public static func locate(
    flag: AbsolutePath?, environment: [String: String], currentDirectory: AbsolutePath,
    sourceCheckout: AbsolutePath?, workspaceCourse: () throws -> AbsolutePath?
  ) rethrows -> Location? {
    if let flag { return Location(path: flag, source: "--course") }
    if let variable = environment["LAMBDALINGS_COURSE"], !variable.isEmpty {
      return Location(
        path: AbsolutePath(variable, relativeTo: currentDirectory), source: "LAMBDALINGS_COURSE")
    }
    if let workspaceCourse = try workspaceCourse(), isCourse(workspaceCourse) {
      return Location(path: workspaceCourse, source: "the workspace's workspace.json")
    }
    var folder = currentDirectory
    while true {
      if isCourse(folder) { return Location(path: folder, source: "current folder") }
      if folder.isRoot { break }
      folder = folder.parent
    }
    if let sourceCheckout, isCourse(sourceCheckout) {
      return Location(path: sourceCheckout, source: "built-in course")
    }
    return nil
  }
}
