import Foundation
import Testing

/// The listing commands print exactly the same with the course index (`CourseIndex`, in the
/// user's cache folder) as without it (`LAMBDALINGS_COURSE_INDEX=off`), cold and warm, and
/// changes to the course show at once.
@Suite(.timeLimit(.minutes(6))) struct CourseIndexCommandTests {
  static let listings: [[String]] = [[], ["list"], ["progress"], ["quiz", "--list"]]
  static let off = ["LAMBDALINGS_COURSE_INDEX": "off"]

  /// Every listing's output and status, as one text.
  static func outputs(_ runner: BinaryRunner, _ course: String, _ environment: [String: String])
    throws -> String
  {
    try listings.map { words in
      let output = try runner.run(words + ["--course", course], environment: environment)
      return "$ \(words)\n\(output.status)\n\(output.stdout)\n\(output.stderr)"
    }.joined(separator: "\n")
  }

  static func indexFiles(_ runner: BinaryRunner) -> [String] {
    let folder = "\(runner.directory)/.cache/lambdalings/courses"
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      !$0.hasPrefix(".")
    }.map { "\(folder)/\($0)" }
  }

  @Test func theShippedCourseListsTheSameWithAndWithoutTheIndex() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let course = BinaryRunner.shippedCourse
    #expect(try runner.run(["init", "--course", course], environment: Self.off).status == 0)
    #expect(try runner.run(["next", "--course", course], environment: Self.off).status == 0)
    let plain = try Self.outputs(runner, course, Self.off)
    #expect(Self.indexFiles(runner).isEmpty)
    let cold = try Self.outputs(runner, course, [:])
    let files = Self.indexFiles(runner)
    #expect(files.count == 1)
    // The shipped course's files are older than the settle time: all of them are indexed.
    let index = try String(contentsOfFile: try #require(files.first), encoding: .utf8)
    #expect(index.contains("F\tlessons/quizzes/limits.md\t"))
    #expect(index.contains("F\texercises/hello-api/exercise.md\t"))
    let warm = try Self.outputs(runner, course, [:])
    #expect(cold == plain)
    #expect(warm == plain)
    #expect(plain.contains("hello-api") && plain.contains("questions"), "\(plain)")
  }

  @Test func editsAdditionsAndRemovalsShowAtOnce() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let course = "\(runner.directory)/course"
    try FileManager.default.copyItem(atPath: BinaryRunner.fixtureCourse, toPath: course)
    #expect(try runner.run(["init", "--course", course], environment: Self.off).status == 0)
    // Let the copies settle, so the first run indexes every file.
    Thread.sleep(forTimeInterval: 2.2)
    #expect(try Self.outputs(runner, course, [:]) == Self.outputs(runner, course, Self.off))
    let index = try String(
      contentsOfFile: try #require(Self.indexFiles(runner).first), encoding: .utf8)
    #expect(index.contains("F\texercises/echo/exercise.md\t"))

    let statement = "\(course)/exercises/echo/exercise.md"
    let text = try String(contentsOfFile: statement, encoding: .utf8)
    let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title: ") })
    try text.replacingOccurrences(of: String(title), with: "title: Echo, renamed")
      .write(toFile: statement, atomically: false, encoding: .utf8)
    let renamed = try runner.run(["list", "--course", course])
    #expect(renamed.stdout.contains("Echo, renamed"), "\(renamed.stdout)")

    let added = "\(course)/exercises/extra"
    try FileManager.default.createDirectory(atPath: added, withIntermediateDirectories: true)
    try "---\nid: extra\ntitle: An extra exercise\nlanguages: python\n---\nMore.\n".write(
      toFile: "\(added)/exercise.md", atomically: true, encoding: .utf8)
    let withExtra = try runner.run(["list", "--course", course])
    #expect(withExtra.stdout.contains("An extra exercise"), "\(withExtra.stdout)")
    #expect(try Self.outputs(runner, course, [:]) == Self.outputs(runner, course, Self.off))

    try FileManager.default.removeItem(atPath: added)
    let without = try runner.run(["list", "--course", course])
    #expect(!without.stdout.contains("An extra exercise"), "\(without.stdout)")

    let quiz = "\(course)/lessons/quizzes/basics-quiz.md"
    let before = try runner.run(["quiz", "--list", "--course", course]).stdout
    let quizText = try String(contentsOfFile: quiz, encoding: .utf8)
    try (quizText + "\n## One more\ntags: extra-topic\n\nIs this counted?\n\n- [x] yes\n- [ ] no\n")
      .write(toFile: quiz, atomically: false, encoding: .utf8)
    let after = try runner.run(["quiz", "--list", "--course", course]).stdout
    #expect(after != before)
    #expect(after.contains("extra-topic"), "\(after)")
    #expect(try Self.outputs(runner, course, [:]) == Self.outputs(runner, course, Self.off))

    // A broken index file is ignored and written again.
    let file = try #require(Self.indexFiles(runner).first)
    try "not an index".write(toFile: file, atomically: true, encoding: .utf8)
    #expect(try Self.outputs(runner, course, [:]) == Self.outputs(runner, course, Self.off))
    #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("lambdalings course index"))
  }
}
