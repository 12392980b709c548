import Course
import SystemSupport

/// The one way a command lists the errors that stop it: a count, at most `limit` of them, and
/// how many more there are.
enum ProblemList {
  static let limit = 20

  /// `N errors:` then one per line (files relative to `folder` when inside it), then
  /// `... and M more` when there are over `limit`.
  static func text(
    _ problems: [Diagnostic], relativeTo folder: AbsolutePath, limit: Int = ProblemList.limit
  ) -> String {
    var text = "\(Plural.count(problems.count, "error")):\n"
    text += problems.prefix(limit).map { $0.description(relativeTo: folder) }
      .joined(separator: "\n")
    if problems.count > limit { text += "\n... and \(problems.count - limit) more" }
    return text
  }
}
