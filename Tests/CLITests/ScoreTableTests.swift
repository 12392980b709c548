import Foundation
import Quiz
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
