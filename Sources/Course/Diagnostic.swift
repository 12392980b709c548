/// A problem found in course content, reported like a compiler: `file:line: error: message`.
///
/// Validation collects every diagnostic instead of stopping at the first one, so an author
/// sees all problems of a course at once.
public struct Diagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// How serious a problem is: errors make content unusable, warnings do not.
  public enum Severity: String, Sendable, Equatable, Hashable {
    case error
    case warning
  }

  public var severity: Severity
  /// The path of the file as given to the loader.
  public var file: String
  /// The 1-based line the problem is on.
  public var line: Int
  public var message: String

  public init(severity: Severity, file: String, line: Int, message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: error: message`, the format editors and CI logs understand.
  public var description: String { "\(file):\(line): \(severity.rawValue): \(message)" }
}
