import Foundation

extension Question {
  /// How many choices a multiple response question asks for (its correct choices); nil for
  /// other kinds.
  public var choiceCount: Int? {
    guard case .multipleResponse(let choices) = answer else { return nil }
    return choices.filter(\.isCorrect).count
  }

  /// The count a stem states, AWS style: `(Choose two.)`, `Choose 3`; nil when it states none.
  public var statedChoiceCount: Int? { Question.statedChoiceCount(in: prompt) }

  /// The prompt as learners and exports show it: a multiple response stem that does not state
  /// its count gets `(Choose two.)` appended, as on AWS exams.
  public var promptWithChoiceCount: String {
    guard let count = choiceCount, statedChoiceCount == nil else { return prompt }
    return prompt + "\n\n" + Question.chooseText(count)
  }

  /// `(Choose two.)`, `(Choose three.)`, ...
  public static func chooseText(_ count: Int) -> String {
    "(Choose \(PresentedQuestion.numberWord(count)).)"
  }

  /// Finds `choose <number>` (a word from one to ten, or digits) in text, case-insensitively.
  static func statedChoiceCount(in text: String) -> Int? {
    let lower = text.lowercased()
    // Most questions never say "choose": skip splitting them into words.
    guard lower.utf8.firstRange(of: "choose".utf8) != nil else { return nil }
    let words = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    for (index, word) in words.enumerated() where word == "choose" && index + 1 < words.count {
      let next = String(words[index + 1])
      if let number = Int(next) { return number }
      if let number = numberWords.firstIndex(of: next) { return number }
    }
    return nil
  }

  static let numberWords = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  ]
}
