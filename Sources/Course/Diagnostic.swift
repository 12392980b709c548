import SystemSupport

/// A problem found in a course file, reported like a compiler: `file:line: error: message`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
  /// How serious a diagnostic is: errors make a course invalid, warnings do not.
  public enum Severity: String, Sendable, Equatable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .error && rhs == .warning
    }
  }

  public var severity: Severity
  /// The file the problem is in, as a path the user can open.
  public var file: String
  /// 1-based line; 0 when the problem concerns the whole file.
  public var line: Int
  public var message: String

  public init(severity: Severity, file: String, line: Int, message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.message = message
  }

  /// An error at `file:line`.
  public static func error(_ message: String, file: String, line: Int) -> Diagnostic {
    Diagnostic(severity: .error, file: file, line: line, message: message)
  }

  /// A warning at `file:line`.
  public static func warning(_ message: String, file: String, line: Int) -> Diagnostic {
    Diagnostic(severity: .warning, file: file, line: line, message: message)
  }

  public var description: String { text(file: file) }

  /// The description with `file` shown relative to `folder` when it is inside it (a course
  /// in the folder a command runs in lists `lessons/01-intro.md:3: ...`, as a compiler would).
  public func description(relativeTo folder: AbsolutePath) -> String {
    let relative = AbsolutePath(validating: file)?.relative(to: folder)
    return text(file: relative.flatMap { $0.isEmpty ? nil : $0 } ?? file)
  }

  private func text(file shown: String) -> String {
    let location = line > 0 ? "\(shown):\(line)" : shown
    return "\(location): \(severity.rawValue): \(message)"
  }
}

extension Array where Element == Diagnostic {
  /// True when at least one diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// Sorted by file, then line, errors before warnings on the same line; otherwise in the
  /// order they were found.
  public func sortedForDisplay() -> [Diagnostic] {
    enumerated().sorted { first, second in
      let (a, b) = (first.element, second.element)
      if a.file != b.file { return a.file < b.file }
      if a.line != b.line { return a.line < b.line }
      if a.severity != b.severity { return a.severity < b.severity }
      return first.offset < second.offset
    }.map(\.element)
  }
}
