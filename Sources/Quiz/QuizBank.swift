/// One quiz file: a bank of questions about one chapter.
public struct QuizBank: Sendable, Equatable {
  public var id: String
  public var title: String
  /// The chapter id the bank belongs to.
  public var chapter: String
  /// The path the bank was read from.
  public var file: String
  public var questions: [Question]

  public init(id: String, title: String, chapter: String, file: String, questions: [Question]) {
    self.id = id
    self.title = title
    self.chapter = chapter
    self.file = file
    self.questions = questions
  }
}
