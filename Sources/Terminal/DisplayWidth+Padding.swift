extension DisplayWidth {
  /// Where text sits in a padded cell.
  public enum Alignment: Sendable, Equatable {
    case left, center, right
  }

  /// `text` padded with spaces to `width` terminal columns, measured as the terminal shows it
  /// (wide characters and emoji take two columns, escape sequences none). Text at least `width`
  /// columns wide comes back unchanged: padding never cuts.
  public static func padded(_ text: String, to width: Int, alignment: Alignment = .left)
    -> String
  {
    let gap = width - of(text)
    guard gap > 0 else { return text }
    switch alignment {
    case .left: return text + spaces(gap)
    case .right: return spaces(gap) + text
    case .center: return spaces(gap / 2) + text + spaces(gap - gap / 2)
    }
  }

  private static func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }
}
