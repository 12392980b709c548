import Foundation
import JSON

/// Brings progress files written in older format versions up to the current one.
///
/// Each step turns the top-level object of version `n` into version `n + 1` and is keyed by `n`;
/// `migrate` chains the steps. Version 1 is the first format, so the shipped migrator has no
/// steps yet. When version 2 arrives (say, exercise results kept per language), the change is:
/// bump `ProgressDocument.currentVersion` to 2, reshape `ProgressDocument`, and add
/// `steps[1] = { object in ... move "lastResult" under "results"/<language> ... }` here, with a
/// test that loads a version 1 file. Files from a newer lambdalings are refused, never guessed at.
public struct ProgressMigrator: Sendable {
  /// Turns the top-level object of one version into the next version's shape.
  public typealias Step = @Sendable (inout [String: JSONValue]) throws -> Void

  /// Why a file cannot be brought to the current version.
  public enum Failure: Error, Equatable, Sendable {
    /// The file is newer than this build understands.
    case newerVersion(Int)
    /// No migration step leads from this version.
    case noMigration(from: Int)
  }

  /// The version that `migrate` produces.
  public let currentVersion: Int
  /// The steps, keyed by the version each one migrates from.
  public let steps: [Int: Step]

  /// A migrator producing `currentVersion` with the given steps.
  public init(currentVersion: Int, steps: [Int: Step]) {
    self.currentVersion = currentVersion
    self.steps = steps
  }

  /// The migrator for the format this build writes.
  public static let standard = ProgressMigrator(
    currentVersion: ProgressDocument.currentVersion, steps: [:])

  /// Checks that a file of `version` can be read, without migrating it.
  public func check(version: Int) throws(Failure) {
    if version > currentVersion { throw .newerVersion(version) }
    var next = version
    while next < currentVersion {
      if steps[next] == nil { throw .noMigration(from: next) }
      next += 1
    }
  }

  /// Applies the steps from `version` up to `currentVersion` and sets the `version` field.
  ///
  /// Errors thrown by a step are passed on unchanged.
  public func migrate(_ object: [String: JSONValue], from version: Int) throws
    -> [String: JSONValue]
  {
    try check(version: version)
    var migrated = object
    for from in version..<max(version, currentVersion) {
      guard let step = steps[from] else { throw Failure.noMigration(from: from) }
      try step(&migrated)
      migrated["version"] = .int(from + 1)
    }
    return migrated
  }
}
