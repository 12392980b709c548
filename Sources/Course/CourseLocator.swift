import Foundation

/// Finds the course to use: `--course`, then `LAMBDALINGS_COURSE`, then the course the
/// workspace remembers, then the current folder or a parent holding a course, then the source
/// checkout the binary was built from.
public enum CourseLocator {
  /// Where a course was found and why.
  public struct Location: Sendable, Equatable {
    public var path: String
    /// How it was chosen, for messages ("--course", "LAMBDALINGS_COURSE", ...).
    public var source: String
  }

  /// True when `path` looks like a course folder (`lessons/course.md`).
  public static func isCourse(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: "\(path)/lessons/\(CourseLoader.manifestName)")
  }

  /// Resolves the course folder; nil only when nothing at all was found. `workspaceCourse` is
  /// asked for only when neither the flag nor the variable names a course (it reads
  /// `workspace.json`).
  public static func locate(
    flag: String?, environment: [String: String], currentDirectory: String,
    sourceCheckout: String?, workspaceCourse: @autoclosure () -> String? = nil
  ) -> Location? {
    if let flag, !flag.isEmpty { return Location(path: flag, source: "--course") }
    if let variable = environment["LAMBDALINGS_COURSE"], !variable.isEmpty {
      return Location(path: variable, source: "LAMBDALINGS_COURSE")
    }
    if let workspaceCourse = workspaceCourse(), isCourse(workspaceCourse) {
      return Location(path: workspaceCourse, source: "the workspace's workspace.json")
    }
    var folder = URL(fileURLWithPath: currentDirectory).standardizedFileURL
    while true {
      if isCourse(folder.path) {
        let path = folder.path == currentDirectory ? "." : folder.path
        return Location(path: path, source: "current folder")
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    if let sourceCheckout, isCourse(sourceCheckout) {
      return Location(path: sourceCheckout, source: "built-in course")
    }
    return nil
  }
}
