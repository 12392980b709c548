import Foundation

/// Writes a quiz bank as neutral, documented JSON (format `lambdalings-quiz`, version 1).
public enum JSONExporter {
  struct Bank: Codable, Equatable {
    var format = "lambdalings-quiz"
    var version = 1
    var id: String
    var title: String
    var chapter: String
    var questions: [Item]
  }

  struct Item: Codable, Equatable {
    var id: String
    var type: String
    var topics: [String]
    var exams: [String]
    var see: [String]
    var prompt: String
    var explanation: String
    var shuffle: Bool
    /// How many choices to pick (multiple response only), as the prompt states it.
    var choose: Int?
    var choices: [ChoiceItem]?
    var answer: Bool?
    var numeric: NumericItem?
    var accepted: [String]?
    var order: [String]?
  }

  struct ChoiceItem: Codable, Equatable {
    var text: String
    var correct: Bool
  }

  struct NumericItem: Codable, Equatable {
    var value: Double
    var unit: String?
    var dimension: String
    /// The value in base units: seconds or bytes.
    var baseValue: Double
    /// The margin in base units either side of `baseValue`.
    var tolerance: Double
  }

  /// Pretty-printed JSON with sorted keys, so exports diff cleanly.
  public static func export(_ bank: QuizBank) throws -> String {
    let value = Bank(
      id: bank.id, title: bank.title, chapter: bank.chapter, questions: bank.questions.map(item))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  static func item(_ question: Question) -> Item {
    var item = Item(
      id: question.id, type: question.kind.rawValue, topics: question.topics,
      exams: question.exams.map(\.description), see: question.see,
      prompt: question.promptWithChoiceCount, explanation: question.explanation,
      shuffle: question.shuffles, choose: question.choiceCount)
    switch question.answer {
    case .singleChoice(let choices), .multipleResponse(let choices):
      item.choices = choices.map { ChoiceItem(text: $0.text, correct: $0.isCorrect) }
    case .trueFalse(let value):
      item.answer = value
    case .numeric(let key):
      item.numeric = NumericItem(
        value: key.expected.number, unit: key.expected.unit?.symbol,
        dimension: key.expected.dimension.rawValue, baseValue: key.expected.baseValue,
        tolerance: key.tolerance.margin(around: key.expected.baseValue))
    case .text(let alternatives):
      item.accepted = alternatives
    case .ordering(let items):
      item.order = items
    }
    return item
  }
}
