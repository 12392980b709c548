import Foundation
import Quiz
import Terminal
import Testing

@testable import CLI

/// The per-topic and per-domain score table of a quiz summary, at the terminal's width.
@Suite struct ScoreTableTests {
  static func console(width: Int) -> QuizConsole {
    QuizConsole(
      write: { _ in }, readLine: { nil }, keys: nil, styler: Styler(enabled: false),
      render: { $0 }, now: { Date() }, columns: { width })
  }

  static let lines = [
    ScoreLine(label: "DVA-C02 domain 1: Development with AWS Services", correct: 0, total: 1),
    ScoreLine(label: "DVA-C02 domain 2: Security", correct: 1, total: 1),
  ]

  @Test func columnsLineUpWhenTheyFit() {
    let text = Self.console(width: 80).table(Self.lines)
    #expect(
      text == """
          DVA-C02 domain 1: Development with AWS Services     0/1  0%
          DVA-C02 domain 2: Security                          1/1  100%

        """)
  }

  @Test func aNarrowTerminalPutsEachScoreUnderItsLabel() {
    let text = Self.console(width: 40).table(Self.lines)
    #expect(
      text == """
          DVA-C02 domain 1: Development with AWS
          Services
               0/1  0%
          DVA-C02 domain 2: Security
               1/1  100%

        """)
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 40 })
  }
}

/// Scores line up after labels with wide characters: padding measures display width.
@Suite struct WideLabelScoreTableTests {
  @Test func scoresLineUpAfterCJKAndEmojiLabels() {
    let lines = [
      ScoreLine(label: "日本語のトピック", correct: 1, total: 2),
      ScoreLine(label: "limits 👍🏽", correct: 3, total: 3),
      ScoreLine(label: "cold starts", correct: 0, total: 1),
    ]
    let text = ScoreTableTests.console(width: 80).table(lines)
    let rows = text.split(separator: "\n").map(String.init)
    #expect(rows.count == 3)
    // Every score starts at the same terminal column: 2 + the widest label (16) + 2.
    let starts = rows.compactMap { row in
      row.range(of: "/").map { DisplayWidth.of(String(row[..<$0.lowerBound])) }
    }
    #expect(starts.count == 3)
    #expect(Set(starts).count == 1, "\(rows)")
    #expect(rows[0].hasPrefix("  日本語のトピック  "), "\(rows)")
    #expect(rows[1].hasPrefix("  limits 👍🏽       "), "\(rows)")
  }
}

/// The quiz's typed-answer line is cut by display width, so it never wraps on the terminal.
@Suite struct StatusLineWidthTests {
  @Test func wideTextIsCutByColumnsNotCharacters() {
    let typed = "日本語の答えです"  // 8 characters, 16 columns
    let end = StatusLine.cut(typed, to: 7, keepingEnd: true)
    // The ellipsis takes one column, three wide characters the other six.
    #expect(end == "…えです")
    #expect(DisplayWidth.of(end) <= 7)
    let start = StatusLine.cut(typed, to: 7, keepingEnd: false)
    #expect(start == "日本語")
    #expect(StatusLine.cut("abc", to: 7, keepingEnd: false) == "abc")
  }

  @Test func redrawingAShorterLineBlanksWhatIsLeft() {
    var written: [String] = []
    var line = StatusLine(write: { written.append($0) }, terminalWidth: 40)
    line.show("日本語")
    line.show("ab")
    // "ab" is two columns; the six columns of the longer line before are blanked.
    #expect(written.last == "\rab    \rab")
  }
}
