/// Colours code with a small tokenizer: keywords, literals, strings, numbers, comments,
/// variables, keys and attributes. Styles never span a line break, so each line stands alone.
struct SyntaxHighlighter {
  let syntax: LanguageSyntax

  enum Token {
    case plain, keyword, literal, string, number, comment, variable, key, attribute

    var styles: [ANSIStyle] {
      switch self {
      case .plain: []
      case .keyword: [.magenta]
      case .literal: [.yellow]
      case .string: [.green]
      case .number: [.cyan]
      case .comment: [.brightBlack, .italic]
      case .variable: [.cyan]
      case .key: [.blue]
      case .attribute: [.yellow]
      }
    }
  }

  /// `code` with escape sequences added around each coloured token.
  func highlight(_ code: String) -> String {
    let bytes = Array(code.utf8)
    var scanner = CodeScanner(bytes: bytes, syntax: syntax)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count * 3 / 2)
    while let (range, token) = scanner.next() {
      let styles = token.styles
      if styles.isEmpty {
        output += bytes[range]
        continue
      }
      let open = Array(ANSIStyle.sequence(for: styles).utf8)
      let reset = Array(ANSIStyle.reset.sequence.utf8)
      // Close the style before each newline and reopen it after, skipping empty pieces.
      var start = range.lowerBound
      for index in range where bytes[index] == UInt8(ascii: "\n") {
        if index > start { output += open + bytes[start..<index] + reset }
        output.append(UInt8(ascii: "\n"))
        start = index + 1
      }
      if start < range.upperBound { output += open + bytes[start..<range.upperBound] + reset }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
