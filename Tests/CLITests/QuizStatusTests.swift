import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A quiz is done only when passed; early stops are scored on what was answered; answers are
/// capped; a workspace that cannot be written is reported (issue #8 items 2, 7, 9, 17).
@Suite struct QuizStatusTests {
  /// The `mini` step of `progress --json`.
  static func miniStep(_ runner: BinaryRunner, _ options: [String]) throws -> [String: Any] {
    let output = try runner.run(["progress", "--json"] + options)
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    let steps = try #require(object?["steps"] as? [[String: Any]])
    return try #require(steps.first { $0["id"] as? String == "mini" })
  }

  @Test func aFailedQuizIsAttemptedAndStaysNextUntilPassedOrSkipped() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let failed = try runner.run(
      ["quiz", "mini", "--seed", "1"] + options, stdin: "a\nb,d\nf\n1\nnope\n")
    #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
    #expect(failed.stdout.contains("Score: 0 of 5 (0%) · not passed yet"))
    #expect(failed.stdout.contains("next --skip"))
    var step = try Self.miniStep(runner, options)
    #expect(step["status"] as? String == "attempted")
    #expect(step["bestScore"] as? Double == 0)
    // Practice on part of the quiz passes the sample but does not make the quiz done.
    let practice = try runner.run(
      ["quiz", "mini", "--topic", "errors", "--seed", "1"] + options, stdin: "a,c\n")
    #expect(practice.status == 0)
    #expect(practice.stdout.contains("That was practice on part of the quiz"))
    #expect(try Self.miniStep(runner, options)["status"] as? String == "attempted")
    let list = try runner.run(["list"] + options)
    #expect(list.stdout.contains("▶ quiz      mini"))
    #expect(list.stdout.contains("Legend: ✓ done  ▶ next  ✗ not passed yet  ○ to do  – skipped"))
    let dashboard = try runner.run(options)
    #expect(dashboard.stdout.contains("Next: pass the quiz \"Mini quiz\" (best so far 0%)"))
    #expect(dashboard.stdout.contains("lambdalings next --skip --workspace ws"))
    // Skipping on purpose moves on, and the quiz shows as skipped.
    let skipped = try runner.run(["next", "--skip"] + options)
    #expect(skipped.status == 0, "\(skipped.stderr)")
    #expect(skipped.stdout.contains("Skipped the quiz mini"))
    #expect(try Self.miniStep(runner, options)["status"] as? String == "skipped")
    #expect(try runner.run(["list"] + options).stdout.contains("– quiz      mini"))
    // Passing it later makes it done.
    let passed = try runner.run(
      ["quiz", "mini", "--seed", "1"] + options, stdin: QuizTestCourse.rightAnswers)
    #expect(passed.status == 0, "\(passed.stdout)")
    step = try Self.miniStep(runner, options)
    #expect(step["status"] as? String == "done")
    #expect(passed.stdout.contains("That was the last step of the course."))
  }

  @Test func aQuizHeaderSetsItsPassMark() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let file = "\(runner.directory)/course/lessons/quizzes/mini.md"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "chapter: limits\n", with: "chapter: limits\npass: 100%\n")
      .write(toFile: file, atomically: true, encoding: .utf8)
    // Four of five right: 80% passes the default mark but not this quiz's 100%.
    let output = try runner.run(
      ["quiz", "mini", "--seed", "1"] + options, stdin: "b\na,c\nt\n15 min\nwrong\n")
    #expect(output.status == 1)
    #expect(output.stdout.contains("Score: 4 of 5 (80%) · not passed yet"))
    #expect(output.stdout.contains("The quiz counts as done at 100%."))
    #expect(try Self.miniStep(runner, options)["status"] as? String == "attempted")
    try text.replacingOccurrences(of: "chapter: limits\n", with: "chapter: limits\npass: lots\n")
      .write(toFile: file, atomically: true, encoding: .utf8)
    let invalid = try runner.run(["quiz", "mini"] + options)
    #expect(invalid.status == 2)
    #expect(invalid.stderr.contains("mini.md:5: error: 'pass: lots' is not a pass mark"))
  }

  @Test func stoppingEarlyScoresOnlyWhatWasAnswered() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let output = try runner.run(["quiz", "mini", "--seed", "1"] + options, stdin: "b\na,b\nquit\n")
    #expect(output.status == 1)
    #expect(output.stdout.contains("Score: 1 of 2 answered (50%) · not passed yet"))
    #expect(output.stdout.contains("3 of 5 questions not answered"))
    // Only q2 (errors) was missed: no weakest topic among the unasked runtimes questions.
    #expect(output.stdout.contains("Weakest topic: errors"))
    #expect(!output.stdout.contains("  runtimes "))
    #expect(!output.stdout.contains("Score: 1 of 5"))
    let progress = try QuizTestCourse.progress(runner)
    let cards = try #require(progress["reviewCards"] as? [String: Any])
    #expect(Set(cards.keys) == ["q1-single", "q2-multi"])
  }

  @Test func hugeAnswersAreCutInTheEchoAndInProgress() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let huge = String(repeating: "x", count: 2_000_000)
    let output = try runner.run(
      ["quiz", "mini", "--topic", "runtimes", "--seed", "1"] + options, stdin: "t\n\(huge)\n")
    #expect(output.stdout.utf8.count < 20_000, "echoed \(output.stdout.utf8.count) bytes")
    #expect(output.stdout.contains("more characters not shown"))
    let size =
      try FileManager.default.attributesOfItem(
        atPath: runner.directory + "/ws/progress.json")[.size] as? Int
    #expect((size ?? .max) < 20_000)
  }

  /// Makes progress impossible to save: a read-only folder, or (for root, who may write
  /// anything) a folder where the backup file must go.
  static func blockSaving(_ workspace: String) throws {
    if geteuid() == 0 {
      try? FileManager.default.removeItem(atPath: "\(workspace)/progress.json.bak")
      try FileManager.default.createDirectory(
        atPath: "\(workspace)/progress.json.bak/keep", withIntermediateDirectories: true)
    } else {
      chmod(workspace, 0o555)
    }
  }

  @Test(.enabled(if: CLIInterpreters.hasPython, "python3 is not on PATH"))
  func checkInAWorkspaceThatCannotBeSavedShowsTheGradeFirst() throws {
    let runner = try BinaryRunner()
    defer {
      chmod("\(runner.directory)/lambdalings-workspace", 0o755)
      runner.cleanUp()
    }
    let course = BinaryRunner.fixtureCourse
    #expect(try runner.run(["check", "echo", "--course", course]).status == 1)
    try Self.blockSaving("\(runner.directory)/lambdalings-workspace")
    let output = try runner.run(["check", "echo", "--course", course])
    #expect(output.status == 2)
    #expect(output.stdout.contains("✗ echoes"))
    #expect(output.stderr.contains("error: your progress could not be saved"))
    #expect(output.stderr.contains("--workspace DIR"))
    #expect(output.stderr.components(separatedBy: "error:").count == 2, "\(output.stderr)")
  }

  @Test func quizInAWorkspaceThatCannotBeSavedSaysSoBeforeOrAfterFeedback() throws {
    let runner = try BinaryRunner()
    defer {
      chmod("\(runner.directory)/ws", 0o755)
      runner.cleanUp()
    }
    let options = try QuizTestCourse.setUp(runner)
    // A first answer creates progress.json, so the next one needs the backup.
    _ = try runner.run(["quiz", "mini", "--count", "1", "--seed", "1"] + options, stdin: "b\n")
    try Self.blockSaving("\(runner.directory)/ws")
    let output = try runner.run(
      ["quiz", "mini", "--seed", "1"] + options, stdin: QuizTestCourse.rightAnswers)
    #expect(output.status == 2)
    #expect(output.stderr.contains("could not be saved"), "\(output.stderr)")
    if geteuid() == 0 {
      // The answer was graded and explained before the error.
      #expect(output.stdout.contains("✓ Correct."))
    } else {
      #expect(!output.stdout.contains("Question 1"))
    }
  }
}
