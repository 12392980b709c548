/// A status mark for lists and dashboards, with an ASCII fallback.
public enum StatusGlyph: Sendable, Equatable, CaseIterable {
  /// Finished or passed: `✓` / `[x]`.
  case done
  /// Failed: `✗` / `[!]`.
  case failed
  /// Not started: `○` / `[ ]`.
  case pending
  /// Where the learner is now: `▶` / `>`.
  case current
  /// Skipped on purpose: `–` / `[-]`.
  case skipped

  /// The glyph alone, Unicode or ASCII.
  public func symbol(unicode: Bool) -> String {
    switch (self, unicode) {
    case (.done, true): "✓"
    case (.done, false): "[x]"
    case (.failed, true): "✗"
    case (.failed, false): "[!]"
    case (.pending, true): "○"
    case (.pending, false): "[ ]"
    case (.current, true): "▶"
    case (.current, false): ">"
    case (.skipped, true): "–"
    case (.skipped, false): "[-]"
    }
  }

  /// The colour this status is shown in.
  public var style: [ANSIStyle] {
    switch self {
    case .done: [.green]
    case .failed: [.red, .bold]
    case .pending: [.dim]
    case .current: [.cyan, .bold]
    case .skipped: [.yellow]
    }
  }

  /// The glyph as the settings allow: Unicode or ASCII, coloured or not.
  public func rendered(_ settings: TerminalSettings) -> String {
    styled(symbol(unicode: settings.supportsUnicode), style, enabled: settings.useColor)
  }
}
