/// One option of a choice question; `text` is inline Markdown.
public struct Choice: Sendable, Equatable, Hashable {
  public var text: String
  public var isCorrect: Bool

  public init(text: String, isCorrect: Bool) {
    self.text = text
    self.isCorrect = isCorrect
  }
}

/// How close a numeric answer must be to count as correct.
public enum Tolerance: Sendable, Equatable, Hashable {
  /// An absolute margin in base units (seconds, bytes, or the plain number).
  case absolute(Double)
  /// A fraction of the expected value, e.g. 0.01 for `± 1%`.
  case relative(Double)

  /// The margin in base units around `expected`.
  public func margin(around expected: Double) -> Double {
    switch self {
    case .absolute(let value): return value
    case .relative(let fraction): return abs(expected) * fraction
    }
  }
}

/// The expected answer of a numeric fill-in, e.g. `[[900 s ± 0]]`.
public struct NumericAnswer: Sendable, Equatable, Hashable {
  public var expected: Quantity
  public var tolerance: Tolerance

  public init(expected: Quantity, tolerance: Tolerance = .absolute(0)) {
    self.expected = expected
    self.tolerance = tolerance
  }
}

/// The answer part of a question: what a learner picks or types, and what is right.
public enum AnswerKey: Sendable, Equatable, Hashable {
  /// Exactly one correct choice.
  case singleChoice([Choice])
  /// Two or more correct choices, shown as "Choose two." like AWS exams.
  case multipleResponse([Choice])
  case trueFalse(Bool)
  case numeric(NumericAnswer)
  /// Accepted answers, compared case-insensitively after normalising spaces.
  case text([String])
  /// The items in their correct order; shown shuffled.
  case ordering([String])

  public var kind: QuestionKind {
    switch self {
    case .singleChoice: return .single
    case .multipleResponse: return .multiple
    case .trueFalse: return .trueFalse
    case .numeric: return .numeric
    case .text: return .text
    case .ordering: return .ordering
    }
  }

  /// The choices of a choice question; empty for other kinds.
  public var choices: [Choice] {
    switch self {
    case .singleChoice(let choices), .multipleResponse(let choices): return choices
    default: return []
    }
  }
}
