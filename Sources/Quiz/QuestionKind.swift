/// The kind of a question, as authors may declare it with `type:`.
public enum QuestionKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
  case single
  case multiple
  case trueFalse = "true-false"
  case numeric
  case text
  case ordering

  /// The name used in messages.
  public var label: String {
    switch self {
    case .single: return "single choice"
    case .multiple: return "multiple response"
    case .trueFalse: return "true/false"
    case .numeric: return "numeric"
    case .text: return "short text"
    case .ordering: return "ordering"
    }
  }
}
