import Markdown
import Testing

@testable import Terminal

/// The byte-level pieces of the renderer agree with the string-level definitions they replace.
@Suite struct ByteRenderingTests {
  /// A small deterministic generator, so a failure can be replayed.
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  /// Random text from pieces that exercise every branch: controls, C1 controls, tabs,
  /// combining marks, emoji sequences, wide characters, glue and plain words.
  func randomText(_ generator: inout Generator, pieces: Int) -> String {
    let alphabet = [
      "a", "word", " ", "\t", "\n", "\r", "\u{1}", "\u{7F}", "\u{85}", "\u{9B}", "\u{A0}", "é",
      "e\u{301}", "\u{301}", "’", "—", "“quoted”", "→", "─", "•", "◦", "▪", "語", "日本",
      "😀", "👍🏽", "❤️", "‼\u{FE0F}", "1\u{FE0F}\u{20E3}", "🇫🇷", "👩‍💻", "\u{200B}",
      "\u{200D}", "\u{E000}", "한", "\u{1100}\u{1161}", "ﾊﾞ", "\u{AD}",
    ]
    var text = ""
    for _ in 0..<pieces { text += alphabet[generator.next(alphabet.count)] }
    return text
  }

  @Test func simpleScalarsStandAloneWithTheirWidth() throws {
    let ranges: [ClosedRange<UInt32>] = [
      0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x2500...0x257F,
      0x4E00...0x9FFF,
    ]
    for range in ranges {
      for value in range {
        let scalar = try #require(Unicode.Scalar(value))
        let columns = try #require(DisplayWidth.simpleColumns(value))
        #expect(DisplayWidth.width(of: scalar) == columns, "U+\(String(value, radix: 16))")
        let alone = String(Character(scalar))
        // Never part of a cluster with ASCII on either side, or with another of its kind.
        #expect(("a" + alone + "a").count == 3, "U+\(String(value, radix: 16))")
        #expect((alone + alone).count == 2, "U+\(String(value, radix: 16))")
      }
    }
    #expect(DisplayWidth.simpleColumns(0x301) == nil)
    #expect(DisplayWidth.simpleColumns(0x200D) == nil)
  }

  @Test func widthOfBytesIsTheSumOverClusters() {
    var generator = Generator(state: 14)
    for _ in 0..<2_000 {
      let text = randomText(&generator, pieces: generator.next(12)).filter {
        !$0.isNewline && $0 != "\t" && $0 != "\u{1}" && $0 != "\u{7F}"
      }
      let expected = text.reduce(0) { $0 + DisplayWidth.of($1) }
      #expect(DisplayWidth.of(text) == expected, "\(text.debugDescription)")
    }
  }

  @Test func sanitizerAppendMatchesClean() {
    var generator = Generator(state: 15)
    for _ in 0..<2_000 {
      let text = randomText(&generator, pieces: generator.next(10))
      for keepTabs in [false, true] {
        var bytes: [UInt8] = Array("prefix".utf8)
        TextSanitizer.append(text, keepTabs: keepTabs, to: &bytes)
        let expected = "prefix" + TextSanitizer.clean(text, keepTabs: keepTabs)
        #expect(bytes == Array(expected.utf8), "\(text.debugDescription)")
      }
    }
  }

  @Test func ungluedBytesMatchUngluedText() {
    var generator = Generator(state: 16)
    for _ in 0..<500 {
      let text = randomText(&generator, pieces: generator.next(10))
      let bytes = CommandText.unglued(bytes: Array(text.utf8))
      #expect(bytes == Array(CommandText.unglued(text).utf8), "\(text.debugDescription)")
    }
  }

  @Test(arguments: ["python", "js", "json", "yaml", "bash", "swift"])
  func wordTableAgreesWithTheSets(language: String) throws {
    let syntax = try #require(LanguageSyntax.named(language))
    func lookup(_ word: String) -> Bool? {
      let bytes = Array(word.utf8)
      return bytes.withUnsafeBufferPointer { syntax.words.lookup($0) }
    }
    for word in syntax.keywords { #expect(lookup(word) == true, "\(word)") }
    for word in syntax.literals.subtracting(syntax.keywords) {
      #expect(lookup(word) == false, "\(word)")
    }
    for word in ["", "x", "value", "classy", "Trues", "nul", "defs"] {
      let expected: Bool? =
        syntax.keywords.contains(word) ? true : syntax.literals.contains(word) ? false : nil
      #expect(lookup(word) == expected, "\(word)")
    }
  }

  @Test func writerPrefixesLinesAndTrimsEmptyOnes() {
    let out = TerminalWriter(capacity: 0)
    out.line("top")
    out.push(first: Array("- ".utf8), rest: Array("  ".utf8))
    out.line("one")
    out.emptyLine()
    out.push(Array("| ".utf8))
    out.line("two")
    out.emptyLine()
    out.pop()
    out.pop()
    #expect(String(decoding: out.bytes, as: UTF8.self) == "top\n- one\n\n  | two\n  |\n")
  }

  @Test func aBlankLineIsWrittenOnlyBeforeSomething() {
    let out = TerminalWriter(capacity: 0)
    out.push(Array("> ".utf8))
    out.line("a")
    out.requestBlank()
    out.cancelBlank()
    out.requestBlank()
    out.push(first: Array("* ".utf8), rest: Array("  ".utf8))
    out.line("b")
    out.pop()
    out.pop()
    // The blank line carries only the prefixes open when it was asked for.
    #expect(String(decoding: out.bytes, as: UTF8.self) == "> a\n>\n> * b\n")
    #expect(out.lineCount == 3)
  }

  @Test func blocksThatShowNothingLeaveNoGap() {
    let settings = TerminalSettings(width: 40)
    let renderer = TerminalRenderer(settings: settings, format: .plain)
    let markdown = "> a\n>\n> <!-- hidden -->\n>\n> b\n\n- <!-- only -->\n- c\n"
    let text = renderer.render(Document(parsing: markdown))
    #expect(text == "│ a\n│\n│ b\n\n•\n• c\n")
    #expect(Array(text.utf8) == renderer.renderBytes(Document(parsing: markdown)))
  }

  @Test func piecesPutTogetherAreTheWholeOutput() {
    let fixture = (0..<1_000).map { number in
      "## Part \(number)\n\n> quoted *text* \(number)\n\n- item `code`\n  - nested [link](https://x.y/\(number))\n\n"
        + "```python\ndef f(x):\n    return x  # \(number)\n```\n"
    }.joined(separator: "\n")
    let document = Document(parsing: fixture)
    for format in TerminalRenderer.Format.allCases {
      let renderer = TerminalRenderer(settings: TerminalSettings(width: 30), format: format)
      let whole = renderer.renderBytes(document)
      #expect(whole.count > 2 * TerminalWriter.pieceSize)
      nonisolated(unsafe) var pieces: [[UInt8]] = []
      renderer.render(document) { pieces.append(Array($0)) }
      #expect(pieces.count > 2)
      // Every piece ends a line, and together they are the output.
      #expect(pieces.allSatisfy { $0.last == UInt8(ascii: "\n") })
      #expect(Array(pieces.joined()) == whole)
      #expect(String(decoding: whole, as: UTF8.self) == renderer.render(document))
    }
  }

  @Test func styleNumbersSpellTheirCodes() {
    let styles: [ANSIStyle] = [
      .reset, .bold, .dim, .italic, .underline, .inverse, .strikethrough, .normalIntensity,
      .noItalic, .noUnderline, .noInverse, .noStrikethrough, .black, .red, .green, .yellow, .blue,
      .magenta, .cyan, .white, .brightBlack, .brightRed, .brightGreen, .brightYellow, .brightBlue,
      .brightMagenta, .brightCyan, .brightWhite, .defaultColor,
    ]
    for style in styles {
      #expect(String(style.number) == style.code)
      var bytes: [UInt8] = []
      ANSIStyle.appendSequence(for: [style, .bold], to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == ANSIStyle.sequence(for: [style, .bold]))
    }
  }
}
