import Markdown

extension TerminalRenderer {
  /// A code block between two dim rules, the language in the top one. Lines are never wrapped,
  /// indented or padded, so copying them gives the exact code.
  func codeBlock(info: String, literal: String, _ context: RenderContext) -> [String] {
    let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
    let code = TextSanitizer.clean(literal, keepTabs: true)
    var body = code.hasSuffix("\n") ? String(code.dropLast()) : code
    if color, let syntax = language.flatMap(LanguageSyntax.named) {
      body = SyntaxHighlighter(syntax: syntax).highlight(body)
    }
    var top = glyphs.line(context.width)
    if let language, !language.isEmpty, DisplayWidth.of(language) + 4 <= context.width {
      let name = TextSanitizer.clean(language)
      top = glyphs.line(2) + " " + name + " "
      // Two rule glyphs and two spaces around the name (each glyph is one column).
      top += glyphs.line(context.width - 4 - DisplayWidth.of(name))
    }
    let lines =
      body.isEmpty
      ? []
      : body.utf8.split(separator: 10, omittingEmptySubsequences: false).map {
        String(Substring($0))
      }
    return [style(top, [.dim])] + lines + [
      style(glyphs.line(context.width), [.dim])
    ]
  }
}
