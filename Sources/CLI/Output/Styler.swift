import Terminal

/// Applies named roles (error, success, ...) when colour is on.
public struct Styler: Sendable {
  /// What a piece of text is, so every command colours it the same way.
  public enum Role: Sendable {
    case error, warning, success, heading, emphasis, dim, command, accent
  }

  public let enabled: Bool

  /// A `.command` is also glued (`CommandText`): wrapping keeps it on one line when it fits.
  public func apply(_ text: String, _ role: Role) -> String {
    let text = role == .command ? CommandText.glued(text) : text
    return styled(text, Styler.styles(role), enabled: enabled)
  }

  /// The mark of a passed or failed check or answer (`StatusGlyph.done` or `.failed`, Unicode
  /// or ASCII) in the success or error colour.
  public func mark(passed: Bool, unicode: Bool) -> String {
    passed
      ? apply(StatusGlyph.done.symbol(unicode: unicode), .success)
      : apply(StatusGlyph.failed.symbol(unicode: unicode), .error)
  }

  static func styles(_ role: Role) -> [ANSIStyle] {
    switch role {
    case .error: return [.red, .bold]
    case .warning: return [.yellow, .bold]
    case .success: return [.green, .bold]
    case .heading: return [.bold]
    case .emphasis: return [.bold]
    case .dim: return [.dim]
    case .command: return [.cyan]
    case .accent: return [.magenta]
    }
  }
}
