import Course
import Foundation
import Testing
import Workspace

@Suite struct WorkspaceTests {
  /// A one-exercise course in a temporary folder.
  func makeCourse(id: String = "demo") throws -> (Course, String) {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("workspace-tests-\(UUID().uuidString)").path
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

  @Test func createsSettingsAndCopiesStarters() throws {
    let (course, root) = try makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = "\(root)/ws"
    let report = try WorkspaceCreator.create(at: path, course: course, language: .node, now: Date())
    #expect(!report.existed)
    #expect(report.copied == ["\(path)/exercises/one/index.mjs"])
    let reopened = try #require(try Workspace.open(at: path))
    #expect(reopened.settings.language == .node)
    #expect(reopened.settings.courseID == "demo")
    #expect(
      try String(contentsOfFile: "\(path)/exercises/one/index.mjs", encoding: .utf8)
        == "// node starter\n")
  }

  @Test func neverOverwritesLearnerFiles() throws {
    let (course, root) = try makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = "\(root)/ws"
    _ = try WorkspaceCreator.create(at: path, course: course, language: .python, now: Date())
    let file = "\(path)/exercises/one/lambda_function.py"
    try "learner work\n".write(toFile: file, atomically: true, encoding: .utf8)
    let again = try WorkspaceCreator.create(at: path, course: course, language: nil, now: Date())
    #expect(again.existed)
    #expect(again.copied == [])
    #expect(again.kept == [file])
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "learner work\n")
  }

  @Test func refusesAWorkspaceOfAnotherCourse() throws {
    let (course, root) = try makeCourse()
    let (other, otherRoot) = try makeCourse(id: "other")
    defer {
      try? FileManager.default.removeItem(atPath: root)
      try? FileManager.default.removeItem(atPath: otherRoot)
    }
    let path = "\(root)/ws"
    _ = try WorkspaceCreator.create(at: path, course: course, language: nil, now: Date())
    #expect(throws: WorkspaceError.otherCourse(path: path, courseID: "demo", expected: "other")) {
      try WorkspaceCreator.create(at: path, course: other, language: nil, now: Date())
    }
  }

  @Test func corruptSettingsAreReportedWithThePath() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("workspace-tests-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try "{ not json".write(toFile: "\(root)/workspace.json", atomically: true, encoding: .utf8)
    do {
      _ = try Workspace.open(at: root)
      Issue.record("a corrupt settings file must throw")
    } catch let error as WorkspaceError {
      #expect(error.description.contains("\(root)/workspace.json is not a valid workspace"))
    }
  }

  @Test func statusFollowsProgressFacts() throws {
    let (course, root) = try makeCourse()
    defer { try? FileManager.default.removeItem(atPath: root) }
    var facts = CourseStatus.Facts()
    #expect(CourseStatus(course: course, facts: facts).next?.step == .exercise("one"))
    facts.exercisesAttempted = ["one"]
    #expect(CourseStatus(course: course, facts: facts).entries.first?.state == .failed)
    facts.exercisesPassed = ["one"]
    let done = CourseStatus(course: course, facts: facts)
    #expect(done.next == nil)
    #expect(done.completed == 1)
  }

  @Test func pathResolutionOrder() {
    #expect(
      Workspace.resolvePath(
        flag: "a", environment: ["LAMBDALINGS_WORKSPACE": "b"],
        currentDirectory: "/x") == "a")
    #expect(
      Workspace.resolvePath(
        flag: nil, environment: ["LAMBDALINGS_WORKSPACE": "b"],
        currentDirectory: "/x") == "b")
    #expect(
      Workspace.resolvePath(flag: nil, environment: [:], currentDirectory: "/x")
        == "/x/lambdalings-workspace")
  }
}
