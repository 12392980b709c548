import Course
import Foundation
import Progress
import SystemSupport
import Workspace

/// The progress summary, as text for learners and as JSON for instructors.
struct ProgressReport: Encodable {
  struct CourseInfo: Encodable {
    var id: String
    var title: String
  }

  /// The kinds of step, in the order the summary lists them.
  enum StepKind: String, Encodable, CaseIterable {
    case chapter
    case exercise
    case quiz

    init(_ step: Step) {
      switch step {
      case .chapter: self = .chapter
      case .exercise: self = .exercise
      case .quiz: self = .quiz
      }
    }
  }

  struct StepReport: Encodable {
    var kind: StepKind
    var id: String
    var title: String
    var status: CourseStatus.State
    var firstRead: Date?
    var lastRead: Date?
    var attempts: Int?
    var passes: Int?
    var hintsUsed: Int?
    var firstPassed: Date?
    var bestScore: Double?
    var lastAttempt: Date?
  }

  struct Summary: Encodable {
    var steps: Int
    var completed: Int
    var reviewCards: Int
    var reviewsDue: Int
  }

  var version = 1
  var generated: Date
  var course: CourseInfo
  var workspace: AbsolutePath
  var summary: Summary
  var steps: [StepReport]

  init(
    course: Course, status: CourseStatus, document: ProgressDocument, workspace: AbsolutePath,
    now: Date
  ) {
    generated = now
    self.course = CourseInfo(id: course.id, title: course.title)
    self.workspace = workspace
    summary = Summary(
      steps: status.entries.count, completed: status.completed,
      reviewCards: document.reviewCards.count,
      reviewsDue: document.dueReviewCards(at: now).count)
    steps = status.entries.map { entry in
      var step = StepReport(
        kind: StepKind(entry.step), id: entry.step.id, title: entry.title, status: entry.state)
      switch entry.step {
      case .chapter(let id):
        step.firstRead = document.chapters[id]?.firstRead
        step.lastRead = document.chapters[id]?.lastRead
      case .exercise(let id):
        let exercise = document.exercises[id]
        step.attempts = exercise?.attempts ?? 0
        step.passes = exercise?.passes ?? 0
        step.hintsUsed = exercise?.hintsUsed ?? 0
        step.firstPassed = exercise?.firstPassed
      case .quiz(let id):
        let quiz = document.quizzes[id]
        step.attempts = quiz?.attempts.count ?? 0
        step.bestScore = entry.bestScore
        step.lastAttempt = quiz?.attempts.last?.date
      }
      return step
    }
  }

  func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  func text(styler: Styler) -> String {
    var text = styler.apply(course.title, .heading) + "\n"
    text += "\(summary.completed) of \(summary.steps) steps done.\n"
    let byKind = Dictionary(grouping: steps, by: \.kind)
    for kind in StepKind.allCases {
      let items = byKind[kind] ?? []
      guard !items.isEmpty else { continue }
      let done = items.filter { $0.status == .done }.count
      text += "  \(Plural.regular(kind.rawValue)): \(done) of \(items.count)"
      if kind == .quiz {
        let scores = items.compactMap(\.bestScore)
        if !scores.isEmpty {
          let average = scores.reduce(0, +) / Double(scores.count)
          text += ", average best score \(Int((average * 100).rounded()))%"
        }
      }
      if kind == .exercise {
        let attempts = items.compactMap(\.attempts).reduce(0, +)
        let hints = items.compactMap(\.hintsUsed).reduce(0, +)
        text +=
          ", \(Plural.count(attempts, "check")), \(Plural.count(hints, "hint")) used"
      }
      text += "\n"
    }
    if summary.reviewCards > 0 {
      text +=
        "Reviews: \(summary.reviewsDue) due of \(Plural.count(summary.reviewCards, "question"))"
        + " scheduled.\n"
    }
    text += "Workspace: \(workspace)\n"
    return text
  }
}
