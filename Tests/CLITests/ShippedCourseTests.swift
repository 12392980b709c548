import Foundation
import Testing

/// The course shipped in the repository: every exercise, in both languages, has a starter that
/// fails and a solution that passes, and every exercise is on a chapter's learning path.
@Suite struct ShippedCourseTests {
  static let bothInterpreters = CLIInterpreters.hasPython && CLIInterpreters.hasNode

  /// The exercise folders of the shipped course.
  static func exerciseIDs() throws -> [String] {
    let folder = BinaryRunner.shippedCourse + "/exercises"
    return try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { FileManager.default.fileExists(atPath: "\(folder)/\($0)/exercise.md") }
      .sorted()
  }

  @Test(.enabled(if: bothInterpreters, "python3 and node are needed to run every exercise"))
  func everyStarterFailsAndEverySolutionPasses() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["validate", "--course", BinaryRunner.shippedCourse])
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout.contains("; 0 errors,"), "\(output.stdout)")
    let ids = try Self.exerciseIDs()
    #expect(ids.count >= 13, "the shipped course lost exercises: \(ids)")
    for id in ids {
      for language in try Self.languages(of: id) {
        #expect(
          output.stdout.contains("✓ \(id) (\(language)) solution passes all"),
          "\(id) \(language): the solution does not pass\n\(output.stdout)")
        #expect(
          output.stdout.contains("✓ \(id) (\(language)) starter fails"),
          "\(id) \(language): the starter does not fail\n\(output.stdout)")
      }
    }
  }

  /// The languages an exercise declares in its header (`languages: python, node`); the lab
  /// exercises of `serve` are Python only, because their task names the runtime.
  static func languages(of id: String) throws -> [String] {
    let text = try String(
      contentsOfFile: BinaryRunner.shippedCourse + "/exercises/\(id)/exercise.md", encoding: .utf8)
    let line = text.split(separator: "\n").first { $0.hasPrefix("languages:") }
    let names = line.map {
      $0.dropFirst("languages:".count).split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
    }
    return names ?? ["python", "node"]
  }

  @Test func everyExerciseIsOnAChapterPath() throws {
    let lessons = BinaryRunner.shippedCourse + "/lessons"
    var listed: [String] = []
    for file in try FileManager.default.contentsOfDirectory(atPath: lessons)
    where file.hasSuffix(".md") {
      let text = try String(contentsOfFile: "\(lessons)/\(file)", encoding: .utf8)
      // Only the header block, between the first two `---` lines.
      let header = text.components(separatedBy: "\n---\n").first ?? ""
      for line in header.split(separator: "\n") where line.hasPrefix("exercises:") {
        listed += line.dropFirst("exercises:".count).split(separator: ",")
          .map { $0.trimmingCharacters(in: .whitespaces) }
      }
    }
    for id in try Self.exerciseIDs() {
      #expect(listed.contains(id), "no chapter lists exercise \(id) in its exercises: header")
    }
    #expect(Set(listed).count == listed.count, "an exercise is listed twice: \(listed)")
  }
}
