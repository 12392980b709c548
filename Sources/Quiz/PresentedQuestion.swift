/// A question as shown in a session: choices or ordering items in their shuffled order.
public struct PresentedQuestion: Sendable, Equatable {
  public var question: Question
  /// Display position → authored index, for choices and ordering items.
  public var order: [Int]

  public init(question: Question, order: [Int]) {
    self.question = question
    self.order = order
  }

  /// Shuffles choices (unless `shuffle: no`) and ordering items (never left in the right order).
  public init(question: Question, using generator: inout SeededGenerator) {
    var order: [Int] = []
    switch question.answer {
    case .singleChoice(let choices), .multipleResponse(let choices):
      order = question.shuffles ? generator.permutation(choices.count) : Array(choices.indices)
    case .ordering(let items):
      order = generator.permutation(items.count)
      if order == Array(items.indices), items.count > 1 {
        order = Array(order.dropFirst()) + [order[0]]
      }
    default:
      break
    }
    self.init(question: question, order: order)
  }

  /// The letter of a display position: 0 → `a`.
  public static func letter(_ position: Int) -> String {
    guard let scalar = Unicode.Scalar(UInt32(97 + position)) else { return "?" }
    return String(Character(scalar))
  }

  /// The options in display order with their letters: choices or ordering items.
  public var options: [(letter: String, text: String)] {
    let texts: [String]
    switch question.answer {
    case .singleChoice(let choices), .multipleResponse(let choices): texts = choices.map(\.text)
    case .ordering(let items): texts = items
    default: texts = []
    }
    return order.enumerated().map { (PresentedQuestion.letter($0.offset), texts[$0.element]) }
  }

  /// How many choices to pick for a multiple response question.
  public var choose: Int { question.answer.choices.filter(\.isCorrect).count }

  /// What the learner is asked to do, AWS style.
  public var instruction: String {
    switch question.answer {
    case .singleChoice: return "Choose one."
    case .multipleResponse: return "Choose \(PresentedQuestion.numberWord(choose))."
    case .trueFalse: return "True or false?"
    case .numeric(let key):
      guard let unit = key.expected.unit else { return "Type a number." }
      let other = unit.dimension == .time ? "ms, s, min, h" : "KB, MB, GB"
      return "Type a number; a number alone is read in \(PresentedQuestion.unitName(unit)),"
        + " and units such as \(other) work too."
    case .text: return "Type your answer."
    case .ordering: return "Put these in order: type the letters, first to last (e.g. `c,a,b`)."
    }
  }

  /// The unit as a word for sentences: `s` is "seconds", `MB` stays "MB".
  static func unitName(_ unit: QuantityUnit) -> String {
    let names = [
      "ms": "milliseconds", "s": "seconds", "min": "minutes", "h": "hours", "d": "days",
      "%": "percent",
    ]
    return names[unit.symbol] ?? unit.symbol
  }

  static func numberWord(_ count: Int) -> String {
    let words = ["zero", "one", "two", "three", "four", "five", "six"]
    return count < words.count ? words[count] : String(count)
  }

  /// The right answer as the learner saw it, e.g. `b) 6 MB` or `900 s (15 min)`.
  public var correctAnswerText: String {
    switch question.answer {
    case .singleChoice(let choices), .multipleResponse(let choices):
      return options.enumerated().filter { choices[order[$0.offset]].isCorrect }
        .map { "\($0.element.letter)) \($0.element.text)" }.joined(separator: "; ")
    case .trueFalse(let value): return value ? "True" : "False"
    case .numeric(let key): return Scorer.expectedText(key)
    case .text(let alternatives): return alternatives.joined(separator: " or ")
    case .ordering(let items):
      let letters = items.indices.compactMap { index in order.firstIndex(of: index) }
        .map(PresentedQuestion.letter)
      return letters.joined(separator: ", ") + ": " + items.joined(separator: " → ")
    }
  }
}
