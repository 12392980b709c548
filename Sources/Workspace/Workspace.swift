import Course
import Foundation
import Progress
import SystemSupport

/// A learner's workspace: the folder with their copies of the exercise starters and progress.
///
/// ```
/// lambdalings-workspace/
///   workspace.json        which course and language this workspace is for
///   progress.json         what the learner has done (module Progress)
///   exercises/<id>/lambda_function.py   the files the learner edits
/// ```
public struct Workspace: Sendable, Equatable {
  /// The default folder name, created in the current directory.
  public static let defaultFolderName = "lambdalings-workspace"
  /// The settings file marking a folder as a workspace.
  public static let settingsFileName = "workspace.json"

  public var path: AbsolutePath
  public var settings: WorkspaceSettings

  public init(path: AbsolutePath, settings: WorkspaceSettings) {
    self.path = path
    self.settings = settings
  }

  /// The file the learner edits for `exercise` in the workspace's language.
  public func exerciseFile(_ exercise: Exercise) -> AbsolutePath {
    exerciseFolder(exercise.id).appending(language(for: exercise).handlerFile)
  }

  /// The folder holding the learner's copy of an exercise.
  public func exerciseFolder(_ id: String) -> AbsolutePath { path.appending("exercises/\(id)") }

  /// `workspace.json` of this workspace.
  public var settingsFile: AbsolutePath { path.appending(Workspace.settingsFileName) }

  /// The workspace language, or the exercise's first one when it does not offer it.
  public func language(for exercise: Exercise) -> Language {
    exercise.languages.contains(settings.language)
      ? settings.language : (exercise.languages.first ?? settings.language)
  }

  /// Where the workspace is: `--workspace`, then `LAMBDALINGS_WORKSPACE` (relative to
  /// `currentDirectory`), then `currentDirectory` or its nearest parent holding
  /// `workspace.json` (so commands work from inside the workspace, as git does), then
  /// `lambdalings-workspace` in `currentDirectory`.
  public static func resolvePath(
    flag: AbsolutePath?, environment: [String: String], currentDirectory: AbsolutePath
  ) -> AbsolutePath {
    if let flag { return flag }
    if let variable = environment["LAMBDALINGS_WORKSPACE"], !variable.isEmpty {
      return AbsolutePath(variable, relativeTo: currentDirectory)
    }
    return enclosing(currentDirectory) ?? currentDirectory.appending(defaultFolderName)
  }

  /// Whether `path` holds a workspace settings file.
  public static func isWorkspace(_ path: AbsolutePath) -> Bool {
    FileManager.default.fileExists(atPath: path.appending(settingsFileName).string)
  }

  /// The workspace `path` is in: `path` itself or its nearest parent holding `workspace.json`;
  /// nil when there is none. `path` need not exist yet.
  public static func enclosing(_ path: AbsolutePath) -> AbsolutePath? {
    var folder = path
    while true {
      if isWorkspace(folder) { return folder }
      if folder.isRoot { return nil }
      folder = folder.parent
    }
  }

  /// A date of `workspace.json`: the shape lambdalings writes (`2026-12-01T08:30:00Z`) read
  /// without Foundation's calendar (whose set-up costs a listing more than the rest of this
  /// file), any other ISO 8601 form as the `.iso8601` strategy reads it.
  @Sendable static func decodeDate(_ decoder: Decoder) throws -> Date {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    if let date = ISO8601Timestamp.parse(text) { return date }
    guard let date = try? Date.ISO8601FormatStyle().parse(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "Expected date string to be ISO8601-formatted.")
    }
    return date
  }

  /// Opens the workspace at `path`; nil when none exists there yet.
  public static func open(at path: AbsolutePath) throws -> Workspace? {
    let file = path.appending(settingsFileName)
    guard let data = FileManager.default.contents(atPath: file.string) else { return nil }
    do {
      let decoder = JSONDecoder()
      decoder.dateDecodingStrategy = .custom(decodeDate)
      let settings = try decoder.decode(WorkspaceSettings.self, from: data)
      return Workspace(path: path, settings: settings)
    } catch {
      throw WorkspaceError.unreadableSettings(file: file, reason: "\(error)")
    }
  }
}

/// What a workspace is for.
public struct WorkspaceSettings: Codable, Sendable, Equatable {
  public var version: Int
  public var courseID: String
  public var language: Language
  public var created: Date
  /// The absolute path of the course folder the workspace was made from, so commands run in
  /// the workspace find their course without `--course`. Absent in older workspaces.
  public var coursePath: String?

  /// `coursePath` when it is an absolute path (as lambdalings writes it).
  public var courseFolder: AbsolutePath? { coursePath.flatMap(AbsolutePath.init(validating:)) }

  public init(courseID: String, language: Language, created: Date, coursePath: String? = nil) {
    self.version = 1
    self.courseID = courseID
    self.language = language
    self.created = created
    self.coursePath = coursePath
  }
}

/// Problems with a workspace folder, each saying what to do.
public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
  case unreadableSettings(file: AbsolutePath, reason: String)
  case notAFolder(AbsolutePath)
  case cannotCreate(path: AbsolutePath, reason: String)
  case otherCourse(path: AbsolutePath, courseID: String, expected: String)
  case nested(path: AbsolutePath, inside: AbsolutePath)

  public var description: String {
    switch self {
    case .unreadableSettings(let file, let reason):
      return "\(file) is not a valid workspace settings file (\(reason)).\n"
        + "Fix it, or move it away and run 'lambdalings init' to recreate it;"
        + " your exercise files are kept."
    case .notAFolder(let path):
      return "\(path) exists but is not a folder; choose another place with --workspace DIR"
    case .cannotCreate(let path, let reason):
      let reason = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
      return "cannot create the workspace at \(path): \(reason).\n"
        + "Choose a writable place with --workspace DIR."
    case .otherCourse(let path, let courseID, let expected):
      return "the workspace at \(path) belongs to course '\(courseID)', not '\(expected)'.\n"
        + "Use another folder with --workspace DIR, or the matching --course;"
        + " nothing was written to it."
    case .nested(let path, let inside):
      return "\(path) is inside the workspace at \(inside); a workspace cannot hold another.\n"
        + "Run the command there without a folder (it finds the workspace), or choose a folder"
        + " outside it."
    }
  }
}
