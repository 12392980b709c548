/// An exam task a question serves, such as `DVA-C02 1.2` (exam code, then domain.task).
public struct ExamTag: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The exam code, e.g. `DVA-C02`.
  public var exam: String
  /// The task number, e.g. `1.2`.
  public var task: String

  public init(exam: String, task: String) {
    self.exam = exam
    self.task = task
  }

  /// Parses `DVA-C02 1.2`; returns nil when the text has no exam code and task number.
  public init?(parsing text: String) {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard parts.count == 2 else { return nil }
    let exam = String(parts[0]).uppercased()
    let task = String(parts[1])
    let examShape =
      exam.contains("-") && exam.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    let taskParts = task.split(separator: ".", omittingEmptySubsequences: false)
    let taskShape =
      taskParts.count == 2 && taskParts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    guard examShape, taskShape else { return nil }
    self.init(exam: exam, task: task)
  }

  /// The domain number: `1` for task `1.2`.
  public var domain: String { String(task.split(separator: ".").first ?? Substring(task)) }

  public var description: String { "\(exam) \(task)" }

  public static func < (lhs: ExamTag, rhs: ExamTag) -> Bool {
    (lhs.exam, lhs.task) < (rhs.exam, rhs.task)
  }
}
