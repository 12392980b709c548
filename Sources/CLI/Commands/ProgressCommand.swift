import Course
import Foundation
import Progress
import Workspace

extension CommandSpec {
  /// `lambdalings progress [--json]`.
  static let progress = CommandSpec(
    name: "progress", abstract: "Summarise what is done, scores and what is due.",
    usage: "progress [--json] | progress reset [STEP] [--yes]",
    discussion: """
      --json prints the document instructors collect: the course id, the learner's workspace,
      every step with its status (done, attempted, failed, skipped, pending), attempts, scores
      and timestamps.
      'progress reset STEP' forgets one step (a chapter, exercise or quiz id, or kind:id such
      as quiz:limits when an id is both); 'progress reset' forgets everything. Your exercise
      files are not touched, and the progress file is first copied to
      progress.json.bak-<timestamp>. Asks for confirmation on a terminal; elsewhere pass --yes.
      """,
    arguments: [
      ArgumentSpec("ACTION", help: "reset, to forget progress."),
      ArgumentSpec("STEP", help: "With reset: the step to forget (default: all of them)."),
    ],
    options: [
      OptionSpec(long: "json", help: "Print machine-readable JSON."),
      OptionSpec(long: "yes", short: "y", help: "With reset: do not ask for confirmation."),
    ]
  ) { invocation in
    let context = invocation.context
    if let action = invocation.args.positional(0) {
      guard action == "reset" else {
        throw CLIError.usage(
          "unknown progress action '\(action)'",
          hint: "Use 'lambdalings progress' to see it or 'lambdalings progress reset [STEP]'.")
      }
      // Forgetting a quiz also forgets its review cards, which needs the quiz's questions.
      return try ProgressReset.run(invocation, course: try context.course())
    }
    let course = try context.courseOutline()
    let document = try WorkspaceSetup.progress(context)
    let status = CourseStatus(course: course, facts: WorkspaceSetup.facts(document))
    let report = ProgressReport(
      course: course, status: status, document: document,
      workspace: context.workspacePath.string, now: context.now)
    if invocation.args.flag("json") {
      invocation.out.write(try report.json() + "\n")
    } else {
      let out = invocation.out
      out.lines(report.text(styler: out.styler))
      if try WorkspaceSetup.existing(context) == nil {
        out.line(
          "  (not created yet: " + out.styler.apply(context.command(""), .command)
            + " creates it and shows the first step)")
      } else if let next = status.next {
        out.line("Next: \(NextStep.describe(next))")
        out.line("    " + out.styler.apply(NextStep.command(next, context: context), .command))
      }
    }
    return ExitCode.success
  }
}

/// The progress summary, as text for learners and as JSON for instructors.
struct ProgressReport: Encodable {
  struct CourseInfo: Encodable {
    var id: String
    var title: String
  }

  struct StepReport: Encodable {
    var kind: String
    var id: String
    var title: String
    var status: String
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
  var workspace: String
  var summary: Summary
  var steps: [StepReport]

  init(
    course: Course, status: CourseStatus, document: ProgressDocument, workspace: String, now: Date
  ) {
    generated = now
    self.course = CourseInfo(id: course.id, title: course.title)
    self.workspace = workspace
    summary = Summary(
      steps: status.entries.count, completed: status.completed,
      reviewCards: document.reviewCards.count,
      reviewsDue: document.reviewCards.values.filter { $0.due <= now }.count)
    steps = status.entries.map { entry in
      var step = StepReport(
        kind: entry.step.kind, id: entry.step.id, title: entry.title,
        status: entry.state.rawValue)
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
        step.bestScore = quiz?.bestFraction
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
    for kind in ["chapter", "exercise", "quiz"] {
      let items = byKind[kind] ?? []
      guard !items.isEmpty else { continue }
      let done = items.filter { $0.status == "done" }.count
      text += "  \(Plural.regular(kind)): \(done) of \(items.count)"
      if kind == "quiz" {
        let scores = items.compactMap(\.bestScore)
        if !scores.isEmpty {
          let average = scores.reduce(0, +) / Double(scores.count)
          text += ", average best score \(Int((average * 100).rounded()))%"
        }
      }
      if kind == "exercise" {
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
