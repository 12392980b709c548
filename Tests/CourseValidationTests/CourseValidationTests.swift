import Course
import CourseValidation
import Foundation
import SystemSupport
import Testing

/// A small course in a temporary folder, removed by `remove()`.
struct TempCourse {
  let root: String

  /// Writes `files` (path relative to the course root → text) under a fresh folder.
  init(_ files: [String: String]) throws {
    root =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("course-validation-\(UUID().uuidString)").path
    for (path, text) in files {
      let full = "\(root)/\(path)"
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: full, atomically: true, encoding: .utf8)
    }
  }

  func remove() { try? FileManager.default.removeItem(atPath: root) }

  /// The course loaded whole, with the loader's diagnostics.
  func load() -> (Course, [Diagnostic]) {
    CourseLoader.load(root: AbsolutePath(validating: root)!)
  }

  /// The problems `validate` lists from reading the course (no exercise runs).
  func contentProblems() -> [Diagnostic] {
    let (course, diagnostics) = load()
    return CourseValidation.contentProblems(course, loaderDiagnostics: diagnostics)
  }

  static let manifest = "---\nid: demo\ntitle: Demo\n---\n"
  /// A chapter with one section, `#timeouts`; its text is on line 10 (11 with a quiz).
  static func chapter(text: String = "Plain text.", quiz: String? = nil) -> String {
    "---\nid: basics\ntitle: Basics\norder: 1\n" + (quiz.map { "quiz: \($0)\n" } ?? "")
      + "---\n# Basics\n\n## Timeouts\n\n" + text + "\n"
  }
  static let quizHeader = "---\nid: basics-quiz\ntitle: Basics quiz\nchapter: basics\n---\n"
  /// One true/false question whose `see:` line (line 10 under `quizHeader`) is `see`.
  static func question(see: String) -> String {
    "\n## q-one\ntags: basics-quiz\nexam: DVA-C02 1.2\nsee: \(see)\n\nIs this true?\n\n[[true]]\n\n"
      + "> Explanation: Because.\n"
  }
}

/// The validation engine on its own: findings come back as values, nothing is printed.
@Suite struct CourseValidationTests {
  static let hasPython: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/python3")
    }
  }()

  @Test func brokenLinksInChapterTextAreErrorsAtTheirLine() throws {
    let course = try TempCourse([
      "lessons/course.md": TempCourse.manifest,
      "lessons/01-basics.md": TempCourse.chapter(
        text: "See [a](basics#nowhere), [b](ghost), ![c](img/none.png) and [d](#timeouts)."),
    ])
    defer { course.remove() }
    let file = "\(course.root)/lessons/01-basics.md"
    let links = CourseValidation.checkLinks(course.load().0)
    #expect(links.allSatisfy { $0.severity == .error && $0.file == file && $0.line == 10 })
    #expect(links.count == 3, "\(links)")
    #expect(
      links.contains {
        $0.message.hasPrefix(
          "link 'basics#nowhere': the chapter 'basics' has no section '#nowhere'")
      })
    #expect(links.contains { $0.message.hasPrefix("link 'ghost' points to no chapter or file") })
    #expect(links.contains { $0.message.hasPrefix("image 'img/none.png' does not exist") })
    // The same problems are among what validate lists.
    #expect(course.contentProblems().filter { $0.file == file } == links)
  }

  @Test func brokenLinksInAnExerciseStatementAreErrorsAtTheirLineOfExerciseMD() throws {
    let course = try TempCourse([
      "lessons/course.md": TempCourse.manifest,
      "lessons/01-basics.md": TempCourse.chapter(),
      "exercises/echo/exercise.md":
        "---\nid: echo\ntitle: Echo\nlanguages: python\n---\n# Echo\n\n"
        + "Read [timeouts](basics#timeouts) and [the file](../../lessons/01-basics.md#timeouts).\n"
        + "Then [a typo](basics#timeout) and [nothing](ghost).\n",
      "exercises/echo/spec.json": #"{"cases": [{"name": "a", "event": {}, "expect": {}}]}"#,
    ])
    defer { course.remove() }
    let links = CourseValidation.checkLinks(course.load().0)
    let file = "\(course.root)/exercises/echo/exercise.md"
    #expect(links.count == 2, "\(links)")
    #expect(links.allSatisfy { $0.severity == .error && $0.file == file && $0.line == 9 })
    #expect(
      links.contains {
        $0.message.hasPrefix("link 'basics#timeout': the chapter 'basics' has no section")
          && $0.message.contains("did you mean")
      }, "\(links.map(\.message))")
    #expect(links.contains { $0.message.hasPrefix("link 'ghost' points to no chapter or file") })
  }

  @Test func aQuizSeeToAMissingSectionIsAWarningAtItsLine() throws {
    let course = try TempCourse([
      "lessons/course.md": TempCourse.manifest,
      "lessons/01-basics.md": TempCourse.chapter(quiz: "basics-quiz"),
      "lessons/quizzes/basics-quiz.md": TempCourse.quizHeader
        + TempCourse.question(see: "basics#nowhere"),
    ])
    defer { course.remove() }
    let problems = course.contentProblems()
    #expect(
      problems.map(\.description) == [
        "\(course.root)/lessons/quizzes/basics-quiz.md:10: warning: link 'basics#nowhere':"
          + " chapter 'basics' has no section '#nowhere'"
      ])
    let fixed = try TempCourse([
      "lessons/course.md": TempCourse.manifest,
      "lessons/01-basics.md": TempCourse.chapter(quiz: "basics-quiz"),
      "lessons/quizzes/basics-quiz.md": TempCourse.quizHeader
        + TempCourse.question(see: "basics#timeouts"),
    ])
    defer { fixed.remove() }
    #expect(fixed.contentProblems() == [])
  }

  /// A quiz file is parsed once: a header problem is the course loader's to report, and is
  /// listed once, not once more in the quiz parser's words.
  @Test func eachQuizHeaderProblemIsListedOnce() throws {
    let course = try TempCourse([
      "lessons/course.md": TempCourse.manifest,
      "lessons/01-basics.md": TempCourse.chapter(),
      "lessons/quizzes/no-id.md": "---\ntitle: No id\nchapter: basics\ncolour: blue\n---\n"
        + TempCourse.question(see: "basics"),
      "lessons/quizzes/twin.md": TempCourse.quizHeader + TempCourse.question(see: "basics"),
      "lessons/quizzes/basics-quiz.md": TempCourse.quizHeader,
    ])
    defer { course.remove() }
    let problems = course.contentProblems()
    let noID = problems.filter { $0.file.hasSuffix("no-id.md") }
    #expect(noID.filter { $0.message.contains("id:") }.count == 1, "\(noID)")
    #expect(noID.contains { $0.severity == .warning && $0.message.contains("'colour'") })
    let twins = problems.filter { $0.message.contains("is already used by") }
    #expect(twins.count == 1, "\(problems)")
    #expect(Set(problems.map(\.description)).count == problems.count, "\(problems)")
  }

  /// What stops an exercise or a run before it starts needs no interpreter: a misspelt event
  /// template (nothing runs) and missing solution and starter files (each a failed run).
  @Test func specAndFileProblemsAreFoundWithoutRunningAnything() throws {
    let course = try TempCourse([
      "lessons/course.md": TempCourse.manifest,
      "lessons/01-basics.md": TempCourse.chapter(),
      "exercises/typo/exercise.md": "---\nid: typo\ntitle: Typo\nlanguages: python\n---\nDo it.\n",
      "exercises/typo/spec.json":
        #"{ "cases": [ { "name": "queued", "template": "sqs-mesage", "expect": {} } ] }"#,
      "exercises/bare/exercise.md": "---\nid: bare\ntitle: Bare\nlanguages: python\n---\nDo it.\n",
      "exercises/bare/spec.json":
        #"{ "cases": [ { "name": "echoes", "event": {}, "expect": {"result": {}} } ] }"#,
    ])
    defer { course.remove() }
    var checks: [CourseValidation.ExerciseCheck] = []
    let summary = CourseValidation.checkExercises(course.load().0, parallelism: 2) {
      checks.append($0)
    }
    #expect(checks.map(\.exercise.id) == ["bare", "bare", "typo"])
    guard case .eventProblems(let events) = checks.last?.outcome else {
      Issue.record("the misspelt template is not an event problem: \(checks)")
      return
    }
    #expect(events.map(\.line) == [1])
    #expect(events.first?.message.contains("unknown event template `sqs-mesage`") == true)
    #expect(checks.prefix(2).map(\.kind) == [.solution, .starter])
    for check in checks.prefix(2) {
      guard case .missingFile(let problem) = check.outcome else {
        Issue.record("expected a missing file: \(check)")
        continue
      }
      #expect(problem.message.contains("python \(check.kind?.rawValue ?? "") file is missing"))
    }
    #expect(summary.total == 2)
    #expect(summary.passed == 0)
    #expect(summary.problems.count == 3)
  }

  /// A starter is the learner's wrong first version: one that already passes leaves nothing to
  /// do, so it is an error at the starter file; the solution beside it passes as it must.
  @Test(.enabled(if: hasPython, "python3 is not on PATH"))
  func aStarterThatPassesIsAnError() throws {
    let handler = "def lambda_handler(event, context):\n    return event\n"
    let course = try TempCourse([
      "lessons/course.md": TempCourse.manifest,
      "lessons/01-basics.md": TempCourse.chapter(),
      "exercises/echo/exercise.md": "---\nid: echo\ntitle: Echo\nlanguages: python\n---\nEcho.\n",
      "exercises/echo/spec.json":
        #"{ "cases": [ { "name": "echoes", "event": {"a": 1}, "expect": {"result": {"a": 1}} } ] }"#,
      "exercises/echo/solution/python/lambda_function.py": handler,
      "exercises/echo/starter/python/lambda_function.py": handler,
    ])
    defer { course.remove() }
    var checks: [CourseValidation.ExerciseCheck] = []
    let summary = CourseValidation.checkExercises(course.load().0, parallelism: 2) {
      checks.append($0)
    }
    #expect(checks.map(\.kind) == [.solution, .starter])
    guard case .asExpected(let total, let passed) = checks.first?.outcome else {
      Issue.record("the solution did not pass: \(checks)")
      return
    }
    #expect(total == 1 && passed == 1)
    guard case .unexpected(let problems) = checks.last?.outcome else {
      Issue.record("a passing starter is not reported: \(checks)")
      return
    }
    #expect(
      problems.map(\.description) == [
        "\(course.root)/exercises/echo/starter/python/lambda_function.py: error: the python"
          + " starter passes every case; a starter must fail at least one so learners have work"
          + " to do"
      ])
    #expect(summary.total == 2 && summary.passed == 1 && summary.problems == problems)
  }
}
