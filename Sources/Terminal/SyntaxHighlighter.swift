/// Colours code with a small tokenizer: keywords, literals, strings, numbers, comments,
/// variables, keys and attributes. Styles never span a line break, so each line stands alone.
struct SyntaxHighlighter {
  let syntax: LanguageSyntax

  enum Token: Int, CaseIterable {
    case plain, keyword, literal, string, number, comment, variable, key, attribute

    /// The position of this kind in `allCases` (and `openings`).
    var index: Int { rawValue }

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

  /// The opening sequence of each token kind, spelled once (empty for plain text).
  static let openings: [[UInt8]] = Token.allCases.map {
    Array(ANSIStyle.sequence(for: $0.styles).utf8)
  }

  static let reset = Array(ANSIStyle.reset.sequence.utf8)

  /// `code` with escape sequences added around each coloured token.
  func highlight(_ code: String) -> String {
    String(decoding: highlight(bytes: Array(code.utf8)), as: UTF8.self)
  }

  /// `highlight` on UTF-8 bytes.
  func highlight(bytes: [UInt8]) -> [UInt8] {
    var scanner = CodeScanner(bytes: bytes, syntax: syntax)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count * 3 / 2)
    bytes.withUnsafeBufferPointer { bytes in
      while let (range, token) = scanner.next() {
        let open = Self.openings[token.index]
        if open.isEmpty {
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
          continue
        }
        // Close the style before each newline and reopen it after, skipping empty pieces.
        var start = range.lowerBound
        for index in range where bytes[index] == UInt8(ascii: "\n") {
          if index > start {
            output.append(contentsOf: open)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            output.append(contentsOf: Self.reset)
          }
          output.append(UInt8(ascii: "\n"))
          start = index + 1
        }
        if start < range.upperBound {
          output.append(contentsOf: open)
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<range.upperBound]))
          output.append(contentsOf: Self.reset)
        }
      }
    }
    return output
  }
}
