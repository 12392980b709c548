import Course
import Foundation
import SystemSupport
import Testing
import Workspace

@Suite struct WorkspaceTests {
  /// A one-exercise course in a temporary folder.
  func makeCourse(id: String = "demo") throws -> (Course, AbsolutePath) {
    let root = try Self.temporaryFolder()
    let files = [
      "lessons/course.md": "---\nid: \(id)\ntitle: Demo\n---\n",
      "exercises/one/exercise.md": "---\nid: one\ntitle: One\n---\n",
      "exercises/one/spec.json": #"{"cases":[{"name":"a","event":{},"expect":{}}]}"#,
      "exercises/one/starter/python/lambda_function.py": "# python starter\n",
      "exercises/one/starter/node/index.mjs": "// node starter\n",
      "exercises/one/solution/python/lambda_function.py": "# python solution\n",
      "exercises/one/solution/node/index.mjs": "// node solution\n",
    ]
    for (path, text) in files {
      let full = "\(root)/\(path)"
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: full, atomically: true, encoding: .utf8)
    }
    let (course, diagnostics) = CourseLoader.load(root: root)
    #expect(diagnostics.filter { $0.severity == .error } == [])
    return (course, root)
  }

  /// A new folder name under the temporary directory (not created).
  static func temporaryFolder() throws -> AbsolutePath {
    try #require(
      AbsolutePath(
        validating: FileManager.default.temporaryDirectory
          .appendingPathComponent("workspace-tests-\(UUID().uuidString)").path))
  }

  @Test func createsSettingsAndCopiesStarters() throws {
    let (course, root) = try makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root.string) }
    let path = root.appending("ws")
    let report = try WorkspaceCreator.create(at: path, course: course, language: .node, now: Date())
    #expect(!report.existed)
    #expect(report.copied == [path.appending("exercises/one/index.mjs")])
    let reopened = try #require(try Workspace.open(at: path))
    #expect(reopened.settings.language == .node)
    #expect(reopened.settings.courseID == "demo")
    #expect(
      try String(contentsOfFile: "\(path)/exercises/one/index.mjs", encoding: .utf8)
        == "// node starter\n")
  }

  @Test func neverOverwritesLearnerFiles() throws {
    let (course, root) = try makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root.string) }
    let path = root.appending("ws")
    _ = try WorkspaceCreator.create(at: path, course: course, language: .python, now: Date())
    let file = path.appending("exercises/one/lambda_function.py")
    try "learner work\n".write(toFile: file.string, atomically: true, encoding: .utf8)
    let again = try WorkspaceCreator.create(at: path, course: course, language: nil, now: Date())
    #expect(again.existed)
    #expect(again.copied == [])
    #expect(again.kept == [file])
    #expect(try String(contentsOfFile: file.string, encoding: .utf8) == "learner work\n")
  }

  @Test func refusesAWorkspaceOfAnotherCourse() throws {
    let (course, root) = try makeCourse()
    let (other, otherRoot) = try makeCourse(id: "other")
    defer {
      try? FileManager.default.removeItem(atPath: root.string)
      try? FileManager.default.removeItem(atPath: otherRoot.string)
    }
    let path = root.appending("ws")
    _ = try WorkspaceCreator.create(at: path, course: course, language: nil, now: Date())
    #expect(throws: WorkspaceError.otherCourse(path: path, courseID: "demo", expected: "other")) {
      try WorkspaceCreator.create(at: path, course: other, language: nil, now: Date())
    }
  }

  @Test func corruptSettingsAreReportedWithThePath() throws {
    let root = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root.string) }
    try FileManager.default.createDirectory(atPath: root.string, withIntermediateDirectories: true)
    try "{ not json".write(toFile: "\(root)/workspace.json", atomically: true, encoding: .utf8)
    do {
      _ = try Workspace.open(at: root)
      Issue.record("a corrupt settings file must throw")
    } catch let error as WorkspaceError {
      #expect(error.description.contains("\(root)/workspace.json is not a valid workspace"))
    }
  }

  @Test func settingsDatesReadAsISO8601() throws {
    let root = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root.string) }
    try FileManager.default.createDirectory(atPath: root.string, withIntermediateDirectories: true)
    func settings(created: String) -> String {
      #"{"courseID":"demo","created":"\#(created)","language":"python","version":1}"#
    }
    let dates = [
      ("2026-12-01T08:30:00Z", 1_796_113_800.0), ("2026-12-01T09:30:00+01:00", 1_796_113_800.0),
    ]
    for (text, seconds) in dates {
      try settings(created: text).write(
        toFile: "\(root)/workspace.json", atomically: true, encoding: .utf8)
      let workspace = try #require(try Workspace.open(at: root))
      #expect(workspace.settings.created == Date(timeIntervalSince1970: seconds))
    }
    for text in ["2026-12-01", "yesterday"] {
      try settings(created: text).write(
        toFile: "\(root)/workspace.json", atomically: true, encoding: .utf8)
      #expect(throws: WorkspaceError.self) { try Workspace.open(at: root) }
    }
  }

  @Test func statusFollowsProgressFacts() throws {
    let (course, root) = try makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root.string) }
    var facts = CourseStatus.Facts()
    #expect(CourseStatus(course: course, facts: facts).next?.step == .exercise("one"))
    facts.exercisesAttempted = ["one"]
    #expect(CourseStatus(course: course, facts: facts).entries.first?.state == .failed)
    facts.exercisesPassed = ["one"]
    let done = CourseStatus(course: course, facts: facts)
    #expect(done.next == nil)
    #expect(done.completed == 1)
  }

  @Test func pathResolutionOrder() throws {
    let here = try #require(AbsolutePath(validating: "/x"))
    #expect(
      Workspace.resolvePath(
        flag: here.appending("a"), environment: ["LAMBDALINGS_WORKSPACE": "b"],
        currentDirectory: here) == here.appending("a"))
    // The variable is relative to the folder the command runs in.
    #expect(
      Workspace.resolvePath(
        flag: nil, environment: ["LAMBDALINGS_WORKSPACE": "../b"],
        currentDirectory: here
      ).string == "/b")
    #expect(
      Workspace.resolvePath(flag: nil, environment: [:], currentDirectory: here).string
        == "/x/lambdalings-workspace")
  }

  @Test func theWorkspaceIsFoundFromItsSubfoldersAndRemembersItsCourse() throws {
    let (course, root) = try makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root.string) }
    let path = root.appending("ws")
    _ = try WorkspaceCreator.create(at: path, course: course, language: nil, now: Date())
    let inside = path.appending("exercises/one")
    #expect(Workspace.enclosing(inside) == path)
    #expect(Workspace.enclosing(inside.appending("not-yet/created")) == path)
    #expect(Workspace.enclosing(root) == nil)
    #expect(Workspace.resolvePath(flag: nil, environment: [:], currentDirectory: inside) == path)
    let settings = try #require(try Workspace.open(at: path)).settings
    #expect(settings.coursePath == root.string)
    #expect(settings.courseFolder == root)
  }

  @Test func aWorkspaceIsNeverCreatedInsideAnother() throws {
    let (course, root) = try makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root.string) }
    let path = root.appending("ws")
    _ = try WorkspaceCreator.create(at: path, course: course, language: nil, now: Date())
    let inner = path.appending("exercises/inner")
    #expect(throws: WorkspaceError.nested(path: inner, inside: path)) {
      try WorkspaceCreator.create(at: inner, course: course, language: nil, now: Date())
    }
    #expect(!FileManager.default.fileExists(atPath: inner.string))
  }

  @Test func aQuizIsDoneAtItsPassMarkAndSkippedStepsAreNotNext() throws {
    let (base, root) = try makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root.string) }
    var course = base
    course.quizzes = [
      QuizSource(id: "q", title: "Q", chapterID: nil, file: "q.md", passMark: 0.8)
    ]
    var facts = CourseStatus.Facts()
    facts.exercisesPassed = ["one"]
    facts.quizBestScores = ["q": 0.75]
    var status = CourseStatus(course: course, facts: facts)
    #expect(status.entry(.quiz("q"))?.state == .attempted)
    #expect(status.next?.step == .quiz("q"))
    facts.skipped = ["quiz:q"]
    status = CourseStatus(course: course, facts: facts)
    #expect(status.entry(.quiz("q"))?.state == .skipped)
    #expect(status.next == nil)
    facts.quizBestScores = ["q": 0.8]
    status = CourseStatus(course: course, facts: facts)
    #expect(status.entry(.quiz("q"))?.state == .done)
    #expect(status.completed == 2)
  }

  @Test func passMarksAreReadAsPercentOrFraction() {
    #expect(QuizSource.parsePassMark("80%") == 0.8)
    #expect(QuizSource.parsePassMark("80") == 0.8)
    #expect(QuizSource.parsePassMark("0.5") == 0.5)
    #expect(QuizSource.parsePassMark("100 %") == 1)
    #expect(QuizSource.parsePassMark("0") == nil)
    #expect(QuizSource.parsePassMark("120%") == nil)
    #expect(QuizSource.parsePassMark("lots") == nil)
  }
}
