import Foundation

/// A progress file that lambdalings cannot read, and therefore will not touch.
///
/// The description names the file (with a line when one is known), says what is wrong, where the
/// backup is, and what to do next. The file is never overwritten while this error stands.
public struct ProgressError: Error, CustomStringConvertible, Equatable, Sendable {
  /// What is wrong with the file.
  public enum Reason: Equatable, Sendable {
    /// The file is not valid JSON.
    case invalidJSON(String)
    /// The file is JSON but a value does not fit; `field` is its dotted path.
    case invalidValue(field: String, detail: String)
    /// The top level is not an object or has no integer `version` field.
    case missingVersion
    /// The file was written by a newer lambdalings with a format version this one cannot read.
    case newerVersion(Int, supported: Int)
    /// The file has an older format version that no migration step handles.
    case unsupportedVersion(Int)
  }

  /// What is wrong.
  public let reason: Reason
  /// The path of the progress file.
  public let file: String
  /// The line of the problem, when known.
  public let line: Int?
  /// The path of the backup file.
  public let backup: String
  /// Whether the backup file exists.
  public let backupExists: Bool

  /// An error about `file` with the given reason and backup.
  public init(reason: Reason, file: String, line: Int?, backup: String, backupExists: Bool) {
    self.reason = reason
    self.file = file
    self.line = line
    self.backup = backup
    self.backupExists = backupExists
  }

  /// `file:line: what. Where the backup is. What to do.` (the reporter adds `error:`)
  public var description: String {
    let location = line.map { "\(file):\($0)" } ?? file
    return "\(location): \(problem). \(backupSentence) \(advice)"
  }

  private var problem: String {
    switch reason {
    case .invalidJSON(let detail):
      return "the progress file is not valid JSON: \(detail)"
    case .invalidValue(let field, let detail):
      let place = field.isEmpty ? "at the top level" : "at '\(field)'"
      return "the progress file has an unexpected value \(place): \(detail)"
    case .missingVersion:
      return "the progress file has no \"version\" number at its top level, so lambdalings "
        + "cannot tell how to read it"
    case .newerVersion(let version, let supported):
      return "the progress file was written by a newer lambdalings (format version \(version); "
        + "this one reads up to version \(supported))"
    case .unsupportedVersion(let version):
      return "the progress file has format version \(version), which this lambdalings "
        + "cannot read or convert"
    }
  }

  private var backupSentence: String {
    backupExists
      ? "Your previous progress is in \(backup)."
      : "There is no backup yet (\(backup) does not exist)."
  }

  private var advice: String {
    if case .newerVersion = reason {
      return "Update lambdalings to continue, or move the file away to start over; "
        + "lambdalings leaves it as it is."
    }
    return "Fix the file or move it away, then run the command again; "
      + "lambdalings leaves it as it is."
  }
}
