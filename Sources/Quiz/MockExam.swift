import Foundation

/// A timed mock exam mixing questions from every bank, scored by exam domain.
///
/// The clock is injected: every call takes `now`, so tests run without waiting.
public struct MockExam: Sendable {
  public private(set) var session: QuizSession
  public let startedAt: Date
  /// Seconds allowed.
  public let timeLimit: TimeInterval
  /// The exam whose domain weights chose the questions; nil for a plain round-robin mix.
  public let blueprint: ExamBlueprint?

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
    blueprint = nil
  }

  /// Draws `count` questions tagged for `blueprint`'s exam, as many from each domain as the
  /// exam's weights give (see `ExamBlueprint.quotas`), round-robin across banks within a
  /// domain; then shuffles their order and choices with `seed`.
  public init(
    blueprint: ExamBlueprint, banks: [QuizBank], filter: QuestionFilter = QuestionFilter(),
    count: Int, seed: UInt64, timeLimit: TimeInterval, startedAt: Date
  ) {
    var generator = SeededGenerator(seed: seed)
    var byDomain: [String: [[Question]]] = [:]
    for bank in banks {
      let pool = bank.questions.filter(filter.matches).shuffled(using: &generator)
      for (domain, questions) in Dictionary(grouping: pool, by: { blueprint.domain(of: $0) ?? "" })
      where !domain.isEmpty {
        byDomain[domain, default: []].append(questions)
      }
    }
    let available = byDomain.mapValues { $0.reduce(0) { $0 + $1.count } }
    let quotas = blueprint.quotas(count: count, available: available)
    var picked: [Question] = []
    for (domain, _) in blueprint.weights {
      var pools = byDomain[domain] ?? []
      let quota = quotas[domain, default: 0]
      var taken = 0
      while taken < quota, pools.contains(where: { !$0.isEmpty }) {
        for index in pools.indices where taken < quota && !pools[index].isEmpty {
          picked.append(pools[index].removeFirst())
          taken += 1
        }
      }
    }
    session = QuizSession(questions: picked, seed: generator.next(), shuffleQuestions: true)
    self.startedAt = startedAt
    self.timeLimit = timeLimit
    self.blueprint = blueprint
  }

  /// How many questions of each domain of the blueprint the exam asks, in domain order.
  public var domainCounts: [(domain: String, count: Int)] {
    guard let blueprint else { return [] }
    let questions = session.items.map(\.question)
    return blueprint.weights.map { entry in
      (entry.domain, questions.filter { blueprint.domain(of: $0) == entry.domain }.count)
    }
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

  /// The result; questions left unanswered count as wrong. With a blueprint, each question
  /// counts once, toward its domain of that exam.
  public var report: SessionReport { report(answeredOnly: false) }

  /// The result with one line per domain of the blueprint. An unanswered question is not right;
  /// with `answeredOnly` (a learner who stopped early) it is left out of the domain lines.
  public func report(answeredOnly: Bool) -> SessionReport {
    var report = session.report
    guard let blueprint else { return report }
    let correct = Dictionary(
      session.answers.map { ($0.question.id, $0.grade.isCorrect) }, uniquingKeysWith: { $1 })
    report.domains = blueprint.weights.compactMap { entry in
      let questions = session.items.map(\.question).filter {
        blueprint.domain(of: $0) == entry.domain && (!answeredOnly || correct[$0.id] != nil)
      }
      guard !questions.isEmpty else { return nil }
      let right = questions.filter { correct[$0.id] == true }.count
      return ScoreLine(
        label: blueprint.title(domain: entry.domain), correct: right, total: questions.count)
    }
    return report
  }

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
