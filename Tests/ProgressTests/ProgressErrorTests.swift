import Foundation
import Testing

@testable import Progress

@Suite struct ProgressErrorTests {
  /// Saves two versions (so a backup exists), then replaces the file with `text`.
  static func workspace(replacingWith text: String) throws -> Workspace {
    let workspace = try Workspace()
    try workspace.store().update { $0.courseID = "first" }
    try workspace.store().update { $0.courseID = "second" }
    try workspace.write(text, to: "progress.json")
    return workspace
  }

  /// Expects load and update both to fail with the same error and to leave the files alone.
  static func refusal(in workspace: Workspace) throws -> ProgressError {
    let file = workspace.contents("progress.json")
    let backup = workspace.contents("progress.json.bak")
    let store = workspace.store()
    let loadError = try #require(throws: ProgressError.self) { try store.load() }
    let updateError = try #require(throws: ProgressError.self) {
      try store.update { $0.courseID = "overwritten" }
    }
    #expect(loadError == updateError)
    #expect(workspace.contents("progress.json") == file)
    #expect(workspace.contents("progress.json.bak") == backup)
    #expect(loadError.file == store.file.string)
    #expect(loadError.backup == store.backup.string)
    #expect(loadError.description.contains(store.file.string))
    #expect(loadError.description.contains("Your previous progress is in \(store.backup.string)"))
    return loadError
  }

  @Test func invalidJSONIsReportedWithItsLineAndTheBackup() throws {
    let text = "{\n  \"version\": 1,\n  \"courseID\": \"x\"\n  \"chapters\": {}\n}\n"
    let workspace = try Self.workspace(replacingWith: text)
    let error = try Self.refusal(in: workspace)
    #expect(error.line == 4)
    #expect(
      error.reason
        == .invalidJSON("expected ',' or '}' after a member, found '\"' (line 4, column 3)"))
    #expect(error.description.hasPrefix(workspace.store().file.string + ":4: the progress file"))
    #expect(
      error.description.hasSuffix(
        "Fix the file or move it away, then run the command again; lambdalings leaves it as it is.")
    )
  }

  @Test func anEmptyFileIsReportedAsSuch() throws {
    let workspace = try Self.workspace(replacingWith: "")
    let error = try Self.refusal(in: workspace)
    #expect(error.reason == .invalidJSON("the file is empty (line 1, column 1)"))
  }

  @Test func aNewerVersionIsRefusedWithAdviceToUpdate() throws {
    let workspace = try Self.workspace(
      replacingWith: "{\n  \"courseID\": \"x\",\n  \"version\": 7\n}")
    let error = try Self.refusal(in: workspace)
    #expect(error.reason == .newerVersion(7, supported: 1))
    #expect(error.line == 3)
    #expect(error.description.contains("written by a newer lambdalings (format version 7"))
    #expect(error.description.contains("Update lambdalings to continue"))
  }

  @Test func anOlderVersionWithoutMigrationIsRefused() throws {
    let workspace = try Self.workspace(replacingWith: "{\"version\": 0}")
    let error = try Self.refusal(in: workspace)
    #expect(error.reason == .unsupportedVersion(0))
    #expect(error.line == 1)
  }

  @Test func aMissingVersionIsRefused() throws {
    for text in ["{\"courseID\": \"x\"}", "[1, 2]", "{\"version\": \"one\"}"] {
      let workspace = try Self.workspace(replacingWith: text)
      let error = try Self.refusal(in: workspace)
      #expect(error.reason == .missingVersion, "for \(text)")
    }
  }

  @Test func aValueOfTheWrongTypeNamesItsFieldAndLine() throws {
    let workspace = try Workspace()
    for _ in 0..<2 {
      try workspace.store().update {
        $0.exercises["hello-api"] = ExerciseProgress(attempts: 1)
      }
    }
    let valid = String(decoding: workspace.contents("progress.json") ?? Data(), as: UTF8.self)
    let broken = valid.replacingOccurrences(of: "\"attempts\" : 1", with: "\"attempts\" : \"one\"")
    try workspace.write(broken, to: "progress.json")
    let error = try Self.refusal(in: workspace)
    guard case .invalidValue(let field, _) = error.reason else {
      Issue.record("expected an invalid value, got \(error.reason)")
      return
    }
    #expect(field == "exercises.hello-api.attempts")
    let expectedLine = broken.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("\"attempts\" : \"one\"") }
    #expect(error.line == expectedLine.map { $0 + 1 })
  }

  @Test func aMissingFieldAndABadDateAreNamed() throws {
    let missing = """
      {"version": 1, "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
       "chapters": {"intro": {"firstRead": "2026-01-01T00:00:00Z"}},
       "exercises": {}, "quizzes": {}, "reviewCards": {}}
      """
    let workspace = try Self.workspace(replacingWith: missing)
    let error = try Self.refusal(in: workspace)
    #expect(
      error.reason
        == .invalidValue(
          field: "chapters.intro.lastRead", detail: "the required field 'lastRead' is missing"))
    #expect(error.line == 2)

    let badDate = missing.replacingOccurrences(
      of: "\"firstRead\": \"2026-01-01T00:00:00Z\"",
      with: "\"firstRead\": \"yesterday\", \"lastRead\": \"2026-01-01T00:00:00Z\"")
    let other = try Self.workspace(replacingWith: badDate)
    let dateError = try Self.refusal(in: other)
    guard case .invalidValue(let field, let detail) = dateError.reason else {
      Issue.record("expected an invalid value, got \(dateError.reason)")
      return
    }
    #expect(field == "chapters.intro.firstRead")
    #expect(detail.contains("'yesterday' is not an ISO 8601 date"))
  }

  @Test func theMessageSaysWhenThereIsNoBackup() throws {
    let workspace = try Workspace()
    try workspace.write("{oops", to: "progress.json")
    let error = try #require(throws: ProgressError.self) { try workspace.store().load() }
    #expect(error.backupExists == false)
    #expect(error.description.contains("There is no backup yet"))
    #expect(workspace.contents("progress.json") == Data("{oops".utf8))
  }
}
