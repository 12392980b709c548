import Markdown
import Terminal

/// Markdown rendered for the terminal: the one place the CLI builds a `TerminalRenderer`
/// (chapters, exercise statements, hints, solutions, quiz questions and explanations, `render`).
enum MarkdownText {
  /// The format a stream's settings call for: ANSI when colour is on, else plain.
  static func format(for settings: TerminalSettings) -> TerminalRenderer.Format {
    settings.useColor ? .ansi : .plain
  }

  /// `markdown` rendered with `settings` (width, Unicode, colour).
  static func render(_ markdown: String, settings: TerminalSettings) -> String {
    render(Document(parsing: markdown), settings: settings)
  }

  /// `document` rendered with `settings`, in `format` when given, else the one they call for.
  static func render(
    _ document: Document, settings: TerminalSettings, format: TerminalRenderer.Format? = nil
  ) -> String {
    TerminalRenderer(settings: settings, format: format ?? self.format(for: settings))
      .render(document)
  }
}

extension OutputWriter {
  /// `markdown` rendered for this stream: its width, Unicode and colour decisions.
  func rendered(markdown: String) -> String {
    MarkdownText.render(markdown, settings: settings)
  }
}

extension TerminalSettings {
  /// The same settings without any escape codes.
  var plain: TerminalSettings {
    TerminalSettings(
      useColor: false, width: width, supportsUnicode: supportsUnicode, supportsHyperlinks: false,
      isTTY: isTTY)
  }

  /// The same settings with colour on (for an explicit `--format ansi`).
  var forcedColor: TerminalSettings {
    TerminalSettings(
      useColor: true, width: width, supportsUnicode: supportsUnicode,
      supportsHyperlinks: supportsHyperlinks, isTTY: isTTY)
  }
}
