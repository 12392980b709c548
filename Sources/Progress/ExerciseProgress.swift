import Foundation

/// The record of one exercise: how often it was checked, passed, and helped with.
public struct ExerciseProgress: Codable, Equatable, Sendable {
  /// How many times the learner's handler was checked.
  public var attempts: Int
  /// How many of those checks passed.
  public var passes: Int
  /// When a check first passed; `nil` while the exercise has never passed.
  public var firstPassed: Date?
  /// How many hints the learner has revealed (the highest hint number shown).
  public var hintsUsed: Int
  /// The outcome of the latest check.
  public var lastResult: ExerciseResult?

  /// A record with the given counts; all zero by default.
  public init(
    attempts: Int = 0, passes: Int = 0, firstPassed: Date? = nil, hintsUsed: Int = 0,
    lastResult: ExerciseResult? = nil
  ) {
    self.attempts = attempts
    self.passes = passes
    self.firstPassed = firstPassed
    self.hintsUsed = hintsUsed
    self.lastResult = lastResult
  }
}

/// The outcome of one check of an exercise.
public struct ExerciseResult: Codable, Equatable, Sendable {
  /// When the check ran.
  public var date: Date
  /// Whether every case passed.
  public var passed: Bool
  /// The language of the handler that was checked, such as "python" or "node".
  public var language: String?
  /// How many cases passed.
  public var casesPassed: Int
  /// How many cases the exercise has.
  public var casesTotal: Int
  /// A one-line summary, such as the first failing case.
  public var summary: String?

  /// A result with the given fields.
  public init(
    date: Date, passed: Bool, language: String? = nil, casesPassed: Int, casesTotal: Int,
    summary: String? = nil
  ) {
    self.date = date
    self.passed = passed
    self.language = language
    self.casesPassed = casesPassed
    self.casesTotal = casesTotal
    self.summary = summary
  }
}
