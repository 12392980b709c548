import Foundation
import Testing

@testable import Terminal

@Suite struct SyntaxHighlighterTests {
  /// The styled tokens of `code`, as (text, styles) pairs, in order.
  func tokens(_ code: String, _ language: String) throws -> [(String, [ANSIStyle])] {
    let syntax = try #require(LanguageSyntax.named(language))
    var scanner = CodeScanner(bytes: Array(code.utf8), syntax: syntax)
    var result: [(String, [ANSIStyle])] = []
    let bytes = Array(code.utf8)
    while let (range, token) = scanner.next() {
      if token.styles.isEmpty { continue }
      result.append((String(decoding: bytes[range], as: UTF8.self), token.styles))
    }
    return result
  }

  func styles(of text: String, in code: String, _ language: String) throws -> [ANSIStyle]? {
    try tokens(code, language).first { $0.0 == text }?.1
  }

  static let samples: [(String, String)] = [
    ("python", "def f(x):\n    \"\"\"Doc\nstring\"\"\"\n    return x + 1.5  # note\n@dec\nNone"),
    ("javascript", "const s = `a\nb`; /* block\ncomment */ let n = 0x1F; // end"),
    ("ts", "interface A { b: string }\nconst ok = true"),
    ("json", "{\"key\": \"value\", \"n\": -12.5e3, \"t\": true, \"z\": null}"),
    ("yaml", "# c\nkey: value\nlist:\n  - name: 'x'\n    count: 3\nurl: http://a#b"),
    ("bash", "echo \"$HOME\" ${PATH} 'it''s' # done\nif [ -f a#b ]; then exit 1; fi"),
    ("swift", "@main struct A { let s = \"\"\"\n  x\n  \"\"\" // c\n var n = nil }"),
  ]

  @Test(arguments: samples.map(\.0))
  func highlightingNeverChangesTheText(language: String) throws {
    let code = try #require(Self.samples.first { $0.0 == language }?.1)
    let syntax = try #require(LanguageSyntax.named(language))
    let highlighted = SyntaxHighlighter(syntax: syntax).highlight(code)
    #expect(highlighted != code)
    #expect(ANSIStyle.stripped(highlighted) == code)
    for line in highlighted.split(separator: "\n", omittingEmptySubsequences: false) {
      let opens = line.components(separatedBy: "\u{1B}[").count - 1
      #expect(opens % 2 == 0, "a style spans a line break: \(line.debugDescription)")
    }
  }

  @Test func pythonTokens() throws {
    let code = Self.samples[0].1
    #expect(try styles(of: "def", in: code, "python") == [.magenta])
    #expect(try styles(of: "return", in: code, "python") == [.magenta])
    #expect(try styles(of: "\"\"\"Doc\nstring\"\"\"", in: code, "python") == [.green])
    #expect(try styles(of: "1.5", in: code, "python") == [.cyan])
    #expect(try styles(of: "# note", in: code, "python") == [.brightBlack, .italic])
    #expect(try styles(of: "@dec", in: code, "python") == [.yellow])
    #expect(try styles(of: "None", in: code, "python") == [.yellow])
  }

  @Test func javascriptAndTypescriptTokens() throws {
    let code = Self.samples[1].1
    #expect(try styles(of: "`a\nb`", in: code, "js") == [.green])
    #expect(try styles(of: "/* block\ncomment */", in: code, "js") == [.brightBlack, .italic])
    #expect(try styles(of: "0x1F", in: code, "js") == [.cyan])
    #expect(try styles(of: "interface", in: "interface A {}", "typescript") == [.magenta])
  }

  @Test func jsonKeysDifferFromValues() throws {
    let code = Self.samples[3].1
    #expect(try styles(of: "\"key\"", in: code, "json") == [.blue])
    #expect(try styles(of: "\"value\"", in: code, "json") == [.green])
    #expect(try styles(of: "true", in: code, "json") == [.yellow])
    #expect(try styles(of: "null", in: code, "json") == [.yellow])
  }

  @Test func yamlKeysAndComments() throws {
    let code = Self.samples[4].1
    #expect(try styles(of: "key", in: code, "yaml") == [.blue])
    #expect(try styles(of: "name", in: code, "yml") == [.blue])
    #expect(try styles(of: "# c", in: code, "yaml") == [.brightBlack, .italic])
    #expect(try tokens(code, "yaml").allSatisfy { $0.0 != "#b" })
    #expect(try styles(of: "3", in: code, "yaml") == [.cyan])
  }

  @Test func shellVariablesAndComments() throws {
    let code = Self.samples[5].1
    #expect(try styles(of: "${PATH}", in: code, "sh") == [.cyan])
    #expect(try styles(of: "# done", in: code, "shell") == [.brightBlack, .italic])
    #expect(try styles(of: "then", in: code, "bash") == [.magenta])
    #expect(try tokens(code, "bash").allSatisfy { !$0.0.hasPrefix("#b") })
  }

  @Test func swiftTokens() throws {
    let code = Self.samples[6].1
    #expect(try styles(of: "@main", in: code, "swift") == [.yellow])
    #expect(try styles(of: "struct", in: code, "swift") == [.magenta])
    #expect(try styles(of: "nil", in: code, "swift") == [.yellow])
    #expect(try styles(of: "\"\"\"\n  x\n  \"\"\"", in: code, "swift") == [.green])
  }

  @Test func unterminatedConstructsStopAtTheEnd() throws {
    for language in ["python", "js", "json", "yaml", "bash", "swift"] {
      let syntax = try #require(LanguageSyntax.named(language))
      for code in ["\"open", "'''open", "/* open", "${open", "`open", "\"esc\\"] {
        #expect(ANSIStyle.stripped(SyntaxHighlighter(syntax: syntax).highlight(code)) == code)
      }
    }
    #expect(LanguageSyntax.named("cobol") == nil)
  }
}
