import Foundation

/// Grades responses: exact choices, numeric tolerance with unit conversion, text alternatives
/// and ordering.
public enum Scorer {
  /// Grades `response` against the answer key of `question`.
  public static func grade(_ response: Response, for question: Question) -> Grade {
    switch (question.answer, response) {
    case (.singleChoice(let choices), .choices(let picked)):
      let correct = Set(choices.indices.filter { choices[$0].isCorrect })
      return picked == correct ? .right : .wrong
    case (.multipleResponse(let choices), .choices(let picked)):
      return gradeMultiple(choices, picked)
    case (.trueFalse(let expected), .boolean(let given)):
      return expected == given ? .right : .wrong
    case (.numeric(let key), .text(let typed)):
      return gradeNumeric(key, typed)
    case (.text(let alternatives), .text(let typed)):
      let given = normalize(typed)
      return alternatives.contains { normalize($0) == given } ? .right : .wrong
    case (.ordering(let items), .order(let given)):
      let placed = zip(given, items.indices).filter { $0 == $1 }.count
      let credit = items.isEmpty ? 0 : Double(placed) / Double(items.count)
      let detail = "\(placed) of \(items.count) in the right place"
      return Grade(isCorrect: given == Array(items.indices), credit: credit, detail: detail)
    default:
      return Grade(isCorrect: false, credit: 0, detail: "the answer does not fit the question")
    }
  }

  /// Multiple response: each right pick earns 1/n of the credit; picks beyond n cost 1/n each,
  /// so ticking everything earns nothing. Only the exact set counts as correct.
  static func gradeMultiple(_ choices: [Choice], _ picked: Set<Int>) -> Grade {
    let correct = Set(choices.indices.filter { choices[$0].isCorrect })
    let hits = picked.intersection(correct).count
    let misses = picked.subtracting(correct).count
    let extra = max(0, picked.count - correct.count)
    let credit = Double(max(0, hits - extra)) / Double(max(correct.count, 1))
    var detail = "\(hits) of \(correct.count) correct choices"
    if misses > 0 { detail += ", \(misses) wrong" }
    return Grade(isCorrect: picked == correct, credit: credit, detail: detail)
  }

  /// Numeric: a bare number is read in the answer's unit; other units are converted.
  static func gradeNumeric(_ key: NumericAnswer, _ typed: String) -> Grade {
    guard var given = Quantity(parsing: typed) else {
      return Grade(isCorrect: false, credit: 0, detail: "'\(typed)' is not a number")
    }
    if given.unit == nil, let unit = key.expected.unit { given.unit = unit }
    guard given.dimension == key.expected.dimension else {
      let detail = "expected \(key.expected.dimension.noun), got \(given.dimension.noun)"
      return Grade(isCorrect: false, credit: 0, detail: detail)
    }
    let expected = key.expected.baseValue
    let margin = key.tolerance.margin(around: expected) + abs(expected) * 1e-9
    let difference = abs(given.baseValue - expected)
    guard difference > margin else { return .right }
    let shown = given.converted(to: key.expected.unit).formatted
    return Grade(isCorrect: false, credit: 0, detail: "you answered \(shown)")
  }

  /// Lower-cases, trims, collapses spaces and drops surrounding backticks, quotes and a final
  /// period, so `provided.al2023`, "Provided.AL2023." and `` `provided.al2023` `` compare equal.
  public static func normalize(_ text: String) -> String {
    var value = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
    while let first = value.first, let last = value.last, value.count >= 2,
      first == last, "`\"'".contains(first)
    {
      value = String(value.dropFirst().dropLast())
    }
    if value.hasSuffix(".") { value.removeLast() }
    return value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The right answer in words, for feedback, e.g. `900 s (15 min)`.
  public static func expectedText(_ key: NumericAnswer) -> String {
    var text = key.expected.formatted
    if key.expected.dimension == .time, key.expected.baseValue >= 120 {
      let minutes = key.expected.converted(to: QuantityUnit.minute)
      if minutes.unit != key.expected.unit { text += " (\(minutes.formatted))" }
    }
    switch key.tolerance {
    case .absolute(let value) where value > 0:
      let margin = Quantity(
        number: value / (key.expected.unit?.factor ?? 1), unit: key.expected.unit)
      text += " ± \(margin.formatted)"
    case .relative(let fraction) where fraction > 0:
      text += " ± \(Quantity.format(fraction * 100))%"
    default:
      break
    }
    return text
  }
}
