import SystemSupport

/// A loaded course: its chapters, exercises and quizzes, in order.
public struct Course: Sendable {
  public var id: String
  public var title: String
  public var summary: String
  /// The folder holding `lessons/` and `exercises/`.
  public var root: AbsolutePath
  public var chapters: [Chapter]
  public var exercises: [Exercise]
  public var quizzes: [QuizSource]

  public init(
    id: String, title: String, summary: String, root: AbsolutePath, chapters: [Chapter],
    exercises: [Exercise], quizzes: [QuizSource]
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.root = root
    self.chapters = chapters
    self.exercises = exercises
    self.quizzes = quizzes
  }

  // By index: only the match is copied out, not every element on the way to it.
  public func chapter(_ id: String) -> Chapter? {
    chapters.firstIndex { $0.id == id }.map { chapters[$0] }
  }
  /// The chapter a link in course text names by its path (the part before `#`): its id
  /// (`limits`) or its file name with any folders before it (`09-limits.md`,
  /// `../../lessons/09-limits.md`).
  public func chapter(linkedAs path: String) -> Chapter? {
    let name = path.split(separator: "/").last.map(String.init) ?? ""
    let id = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    return chapters.first {
      $0.id == id || $0.file.split(separator: "/").last.map(String.init) == name
    }
  }
  public func exercise(_ id: String) -> Exercise? {
    exercises.firstIndex { $0.id == id }.map { exercises[$0] }
  }
  public func quiz(_ id: String) -> QuizSource? {
    quizzes.firstIndex { $0.id == id }.map { quizzes[$0] }
  }

  /// True when the course has nothing to learn yet.
  public var isEmpty: Bool { chapters.isEmpty && exercises.isEmpty && quizzes.isEmpty }

  /// Every step of the course in learning order: each chapter, then its exercises, then its quiz;
  /// exercises and quizzes no chapter names come last.
  public var steps: [Step] {
    var result: [Step] = []
    var seen = Set<Step>()
    func add(_ step: Step) {
      if seen.insert(step).inserted { result.append(step) }
    }
    let exerciseIDs = Set(exercises.map(\.id))
    let quizIDs = Set(quizzes.map(\.id))
    for chapter in chapters {
      add(.chapter(chapter.id))
      for exercise in chapter.exerciseIDs where exerciseIDs.contains(exercise) {
        add(.exercise(exercise))
      }
      if let quiz = chapter.quizID, quizIDs.contains(quiz) { add(.quiz(quiz)) }
    }
    for exercise in exercises { add(.exercise(exercise.id)) }
    for quiz in quizzes { add(.quiz(quiz.id)) }
    return result
  }

  /// The exercises in learning order (as `steps` visits them), for lists a learner or an
  /// author reads top to bottom.
  public var exercisesInOrder: [Exercise] {
    steps.compactMap { step in
      if case .exercise(let id) = step { return exercise(id) }
      return nil
    }
  }

  /// Section anchors per chapter id (`"cold-starts"` -> `["provisioned-concurrency", ...]`),
  /// for checking links such as `cold-starts#provisioned-concurrency`.
  public var chapterAnchors: [String: Set<String>] {
    Dictionary(uniqueKeysWithValues: chapters.map { ($0.id, $0.anchors) })
  }
}

/// One step of the learning path.
public enum Step: Sendable, Hashable, CustomStringConvertible {
  case chapter(String)
  case exercise(String)
  case quiz(String)

  public var id: String {
    switch self {
    case .chapter(let id), .exercise(let id), .quiz(let id): return id
    }
  }

  public var kind: String {
    switch self {
    case .chapter: return "chapter"
    case .exercise: return "exercise"
    case .quiz: return "quiz"
    }
  }

  /// `chapter:first-function`, the form `progress.json` keeps skipped steps in (`skipped`).
  public var description: String { "\(kind):\(id)" }
}

/// A chapter: a Markdown file in `lessons/` with a header.
public struct Chapter: Sendable, Equatable {
  public var id: String
  public var title: String
  public var order: Int
  /// The Markdown file, as diagnostics name it (its absolute path as text: `Diagnostic.file`
  /// is text, and `description(relativeTo:)` shortens it for display).
  public var file: String
  public var exerciseIDs: [String]
  public var quizID: String?
  /// The Markdown after the header.
  public var body: String
  /// Line of the body's first line in `file`.
  public var bodyStartLine: Int
  /// GitHub-style anchors of the chapter's headings.
  public var anchors: Set<String>
  /// The line of each header key, for diagnostics about its value.
  public var headerLines: [String: Int]
}

/// A quiz file as found on disk; the Quiz module parses its questions.
public struct QuizSource: Sendable, Equatable {
  public var id: String
  public var title: String
  public var chapterID: String?
  /// The quiz file, as diagnostics name it (absolute, as text; see `Chapter.file`).
  public var file: String
  /// The header as the course loader read it, with the body after it (the questions), so
  /// the quiz parser reads only the body: a quiz file is parsed once. In an outline the
  /// body is empty.
  public var header: FrontMatter
  /// The share of right answers that passes the quiz (header `pass: 80%`; default 70%).
  public var passMark: Double = QuizSource.defaultPassMark
  /// What `quiz --list` shows of it, when an outline load read it from the course index.
  public var listing: QuizListing?

  /// The pass mark when a quiz does not set one, like AWS's scaled 700/1000.
  public static let defaultPassMark = 0.7

  public init(
    id: String, title: String, chapterID: String?, file: String,
    header: FrontMatter = .absent(), passMark: Double = QuizSource.defaultPassMark
  ) {
    self.id = id
    self.title = title
    self.chapterID = chapterID
    self.file = file
    self.header = header
    self.passMark = passMark
  }

  /// Reads a pass mark written as `80%`, `80` or `0.8`; nil when it is not one in (0, 100%].
  public static func parsePassMark(_ text: String) -> Double? {
    var number = text.trimmingWhitespace()
    let percent = number.hasSuffix("%")
    if percent { number = String(number.dropLast()).trimmingWhitespace() }
    guard let value = Double(number), value.isFinite else { return nil }
    let fraction = (percent || value > 1) ? value / 100 : value
    return fraction > 0 && fraction <= 1 ? fraction : nil
  }
}
