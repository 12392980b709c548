import Foundation
import Testing

@testable import Progress

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tests that run the `progress-stress` helper as separate processes.
@Suite struct MultiProcessTests {
  /// The helper executable, built next to the test bundle by `swift build` / `swift test`.
  static func helper() throws -> URL {
    let manager = FileManager.default
    if let path = ProcessInfo.processInfo.environment["PROGRESS_STRESS_PATH"] {
      return URL(fileURLWithPath: path)
    }
    var starts = [URL(fileURLWithPath: CommandLine.arguments[0])]
    starts += Bundle.allBundles.map(\.bundleURL)
    for start in starts {
      var folder = start.deletingLastPathComponent()
      for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("progress-stress")
        if manager.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
      }
    }
    struct Missing: Error, CustomStringConvertible {
      var description: String {
        "progress-stress was not found next to the test bundle; "
          + "build it with `swift build --product progress-stress`"
      }
    }
    throw Missing()
  }

  /// Starts the helper with `arguments`, its standard output going to a pipe.
  static func start(_ arguments: [String]) throws -> (Process, Pipe) {
    let process = Process()
    process.executableURL = try helper()
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    return (process, output)
  }

  /// Reads standard output until it contains `word`; false if the output ends first.
  static func wait(for word: String, on pipe: Pipe) -> Bool {
    var seen = ""
    while !seen.contains(word) {
      let chunk = pipe.fileHandleForReading.availableData
      if chunk.isEmpty { return false }
      seen += String(decoding: chunk, as: UTF8.self)
    }
    return true
  }

  @Test func twoProcessesApplying500UpdatesEachLoseNone() throws {
    let workspace = try Workspace()
    try workspace.store().update { $0.courseID = "stress" }
    let runs = try ["a", "b"].map { tag in
      try Self.start(["count", workspace.path.string, "500", tag])
    }
    for (process, output) in runs {
      #expect(Self.wait(for: "done", on: output))
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let document = try workspace.store().load()
    #expect(document.exercises["shared"]?.attempts == 1000)
    #expect(document.exercises["a"]?.attempts == 500)
    #expect(document.exercises["b"]?.attempts == 500)
    #expect(document.chapters.count == 40)
    #expect(document.courseID == "stress")
    #expect(try workspace.names() == ["progress.json", "progress.json.bak", "progress.json.lock"])
  }

  /// Checks that `document` is one whole write of the churn helper and returns its generation.
  static func generation(of document: ProgressDocument) -> Int? {
    guard let text = document.courseID, text.hasPrefix("generation-"),
      let generation = Int(text.dropFirst("generation-".count))
    else { return nil }
    let stamp = Date(timeIntervalSince1970: TimeInterval(generation))
    let chaptersMatch =
      document.chapters.count == 200
      && document.chapters.values.allSatisfy { $0.firstRead == stamp && $0.lastRead == stamp }
    let result = document.exercises["payload"]?.lastResult
    let payloadMatches =
      result?.casesPassed == generation
      && result?.summary == String(repeating: "generation \(generation); ", count: 16_384)
    return chaptersMatch && payloadMatches ? generation : nil
  }

  @Test func aWriterKilledMidWriteLeavesTheOldOrTheNewFile() throws {
    let workspace = try Workspace()
    let store = workspace.store()
    var previous = 0
    for round in 0..<100 {
      let (process, output) = try Self.start(["churn", workspace.path.string, "200"])
      let ready = Self.wait(for: "ready", on: output)
      usleep(UInt32.random(in: 0...40_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      try #require(ready, "round \(round): the helper stopped before its first write")
      #expect(process.terminationReason == .uncaughtSignal)
      let document = try store.load()
      let generation = try #require(Self.generation(of: document), "round \(round): mixed file")
      // Each run finished at least one write, so the file moved on, never back.
      #expect(generation > previous, "round \(round)")
      // Only the very first run may stop before a second write, and so before any backup.
      if let backupData = workspace.contents("progress.json.bak") {
        let backup = try store.decode(backupData)
        let backupGeneration = try #require(Self.generation(of: backup), "round \(round): backup")
        #expect(backupGeneration == generation - 1 || backupGeneration == generation)
      } else {
        #expect(round == 0 && generation == 1, "round \(round): no backup")
      }
      previous = generation
    }
    // The next update clears the temporary files that killed writers left behind.
    try store.update { _ in }
    let names = try workspace.names()
    #expect(names == ["progress.json", "progress.json.bak", "progress.json.lock"], "\(names)")
  }
}
