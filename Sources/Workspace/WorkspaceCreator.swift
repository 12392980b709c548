import Course
import Foundation
import SystemSupport

/// Creates or completes a workspace: copies exercise starters without ever overwriting a file.
public enum WorkspaceCreator {
  /// What `create` did, for the message shown to the learner.
  public struct Report: Sendable, Equatable {
    public var workspace: Workspace
    /// Whether the workspace existed before.
    public var existed: Bool
    /// Starter files copied now.
    public var copied: [AbsolutePath]
    /// Learner files left as they were.
    public var kept: [AbsolutePath]
  }

  /// Creates the workspace at `path` for `course`, or adds missing starters to an existing one.
  public static func create(
    at path: AbsolutePath, course: Course, language: Language?, now: Date
  ) throws -> Report {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: path.string, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw WorkspaceError.notAFolder(path)
    }
    var workspace: Workspace
    let existing = try Workspace.open(at: path)
    if existing == nil {
      if !path.isRoot, let outer = Workspace.enclosing(path.parent) {
        throw WorkspaceError.nested(path: path, inside: outer)
      }
    }
    if let existing {
      if existing.settings.courseID != course.id {
        throw WorkspaceError.otherCourse(
          path: path, courseID: existing.settings.courseID, expected: course.id)
      }
      workspace = existing
      // The workspace remembers where its course is now (older ones learn it here).
      workspace.settings.coursePath = course.root.string
      if let language, language != existing.settings.language {
        workspace.settings.language = language
        try writeSettings(workspace)
      } else if existing.settings.coursePath != workspace.settings.coursePath {
        // A read-only workspace simply stays as it was.
        try? writeSettings(workspace)
      }
    } else {
      let settings = WorkspaceSettings(
        courseID: course.id, language: language ?? .python, created: now,
        coursePath: course.root.string)
      workspace = Workspace(path: path, settings: settings)
      do {
        try manager.createDirectory(atPath: path.string, withIntermediateDirectories: true)
      } catch {
        throw WorkspaceError.cannotCreate(path: path, reason: reason(error, creating: path))
      }
      try writeSettings(workspace)
    }
    var copied: [AbsolutePath] = []
    var kept: [AbsolutePath] = []
    for exercise in course.exercises {
      let language = workspace.language(for: exercise)
      var files = [(exercise.starterPath(language), workspace.exerciseFile(exercise))]
      // An outline course (what `check` grades from) does not know `usesConfigFile`; the
      // starter's file on disk says the same.
      if exercise.usesConfigFile
        || manager.fileExists(atPath: exercise.starterConfigPath(language).string)
      {
        // The function configuration the learner edits (handler, timeout, memory...).
        files.append(
          (
            exercise.starterConfigPath(language),
            workspace.exerciseFolder(exercise.id).appending(Exercise.configFileName)
          ))
      }
      for (source, target) in files {
        if manager.fileExists(atPath: target.string) {
          kept.append(target)
          continue
        }
        guard let data = manager.contents(atPath: source.string) else { continue }
        if try copyStarter(data, to: target, folder: workspace.exerciseFolder(exercise.id)) {
          copied.append(target)
        } else {
          kept.append(target)
        }
      }
    }
    return Report(workspace: workspace, existed: existing != nil, copied: copied, kept: kept)
  }

  /// The system's words for a failed file operation ("Not a directory"), not Foundation's
  /// generic "The operation could not be completed."
  static func reason(_ error: Error, creating path: AbsolutePath) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let underlying, underlying.domain == NSPOSIXErrorDomain {
      return FileSystemError(operation: "", path: "", code: Int32(underlying.code)).reason
    }
    let manager = FileManager.default
    var parent = path.parent
    while !manager.fileExists(atPath: parent.string), !parent.isRoot {
      parent = parent.parent
    }
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: parent.string, isDirectory: &isDirectory), !isDirectory.boolValue
    {
      return "\(parent) is a file, not a folder"
    }
    if !manager.isWritableFile(atPath: parent.string) {
      return "\(parent) is not writable"
    }
    return error.localizedDescription
  }

  /// Writes a starter file that does not exist yet; false when it appeared meanwhile.
  private static func copyStarter(_ data: Data, to target: AbsolutePath, folder: AbsolutePath)
    throws -> Bool
  {
    let manager = FileManager.default
    let aside = target.string + ".new"
    do {
      try manager.createDirectory(atPath: folder.string, withIntermediateDirectories: true)
      // Never overwrite: write aside, then move (which fails when the target appeared).
      guard manager.createFile(atPath: aside, contents: data) else {
        throw WorkspaceError.cannotCreate(path: target, reason: "cannot write the starter")
      }
      try manager.moveItem(atPath: aside, toPath: target.string)
      return true
    } catch let error as WorkspaceError {
      throw error
    } catch {
      try? manager.removeItem(atPath: aside)
      return false
    }
  }

  private static func writeSettings(_ workspace: Workspace) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    do {
      let data = try encoder.encode(workspace.settings)
      try data.write(to: workspace.settingsFile.url, options: .atomic)
    } catch {
      throw WorkspaceError.cannotCreate(
        path: workspace.path, reason: reason(error, creating: workspace.path))
    }
  }
}
