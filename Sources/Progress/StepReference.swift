import Foundation

/// A pointer to one step of the course.
public struct StepReference: Codable, Equatable, Hashable, Sendable {
  /// The kind of step.
  public enum Kind: String, Codable, Sendable {
    case chapter, exercise, quiz
  }

  /// Whether the step is a chapter, an exercise or a quiz.
  public var kind: Kind
  /// The id of the chapter, exercise or quiz.
  public var id: String

  /// A reference to the step `id` of kind `kind`.
  public init(kind: Kind, id: String) {
    self.kind = kind
    self.id = id
  }
}
