import Foundation

/// When a chapter was read.
public struct ChapterProgress: Codable, Equatable, Sendable {
  /// The first time the learner opened the chapter.
  public var firstRead: Date
  /// The latest time the learner opened the chapter.
  public var lastRead: Date

  /// A chapter read once, at `date`.
  public init(firstRead: Date, lastRead: Date) {
    self.firstRead = firstRead
    self.lastRead = lastRead
  }
}
