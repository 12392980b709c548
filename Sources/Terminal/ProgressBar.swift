/// Draws a horizontal progress bar such as `████████░░░░ 4/6` or `[########----] 4/6`.
public enum ProgressBar {
  /// A bar `width` cells wide (at least 1) showing `completed` of `total`, followed by the counts.
  ///
  /// Values out of range are clamped; a total of zero draws an empty bar.
  public static func render(
    completed: Int, total: Int, width: Int, settings: TerminalSettings
  ) -> String {
    let total = max(0, total)
    let done = min(max(0, completed), total)
    let label = " \(done)/\(total)"
    return bar(
      fraction: total == 0 ? 0 : Double(done) / Double(total), width: width,
      settings: settings) + label
  }

  /// A bar `width` cells wide filled to `fraction` (0...1), without a label.
  public static func bar(fraction: Double, width: Int, settings: TerminalSettings) -> String {
    let cells = max(1, width)
    let clamped = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
    let unicode = settings.supportsUnicode
    let inner = unicode ? cells : max(1, cells - 2)
    var filled = Int((clamped * Double(inner)).rounded(.down))
    if clamped >= 1 { filled = inner }
    let fill = String(repeating: unicode ? "█" : "#", count: filled)
    let empty = String(repeating: unicode ? "░" : "-", count: inner - filled)
    let color = settings.useColor
    let body = styled(fill, [.green], enabled: color) + styled(empty, [.dim], enabled: color)
    return unicode ? body : "[" + body + "]"
  }
}
