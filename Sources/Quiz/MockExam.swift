import Foundation

/// A timed mock exam mixing questions from every bank, scored by exam domain.
///
/// The clock is injected: every call takes `now`, so tests run without waiting.
public struct MockExam: Sendable {
  public private(set) var session: QuizSession
  public let startedAt: Date
  /// Seconds allowed.
  public let timeLimit: TimeInterval

  /// Draws `count` questions from `banks` round-robin (so every bank is represented), after
  /// applying `filter`, then shuffles their order and choices with `seed`.
  public init(
    banks: [QuizBank], filter: QuestionFilter = QuestionFilter(), count: Int, seed: UInt64,
    timeLimit: TimeInterval, startedAt: Date
  ) {
    var generator = SeededGenerator(seed: seed)
    var pools = banks.map { bank in
      bank.questions.filter(filter.matches).shuffled(using: &generator)
    }
    var picked: [Question] = []
    while picked.count < count, pools.contains(where: { !$0.isEmpty }) {
      for index in pools.indices where picked.count < count && !pools[index].isEmpty {
        picked.append(pools[index].removeFirst())
      }
    }
    session = QuizSession(
      questions: picked, seed: generator.next(), shuffleQuestions: true)
    self.startedAt = startedAt
    self.timeLimit = timeLimit
  }

  /// Seconds left at `now` (never negative).
  public func remaining(at now: Date) -> TimeInterval {
    max(0, timeLimit - now.timeIntervalSince(startedAt))
  }

  public func isOver(at now: Date) -> Bool {
    session.isFinished || remaining(at: now) <= 0
  }

  /// Records an answer if time is left; after the deadline nothing more is accepted.
  public mutating func submit(_ input: String, at now: Date) -> SubmitOutcome {
    guard remaining(at: now) > 0 else { return .timeUp }
    return session.submit(input)
  }

  /// The result; questions left unanswered count as wrong.
  public var report: SessionReport { session.report }

  /// `mm:ss` for a countdown display.
  public static func clock(_ seconds: TimeInterval) -> String {
    let whole = Int(seconds.rounded(.up))
    let minutes = whole / 60
    let rest = whole % 60
    return "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
  }

  /// Parses `30m`, `90s`, `1h`, `45 min` or a bare number of minutes.
  public static func parseDuration(_ text: String) -> TimeInterval? {
    if let minutes = Double(text.trimmingCharacters(in: .whitespaces)) { return minutes * 60 }
    guard let quantity = Quantity(parsing: text), quantity.dimension == .time,
      quantity.baseValue > 0
    else { return nil }
    return quantity.baseValue
  }
}
