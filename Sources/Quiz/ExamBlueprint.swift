import Foundation

/// The shape of a real certification exam: how many questions, how long, and the share of
/// each domain, so a mock exam can be weighted and timed like the real one.
public struct ExamBlueprint: Sendable, Equatable {
  /// The exam code, e.g. `DVA-C02`.
  public var exam: String
  /// Questions on the real exam.
  public var questionCount: Int
  /// Minutes allowed on the real exam.
  public var minutes: Int
  /// Domain number → share of the scored content (the shares add up to 1).
  public var weights: [(domain: String, share: Double)]

  public init(
    exam: String, questionCount: Int, minutes: Int, weights: [(domain: String, share: Double)]
  ) {
    self.exam = exam
    self.questionCount = questionCount
    self.minutes = minutes
    self.weights = weights
  }

  public static func == (lhs: ExamBlueprint, rhs: ExamBlueprint) -> Bool {
    lhs.exam == rhs.exam && lhs.questionCount == rhs.questionCount && lhs.minutes == rhs.minutes
      && lhs.weights.map(\.domain) == rhs.weights.map(\.domain)
      && lhs.weights.map(\.share) == rhs.weights.map(\.share)
  }

  /// AWS Certified Developer - Associate: 65 questions in 130 minutes; domains 1-4 weigh 32%,
  /// 26%, 24% and 18% (the DVA-C02 exam guide).
  public static let developerAssociate = ExamBlueprint(
    exam: "DVA-C02", questionCount: 65, minutes: 130,
    weights: [("1", 0.32), ("2", 0.26), ("3", 0.24), ("4", 0.18)])

  /// AWS Certified Solutions Architect - Associate: 65 questions in 130 minutes; domains 1-4
  /// weigh 30%, 26%, 24% and 20% (the SAA-C03 exam guide).
  public static let solutionsArchitectAssociate = ExamBlueprint(
    exam: "SAA-C03", questionCount: 65, minutes: 130,
    weights: [("1", 0.30), ("2", 0.26), ("3", 0.24), ("4", 0.20)])

  public static let all = [developerAssociate, solutionsArchitectAssociate]

  /// The blueprint of an exam code, case-insensitively.
  public static func named(_ code: String) -> ExamBlueprint? {
    all.first { $0.exam == code.uppercased() }
  }

  /// Seconds for `count` questions at the real exam's pace (130 minutes for 65 questions is
  /// two minutes each).
  public func timeLimit(forQuestions count: Int) -> TimeInterval {
    Double(minutes * 60) * Double(count) / Double(questionCount)
  }

  /// The domain a question counts toward on this exam: its first task tag for the exam.
  public func domain(of question: Question) -> String? {
    question.exams.first { $0.exam == exam }?.domain
  }

  /// How many questions each domain gets out of `count`, by weight (largest remainder), when
  /// `available[domain]` questions exist. A domain with too few questions gives its share to
  /// the others, in proportion to their weights, so the total is `count` whenever enough
  /// questions exist at all.
  public func quotas(count: Int, available: [String: Int]) -> [String: Int] {
    var quotas: [String: Int] = [:]
    var remaining = min(count, weights.reduce(0) { $0 + available[$1.domain, default: 0] })
    var open = weights.filter { available[$0.domain, default: 0] > 0 }
    while remaining > 0, !open.isEmpty {
      let total = open.reduce(0) { $0 + $1.share }
      let exact = open.map { Double(remaining) * $0.share / total }
      var shares = exact.map { Int($0.rounded(.down)) }
      let order = exact.indices.sorted {
        (exact[$0] - Double(shares[$0])) > (exact[$1] - Double(shares[$1]))
      }
      for index in order.prefix(remaining - shares.reduce(0, +)) { shares[index] += 1 }
      var next: [(domain: String, share: Double)] = []
      for (index, entry) in open.enumerated() {
        let room = available[entry.domain, default: 0] - quotas[entry.domain, default: 0]
        let granted = min(shares[index], room)
        quotas[entry.domain, default: 0] += granted
        remaining -= granted
        if granted < room { next.append(entry) }
      }
      if next.count == open.count, shares.allSatisfy({ $0 == 0 }) { break }
      open = next
    }
    return quotas
  }

  /// `DVA-C02 domain 1: Development with AWS Services`.
  public func title(domain: String) -> String { ExamDomains.title(exam: exam, domain: domain) }
}
