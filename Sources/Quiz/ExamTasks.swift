/// The exam tasks a question may be tagged with: the task statements of each exam guide.
///
/// Counts per domain come from the AWS exam guides (DVA-C02 version 1.x, SAA-C03): a tag such
/// as `DVA-C02 7.1` or `SAA-C03 2.3` names no real task and is an authoring mistake.
public enum ExamTasks {
  /// Number of task statements per domain, by exam code.
  public static let tasksPerDomain: [String: [String: Int]] = [
    "DVA-C02": ["1": 3, "2": 3, "3": 4, "4": 3],
    "SAA-C03": ["1": 3, "2": 2, "3": 5, "4": 4],
  ]

  /// What is wrong with `tag`, or nil when it names a real task.
  public static func problem(with tag: ExamTag) -> String? {
    guard let domains = tasksPerDomain[tag.exam] else {
      let known = tasksPerDomain.keys.sorted().joined(separator: ", ")
      return "exam tag '\(tag)' names an unknown exam '\(tag.exam)' (known: \(known))"
    }
    let parts = tag.task.split(separator: ".")
    guard parts.count == 2, let count = domains[String(parts[0])], let task = Int(parts[1]),
      (1...count).contains(task)
    else {
      let tasks = domains.keys.sorted().compactMap { domain in
        domains[domain].map { "\(domain).1-\(domain).\($0)" }
      }
      return "exam tag '\(tag)' names no task of \(tag.exam) (its tasks: "
        + tasks.joined(separator: ", ") + ")"
    }
    return nil
  }
}
