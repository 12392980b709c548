/// Writes a quiz bank in Moodle's GIFT format, so instructors can import it into an LMS.
///
/// Question and feedback text keep their Markdown (`[markdown]`). GIFT has no ordering
/// question, so ordering becomes matching ("Step 1 -> first item", ...). Units are not part of
/// GIFT numeric answers, so the question says which unit to answer in.
public enum GIFTExporter {
  /// The whole bank: a category line, then one question per block.
  public static func export(_ bank: QuizBank) -> String {
    var blocks = ["// \(bank.title) (\(bank.id))\n$CATEGORY: $course$/lambdalings/\(bank.id)"]
    blocks += bank.questions.map(export)
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// One question with its id and tags in a comment line.
  public static func export(_ question: Question) -> String {
    var comment = "// [id:\(question.id)]"
    comment += question.topics.map { " [tag:\($0)]" }.joined()
    if !question.exams.isEmpty {
      comment += " exam: " + question.exams.map(\.description).joined(separator: ", ")
    }
    var prompt = question.promptWithChoiceCount
    if case .numeric(let key) = question.answer, let unit = key.expected.unit {
      prompt += "\n\n(Answer in \(unitName(unit)).)"
    }
    var feedback = question.explanation
    if !question.see.isEmpty {
      feedback += "\n\nSee: " + question.see.joined(separator: ", ")
    }
    let title = "::\(escape(question.id))::[markdown]\(escape(prompt))"
    return comment + "\n" + title + answerBlock(question.answer, feedback: escape(feedback))
  }

  static func answerBlock(_ key: AnswerKey, feedback: String) -> String {
    let general = "\n####" + feedback + "\n}"
    switch key {
    case .singleChoice(let choices):
      let lines = choices.map { ($0.isCorrect ? "=" : "~") + escape($0.text) }
      return "{\n" + lines.joined(separator: "\n") + general
    case .multipleResponse(let choices):
      let count = choices.filter(\.isCorrect).count
      let weight = weightText(100 / Double(max(count, 1)))
      let lines = choices.map { "~%\($0.isCorrect ? "" : "-")\(weight)%" + escape($0.text) }
      return "{\n" + lines.joined(separator: "\n") + general
    case .trueFalse(let value):
      return "{" + (value ? "TRUE" : "FALSE") + general
    case .numeric(let key):
      let unit = key.expected.unit
      let margin = key.tolerance.margin(around: key.expected.baseValue) / (unit?.factor ?? 1)
      return "{#\(numberText(key.expected.number)):\(numberText(margin))" + general
    case .text(let alternatives):
      return "{\n" + alternatives.map { "=" + escape($0) }.joined(separator: "\n") + general
    case .ordering(let items):
      let pairs = items.enumerated().map { offset, item in
        "=Step \(offset + 1) -> " + escape(item.replacingOccurrences(of: "->", with: "→"))
      }
      return "{\n" + pairs.joined(separator: "\n") + general
    }
  }

  /// Escapes GIFT's special characters (`~ = # { } :` and backslash) and encodes line breaks
  /// as `\n`, since a blank line would end the question.
  public static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\", "~", "=", "#", "{", "}", ":": out += "\\\(character)"
      case "\n": out += "\\n"
      case "\r": continue
      default: out.append(character)
      }
    }
    return out
  }

  /// A Moodle grade percentage with at most five decimals: 50, 33.33333, 25.
  static func weightText(_ value: Double) -> String {
    let scaled = (value * 100_000).rounded(.down) / 100_000
    return numberText(scaled)
  }

  /// A plain number: no thousands separators, no trailing `.0`.
  static func numberText(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  static func unitName(_ unit: QuantityUnit) -> String {
    let names = ["ms": "milliseconds", "s": "seconds", "min": "minutes", "h": "hours", "d": "days"]
    return names[unit.symbol] ?? unit.symbol
  }
}
