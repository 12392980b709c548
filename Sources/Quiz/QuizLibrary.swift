import Course
import Foundation

/// Every quiz bank of a course (the `lessons/quizzes/*.md` the course loader found), with their
/// diagnostics.
public struct QuizLibrary: Sendable {
  public var banks: [QuizBank]
  public var diagnostics: [Diagnostic]

  public init(banks: [QuizBank], diagnostics: [Diagnostic] = []) {
    self.banks = banks
    self.diagnostics = diagnostics
  }

  /// Parses banks given as (file, text) pairs, each a whole quiz file read on its own, and
  /// checks ids across them.
  public static func parse(
    _ sources: [(file: String, text: String)], knownTargets: Set<String>? = nil
  ) -> QuizLibrary {
    combine(
      sources.map { source in
        let (bank, found) = QuizParser.parse(
          source.text, file: source.file, knownTargets: knownTargets)
        return (source.file, bank, found)
      })
  }

  /// The file name without its extension (`lambda-basics` of `/c/quizzes/lambda-basics.md`).
  static func fileStem(_ file: String) -> String {
    let name = file.split(separator: "/").last.map(String.init) ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  /// Banks parsed one by one, with their problems, combined into a library: ids are checked
  /// across them, and a question whose id another bank has is left out.
  static func combine(_ parsed: [(file: String, bank: QuizBank, diagnostics: [Diagnostic])])
    -> QuizLibrary
  {
    var banks: [QuizBank] = []
    var diagnostics: [Diagnostic] = []
    var questionOwners: [String: (file: String, line: Int)] = [:]
    var bankOwners: [String: String] = [:]
    for source in parsed {
      var (bank, found) = (source.bank, source.diagnostics)
      let stem = fileStem(source.file)
      if !bank.id.isEmpty, bank.id != stem {
        found.append(
          Diagnostic(
            severity: .warning, file: source.file, line: 2,
            message: "quiz id '\(bank.id)' differs from its file name '\(stem).md'; rename one"))
      }
      if let other = bankOwners[bank.id] {
        found.append(
          Diagnostic(
            severity: .error, file: source.file, line: 2,
            message: "quiz id '\(bank.id)' is already used by \(other)"))
        diagnostics += found
        continue
      }
      bankOwners[bank.id] = source.file
      bank.questions = bank.questions.filter { question in
        if let owner = questionOwners[question.id] {
          found.append(
            Diagnostic(
              severity: .error, file: source.file, line: question.line,
              message: "duplicate question id '\(question.id)' (first used at "
                + "\(owner.file):\(owner.line)); ids must be unique across all quizzes"))
          return false
        }
        questionOwners[question.id] = (source.file, question.line)
        return true
      }
      banks.append(bank)
      diagnostics += found
    }
    return QuizLibrary(banks: banks, diagnostics: diagnostics)
  }

  /// The bank with the given id.
  public func bank(_ id: String) -> QuizBank? { banks.first { $0.id == id } }

  /// Every question of every bank, in bank order.
  public var allQuestions: [Question] { banks.flatMap(\.questions) }

  /// The question with the given id.
  public func question(_ id: String) -> Question? { allQuestions.first { $0.id == id } }

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
