import Foundation
import SystemSupport

/// Where `serve` keeps its state inside the workspace, and how it reads and writes it.
///
/// Layout of `<workspace>/serve-state/`: `state.json` (functions, versions, aliases,
/// concurrency; written atomically), `code/<id>/` (each uploaded zip, extracted once and never
/// changed), `logs/<function>.jsonl` (log events, appended).
public struct LocalAWSStore: Sendable {
  /// The state folder.
  public let folder: AbsolutePath

  /// The state folder of a workspace.
  public static func folder(workspace: AbsolutePath) -> AbsolutePath {
    workspace.appending("serve-state")
  }

  public init(folder: AbsolutePath) {
    self.folder = folder
  }

  var stateFile: AbsolutePath { folder.appending("state.json") }
  var codeFolder: AbsolutePath { folder.appending("code") }
  var logsFolder: AbsolutePath { folder.appending("logs") }

  /// The extracted code of a version.
  public func codePath(_ version: VersionState) -> AbsolutePath {
    codeFolder.appending(version.codeID)
  }

  /// Reads the state; a missing file is an empty state, a corrupt one an error naming it.
  public func load() throws -> LocalAWSState {
    guard let data = try AtomicFile.readIfPresent(stateFile) else { return LocalAWSState() }
    do {
      let state = try JSONDecoder().decode(LocalAWSState.self, from: data)
      guard state.version == 1 else {
        throw LocalAWSStoreError(
          path: stateFile.string,
          reason: "it has version \(state.version); this lambdalings reads version 1")
      }
      return state
    } catch let error as LocalAWSStoreError {
      throw error
    } catch {
      throw LocalAWSStoreError(
        path: stateFile.string,
        reason: "it is not valid serve state (\(error)); move it away to start afresh")
    }
  }

  /// Writes the state atomically (temporary file, fsync, rename).
  func save(_ state: LocalAWSState) throws {
    try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFile.write(try encoder.encode(state), to: stateFile)
  }
}

/// The state file could not be used.
public struct LocalAWSStoreError: Error, CustomStringConvertible {
  public var path: String
  public var reason: String

  public var description: String { "cannot read \(path): \(reason)" }
}
