import Foundation
import JSON
import Testing

@testable import Progress

@Suite struct ProgressMigratorTests {
  /// A hypothetical step: version 1 named the course "course", version 2 "courseID".
  static let renameCourse: ProgressMigrator.Step = { object in
    object["courseID"] = object.removeValue(forKey: "course")
  }

  /// A hypothetical step: version 2 counted "visits", version 3 keeps a list of them.
  static let visitsToList: ProgressMigrator.Step = { object in
    let count = object.removeValue(forKey: "visits")?.intValue ?? 0
    object["visitLog"] = .array(Array(repeating: .null, count: count))
  }

  @Test func theStandardMigratorProducesTheCurrentVersion() throws {
    #expect(ProgressMigrator.standard.currentVersion == ProgressDocument.currentVersion)
    try ProgressMigrator.standard.check(version: ProgressDocument.currentVersion)
  }

  @Test func stepsChainInOrderAndSetTheVersion() throws {
    let migrator = ProgressMigrator(
      currentVersion: 3, steps: [1: Self.renameCourse, 2: Self.visitsToList])
    let old: [String: JSONValue] = [
      "version": .int(1), "course": .string("c"), "visits": .int(2),
    ]
    let migrated = try migrator.migrate(old, from: 1)
    #expect(
      migrated == [
        "version": .int(3), "courseID": .string("c"), "visitLog": .array([.null, .null]),
      ])
    let fromTwo = try migrator.migrate(["version": .int(2), "visits": .int(1)], from: 2)
    #expect(fromTwo == ["version": .int(3), "visitLog": .array([.null])])
  }

  @Test func newerVersionsAndGapsAreRefused() {
    let migrator = ProgressMigrator(currentVersion: 3, steps: [2: Self.visitsToList])
    #expect(throws: ProgressMigrator.Failure.newerVersion(4)) { try migrator.check(version: 4) }
    #expect(throws: ProgressMigrator.Failure.noMigration(from: 1)) {
      try migrator.check(version: 1)
    }
    #expect(throws: ProgressMigrator.Failure.noMigration(from: 0)) {
      try migrator.migrate([:], from: 0)
    }
  }

  @Test func theStoreMigratesAnOlderFileAndKeepsTheOriginalAsBackup() throws {
    // A made-up pre-release shape, version 0: chapters read were a plain list of ids.
    let legacyStep: ProgressMigrator.Step = { object in
      let ids = object.removeValue(forKey: "chaptersRead")?.arrayValue ?? []
      let stamp = object["created"] ?? .string("1970-01-01T00:00:00Z")
      var chapters: [String: JSONValue] = [:]
      for id in ids.compactMap(\.stringValue) {
        chapters[id] = ["firstRead": stamp, "lastRead": stamp]
      }
      object["chapters"] = .object(chapters.map { ($0.key, $0.value) })
      for key in ["exercises", "quizzes", "reviewCards"] { object[key] = .object([]) }
    }
    let workspace = try Workspace()
    let legacy = """
      {"version": 0, "created": "2026-01-01T00:00:00Z", "updated": "2026-01-02T00:00:00Z",
       "chaptersRead": ["intro", "first-function"]}
      """
    try workspace.write(legacy, to: "progress.json")
    let store = workspace.store(
      migrator: ProgressMigrator(currentVersion: 1, steps: [0: legacyStep]))
    let loaded = try store.load()
    #expect(loaded.version == 1)
    #expect(loaded.chapters.keys.sorted() == ["first-function", "intro"])
    #expect(loaded.chapters["intro"]?.firstRead == Fixed.date("2026-01-01T00:00:00Z"))
    try store.update { $0.markChapterRead("triggers", at: Fixed.now) }
    #expect(try workspace.store().load().chapters.count == 3)
    #expect(workspace.contents("progress.json.bak") == Data(legacy.utf8))
  }
}
