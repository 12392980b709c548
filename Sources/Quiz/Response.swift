/// What a learner answered, in terms of the question's authored order.
public enum Response: Sendable, Equatable, Hashable {
  /// Indices of the chosen choices (authored order).
  case choices(Set<Int>)
  case boolean(Bool)
  /// A typed answer: a number with an optional unit, or short text.
  case text(String)
  /// Indices of the ordering items (authored order) in the order the learner put them.
  case order([Int])
}

/// The verdict on one response.
public struct Grade: Sendable, Equatable, Hashable {
  /// Counts as correct only when exactly right, as on AWS exams.
  public var isCorrect: Bool
  /// Partial credit from 0 to 1 (multiple response and ordering can be partly right).
  public var credit: Double
  /// A short note on what was right or wrong, e.g. "1 of 2 correct choices".
  public var detail: String

  public init(isCorrect: Bool, credit: Double, detail: String = "") {
    self.isCorrect = isCorrect
    self.credit = credit
    self.detail = detail
  }

  static let right = Grade(isCorrect: true, credit: 1)
  static let wrong = Grade(isCorrect: false, credit: 0)
}
