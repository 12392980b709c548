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
    public var copied: [String]
    /// Learner files left as they were.
    public var kept: [String]
  }

  /// Creates the workspace at `path` for `course`, or adds missing starters to an existing one.
  public static func create(
    at path: String, course: Course, language: Language?, now: Date
  ) throws -> Report {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw WorkspaceError.notAFolder(path)
    }
    var workspace: Workspace
    let existing = try Workspace.open(at: path)
    if let existing {
      if existing.settings.courseID != course.id {
        throw WorkspaceError.otherCourse(
          path: path, courseID: existing.settings.courseID, expected: course.id)
      }
      workspace = existing
      if let language, language != existing.settings.language {
        workspace.settings.language = language
        try writeSettings(workspace)
      }
    } else {
      let settings = WorkspaceSettings(
        courseID: course.id, language: language ?? .python, created: now)
      workspace = Workspace(path: path, settings: settings)
      do {
        try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
      } catch {
        throw WorkspaceError.cannotCreate(path: path, reason: error.localizedDescription)
      }
      try writeSettings(workspace)
    }
    var copied: [String] = []
    var kept: [String] = []
    for exercise in course.exercises {
      let language = workspace.language(for: exercise)
      var files = [(exercise.starterPath(language), workspace.exerciseFile(exercise))]
      if exercise.usesConfigFile {
        // The function configuration the learner edits (handler, timeout, memory...).
        files.append(
          (
            exercise.starterConfigPath(language),
            "\(workspace.exerciseFolder(exercise.id))/\(Exercise.configFileName)"
          ))
      }
      for (source, target) in files {
        if manager.fileExists(atPath: target) {
          kept.append(target)
          continue
        }
        guard let data = manager.contents(atPath: source) else { continue }
        if try copyStarter(data, to: target, folder: workspace.exerciseFolder(exercise.id)) {
          copied.append(target)
        } else {
          kept.append(target)
        }
      }
    }
    return Report(workspace: workspace, existed: existing != nil, copied: copied, kept: kept)
  }

  /// Writes a starter file that does not exist yet; false when it appeared meanwhile.
  private static func copyStarter(_ data: Data, to target: String, folder: String) throws -> Bool {
    let manager = FileManager.default
    do {
      try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
      // Never overwrite: write aside, then move (which fails when the target appeared).
      guard manager.createFile(atPath: target + ".new", contents: data) else {
        throw WorkspaceError.cannotCreate(path: target, reason: "cannot write the starter")
      }
      try manager.moveItem(atPath: target + ".new", toPath: target)
      return true
    } catch let error as WorkspaceError {
      throw error
    } catch {
      try? manager.removeItem(atPath: target + ".new")
      return false
    }
  }

  private static func writeSettings(_ workspace: Workspace) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    do {
      let data = try encoder.encode(workspace.settings)
      try data.write(
        to: URL(fileURLWithPath: "\(workspace.path)/\(Workspace.settingsFileName)"),
        options: .atomic)
    } catch {
      throw WorkspaceError.cannotCreate(path: workspace.path, reason: error.localizedDescription)
    }
  }
}
