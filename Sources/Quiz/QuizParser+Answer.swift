import Course
import Foundation

extension QuizParser {
  /// Finds the answer part (the last block of the body) and returns the prompt lines before it.
  mutating func parseAnswerPart(
    _ body: [Line], id: String, heading: Line
  ) -> ([Line], AnswerKey)? {
    guard let lastIndex = body.lastIndex(where: { !$0.isBlank }) else {
      report(.error, heading.number, "question '\(id)' has no question text and no answer")
      return nil
    }
    let last = body[lastIndex]
    if last.trimmed.hasPrefix("[["), last.trimmed.hasSuffix("]]") {
      let inner = String(last.trimmed.dropFirst(2).dropLast(2))
      guard let key = parseFillIn(inner, line: last.number) else { return nil }
      return (Array(body[..<lastIndex]), key)
    }
    let itemStart = listStart(body, through: lastIndex)
    guard let start = itemStart else {
      report(
        .error, heading.number,
        "question '\(id)' has no answer part: end it with `- [x]`/`- [ ]` choices, a fill-in "
          + "such as `[[900 s]]`, or a numbered list in the correct order")
      return nil
    }
    let items = QuizParser.listItems(Array(body[start...lastIndex]))
    let prompt = Array(body[..<start])
    if QuizParser.orderedMarker(body[start].text) != nil {
      guard let key = parseOrdering(items, id: id) else { return nil }
      return (prompt, key)
    }
    guard let key = parseChoices(items, id: id, line: body[start].number) else { return nil }
    return (prompt, key)
  }

  /// The index where the trailing list (task items or numbered items) starts, if any.
  func listStart(_ body: [Line], through lastIndex: Int) -> Int? {
    var start: Int?
    var ordered: Bool?
    var index = lastIndex
    while index >= 0 {
      let line = body[index]
      let isBullet = QuizParser.bulletMarker(line.text) != nil
      let isOrdered = QuizParser.orderedMarker(line.text) != nil
      if isBullet || isOrdered {
        if let ordered, ordered != isOrdered { break }
        ordered = isOrdered
        start = index
      } else if !(line.isBlank || line.text.hasPrefix("  ")) {
        break
      }
      index -= 1
    }
    return start
  }

  /// Groups list lines into items: the marker line plus its indented continuation lines.
  static func listItems(_ lines: [Line]) -> [(line: Line, text: String)] {
    var items: [(line: Line, text: String)] = []
    for line in lines {
      if let rest = bulletMarker(line.text) ?? orderedMarker(line.text)?.rest {
        items.append((line, rest))
      } else if !line.isBlank, !items.isEmpty {
        items[items.count - 1].text += " " + line.trimmed
      }
    }
    return items
  }

  /// The text after `- `, `* ` or `+ ` at the start of a line.
  static func bulletMarker(_ text: String) -> String? {
    let trimmed = text.drop(while: { $0 == " " })
    guard text.count - trimmed.count <= 3, let first = trimmed.first, "-*+".contains(first),
      trimmed.dropFirst().first == " "
    else { return nil }
    return trimmed.dropFirst(2).trimmingSpaces()
  }

  /// The number and text of a `1. item` or `1) item` line.
  static func orderedMarker(_ text: String) -> (number: Int, rest: String)? {
    let trimmed = text.drop(while: { $0 == " " })
    let digits = trimmed.prefix(while: \.isNumber)
    guard text.count - trimmed.count <= 3, (1...9).contains(digits.count),
      let number = Int(digits)
    else { return nil }
    let after = trimmed.dropFirst(digits.count)
    guard let delimiter = after.first, delimiter == "." || delimiter == ")",
      after.dropFirst().first == " "
    else { return nil }
    return (number, after.dropFirst(2).trimmingSpaces())
  }

  mutating func parseChoices(
    _ items: [(line: Line, text: String)], id: String, line: Int
  ) -> AnswerKey? {
    var choices: [Choice] = []
    var ok = true
    for item in items {
      let box = item.text.prefix(3).lowercased()
      guard box == "[x]" || box == "[ ]", item.text.count > 3 else {
        report(
          .error, item.line.number,
          "choice '\(item.text)' of '\(id)' needs a box: `- [x] right` or `- [ ] wrong`")
        ok = false
        continue
      }
      let text = item.text.dropFirst(3).trimmingSpaces()
      if choices.contains(where: { $0.text == text }) {
        report(.error, item.line.number, "choice '\(text)' appears twice in '\(id)'")
        ok = false
      }
      choices.append(Choice(text: text, isCorrect: box == "[x]"))
    }
    guard ok else { return nil }
    let correct = choices.filter(\.isCorrect).count
    let lowered = Set(choices.map { $0.text.lowercased() })
    if choices.count == 2, lowered == ["true", "false"], correct == 1 {
      return .trueFalse(choices.first(where: \.isCorrect)?.text.lowercased() == "true")
    }
    if choices.count < 2 {
      report(.error, line, "question '\(id)' has \(choices.count) choice; give at least two")
      return nil
    }
    if correct == 0 {
      report(.error, line, "question '\(id)' has no correct choice: mark the right one `- [x]`")
      return nil
    }
    if correct == choices.count {
      report(.error, line, "every choice of '\(id)' is marked correct; add wrong choices")
      return nil
    }
    return correct == 1 ? .singleChoice(choices) : .multipleResponse(choices)
  }

  mutating func parseOrdering(_ items: [(line: Line, text: String)], id: String) -> AnswerKey? {
    var ok = true
    for (offset, item) in items.enumerated() {
      guard let marker = QuizParser.orderedMarker(item.line.text) else {
        report(
          .error, item.line.number, "ordering item of '\(id)' must be numbered `1.`, `2.`, ...")
        ok = false
        continue
      }
      if marker.number != offset + 1 {
        report(
          .error, item.line.number,
          "ordering item \(offset + 1) of '\(id)' is numbered \(marker.number); number the items "
            + "1, 2, 3, ... in their correct order")
        ok = false
      }
    }
    if items.count < 3 {
      report(.error, items.first?.line.number ?? 1, "ordering '\(id)' needs at least three items")
      ok = false
    }
    return ok ? .ordering(items.map(\.text)) : nil
  }

  /// Parses the inside of `[[...]]`: `true`/`false`, `text: a | b`, or a number with unit.
  mutating func parseFillIn(_ inner: String, line: Int) -> AnswerKey? {
    let content = inner.trimmingSpaces()
    switch content.lowercased() {
    case "true": return .trueFalse(true)
    case "false": return .trueFalse(false)
    default: break
    }
    if content.lowercased().hasPrefix("text:") {
      let alternatives = content.dropFirst(5).split(separator: "|")
        .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
      guard !alternatives.isEmpty else {
        report(.error, line, "text answer has no alternatives: write `[[text: answer | other]]`")
        return nil
      }
      return .text(alternatives)
    }
    return parseNumeric(content, line: line).map(AnswerKey.numeric)
  }

  mutating func parseNumeric(_ content: String, line: Int) -> NumericAnswer? {
    var parts = [content]
    for separator in ["±", "+/-", "+-"] where parts.count == 1 {
      let split = content.components(separatedBy: separator)
      if split.count == 2 { parts = split }
    }
    guard let expected = Quantity(parsing: parts[0]) else {
      report(
        .error, line,
        "numeric answer '\(content)' does not parse: write a number with an optional unit "
          + "(ms, s, min, h, KB, MB, GB), e.g. `[[900 s ± 0]]`, or `[[text: ...]]` for text")
      return nil
    }
    guard parts.count == 2 else { return NumericAnswer(expected: expected) }
    let toleranceText = parts[1].trimmingSpaces()
    if toleranceText.hasSuffix("%"), let percent = Double(toleranceText.dropLast()) {
      return NumericAnswer(expected: expected, tolerance: .relative(percent / 100))
    }
    guard var tolerance = Quantity(parsing: toleranceText) else {
      report(
        .error, line, "tolerance '\(toleranceText)' does not parse: write e.g. `± 1 s` or `± 5%`")
      return nil
    }
    if tolerance.unit == nil { tolerance.unit = expected.unit }
    guard tolerance.dimension == expected.dimension else {
      report(
        .error, line,
        "tolerance '\(toleranceText)' is \(tolerance.dimension.noun) but the answer is "
          + "\(expected.dimension.noun)")
      return nil
    }
    return NumericAnswer(expected: expected, tolerance: .absolute(tolerance.baseValue))
  }

  mutating func checkDeclaredKind(
    _ declared: QuestionKind, answer: AnswerKey, id: String, line: Int
  ) {
    let correct = answer.choices.filter(\.isCorrect).count
    if declared == .single, answer.kind == .multiple {
      report(
        .error, line,
        "single choice question '\(id)' has \(correct) correct answers: mark exactly one "
          + "`- [x]`, or declare `type: multiple`")
    } else if declared == .multiple, answer.kind == .single {
      report(
        .error, line,
        "multiple response question '\(id)' has only one correct answer: mark two or more "
          + "`- [x]`, or declare `type: single`")
    } else {
      report(
        .error, line,
        "question '\(id)' declares `type: \(declared.rawValue)` but its answer part is "
          + "\(answer.kind.label)")
    }
  }
}
