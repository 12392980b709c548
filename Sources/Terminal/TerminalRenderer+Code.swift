import Markdown

extension TerminalRenderer {
  /// A code block between two dim rules, the language in the top one. Lines are never wrapped,
  /// indented or padded, so copying them gives the exact code.
  func codeBlock(info: String, literal: String, _ context: RenderContext, _ out: TerminalWriter) {
    let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
    out.beginLine()
    if color { out.append(Self.dimOpening) }
    if let language, !language.isEmpty, DisplayWidth.of(language) + 4 <= context.width {
      let name = TextSanitizer.clean(language)
      out.appendRepeated(glyphs.rule, count: 2)
      out.append(" " + name + " ")
      // Two rule glyphs and two spaces around the name (each glyph is one column).
      out.appendRepeated(glyphs.rule, count: context.width - 4 - DisplayWidth.of(name))
    } else {
      out.appendRepeated(glyphs.rule, count: context.width)
    }
    if color { out.append(ANSIStyle.resetBytes) }
    out.endLine()
    var code = out.takeScratch()
    TextSanitizer.append(literal, keepTabs: true, to: &code)
    if code.last == UInt8(ascii: "\n") { code.removeLast() }
    if !code.isEmpty {
      if color, let syntax = language.flatMap(LanguageSyntax.named) {
        let highlighted = SyntaxHighlighter(syntax: syntax).highlight(bytes: code)
        writeLines(highlighted, out)
      } else {
        writeLines(code, out)
      }
    }
    out.returnScratch(code)
    rule(width: context.width, out)
  }

  /// `ESC [ 2 m`, spelled once.
  static let dimOpening = Array(ANSIStyle.sequence(for: [.dim]).utf8)

  /// A dim horizontal rule `width` columns wide, as a line of its own.
  func rule(width: Int, _ out: TerminalWriter) {
    out.beginLine()
    if color { out.append(Self.dimOpening) }
    out.appendRepeated(glyphs.rule, count: width)
    if color { out.append(ANSIStyle.resetBytes) }
    out.endLine()
  }

  /// Writes `text` line by line (split at each newline), each behind the open prefixes.
  private func writeLines(_ text: [UInt8], _ out: TerminalWriter) {
    text.withUnsafeBufferPointer { bytes in
      var start = 0
      while true {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        out.beginLine()
        out.append(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        out.endLine()
        if end == bytes.count { break }
        start = end + 1
      }
    }
  }
}
