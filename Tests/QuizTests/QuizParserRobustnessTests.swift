import Course
import Foundation
import Testing

@testable import Quiz

/// Damaged quiz files never crash the parser, and every diagnostic points inside the file.
@Suite struct QuizParserRobustnessTests {
  /// Deterministic damage: drop, duplicate or cut lines of a real bank.
  static func damaged(_ text: String, seed: UInt64) -> String {
    var generator = SeededGenerator(seed: seed)
    var lines = text.components(separatedBy: "\n")
    for _ in 0..<12 where !lines.isEmpty {
      let index = Int(generator.next() % UInt64(lines.count))
      switch generator.next() % 4 {
      case 0: lines.remove(at: index)
      case 1: lines.insert(lines[index], at: index)
      case 2: lines[index] = String(lines[index].prefix(Int(generator.next() % 12)))
      default: lines[index] = "[[" + lines[index]
      }
    }
    return lines.joined(separator: "\n")
  }

  @Test(arguments: 0..<40)
  func damagedBanksGiveLocatedDiagnostics(seed: Int) {
    let text = Self.damaged(QuizFixtures.everyKind, seed: UInt64(seed))
    let lineCount = text.components(separatedBy: "\n").count
    let (bank, diagnostics) = QuizParser.parse(text, file: "damaged.md")
    for diagnostic in diagnostics {
      #expect((1...lineCount).contains(diagnostic.line), "\(diagnostic)")
    }
    for question in bank.questions {
      let session = QuizSession(questions: [question], seed: UInt64(seed))
      #expect(session.items.count == 1)
      _ = GIFTExporter.export(question)
    }
  }

  @Test(arguments: [
    "", "---", "---\n---", "## x", "\u{0}\u{FFFD}\n## a\n[[", "---\nid: x\n---\n## a\n- [x]",
  ])
  func oddInputsDoNotCrash(text: String) {
    let (bank, diagnostics) = QuizParser.parse(text, file: "odd.md")
    #expect(bank.questions.isEmpty)
    #expect(!diagnostics.isEmpty)
  }
}
