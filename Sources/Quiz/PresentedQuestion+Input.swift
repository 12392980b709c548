import Foundation

/// Why a typed answer could not be read; the learner is asked again.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}

extension PresentedQuestion {
  /// Reads a typed answer: `b`, `a,c`, `a c`, `ac`, `t`/`f`, `900 s`, text, or `c,a,b` for order.
  public func parse(_ input: String) -> Result<Response, InputError> {
    let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return .failure(InputError("Type an answer first.")) }
    switch question.answer {
    case .singleChoice, .multipleResponse:
      return letters(trimmed).flatMap { positions in
        if question.kind == .single, positions.count != 1 {
          return .failure(InputError("Choose exactly one letter."))
        }
        if question.kind == .multiple, positions.count != choose {
          return .failure(InputError("Choose \(PresentedQuestion.numberWord(choose)) letters."))
        }
        return .success(.choices(Set(positions.map { order[$0] })))
      }
    case .trueFalse:
      switch trimmed.lowercased() {
      case "t", "true", "y", "yes": return .success(.boolean(true))
      case "f", "false", "n", "no": return .success(.boolean(false))
      default: return .failure(InputError("Answer t (true) or f (false)."))
      }
    case .numeric(let key):
      guard let quantity = Quantity(parsing: trimmed) else {
        let example = key.expected.unit.map { "900 or 15 \($0.dimension == .time ? "min" : "MB")" }
        return .failure(InputError("'\(trimmed)' is not a number; type e.g. \(example ?? "1000")."))
      }
      if quantity.unit != nil, key.expected.unit == nil, quantity.unit?.symbol != "%" {
        return .failure(InputError("Type a plain number, without a unit."))
      }
      return .success(.text(trimmed))
    case .text:
      return .success(.text(trimmed))
    case .ordering:
      return letters(trimmed).flatMap { positions in
        guard positions.count == order.count, Set(positions).count == order.count else {
          return .failure(InputError("Give every letter exactly once, first to last."))
        }
        return .success(.order(positions.map { order[$0] }))
      }
    }
  }

  /// Letters separated by commas or spaces, or run together (`ac`); positions in display order.
  func letters(_ text: String) -> Result<[Int], InputError> {
    let compact = text.lowercased().filter { !($0 == "," || $0 == " " || $0 == ";") }
    var positions: [Int] = []
    for character in compact {
      guard let ascii = character.asciiValue, ascii >= 97, Int(ascii - 97) < order.count else {
        let last = PresentedQuestion.letter(order.count - 1)
        return .failure(InputError("'\(character)' is not a choice; use letters a to \(last)."))
      }
      let position = Int(ascii - 97)
      if positions.contains(position) {
        return .failure(InputError("'\(character)' is given twice."))
      }
      positions.append(position)
    }
    return .success(positions)
  }
}
