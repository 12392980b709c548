import Markdown
import Terminal

extension MarkdownBenchmark {
  /// The terminal renderers, timed with `--ansi`: parse (GFM) plus render at 80 columns, as a
  /// colour terminal with hyperlinks would get it, and the escape-free plain form.
  static let terminalRenderers: [Contender] = [
    Contender("ansi (80 cols)", flag: "--ansi") { document in
      let settings = TerminalSettings(
        useColor: true, width: 80, supportsUnicode: true, supportsHyperlinks: true, isTTY: true)
      return TerminalRenderer(settings: settings, format: .ansi).render(document)
    },
    Contender("plain (80 cols)", flag: "--ansi") { document in
      TerminalRenderer(settings: TerminalSettings(width: 80), format: .plain).render(document)
    },
  ]
}
