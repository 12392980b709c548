import Foundation
import Testing

/// A quiz stopped part-way continues where it stopped the next time, with the answers given
/// kept; `--restart` starts over and keeps the stopped attempt in the history.
@Suite struct QuizResumeTests {
  @Test func aStoppedQuizContinuesWhereItStopped() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    // The first answer wrong, the second right, then stop.
    let stopped = try runner.run(
      ["quiz", "mini", "--seed", "1"] + options, stdin: "a\na,c\nquit\n")
    #expect(stopped.status == 1)
    #expect(stopped.stdout.contains("Quiz stopped; your answers so far are saved."))
    #expect(stopped.stdout.contains("Continue where you stopped with lambdalings quiz mini"))
    let resumed = try runner.run(
      ["quiz", "mini", "--seed", "2"] + options, stdin: "t\n15 min\nProvided.AL2023\n")
    #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
    #expect(
      resumed.stdout.contains("Continuing at question 3 of 5, where you stopped (2 answers kept);"),
      "\(resumed.stdout)")
    #expect(resumed.stdout.contains("quiz mini --restart"))
    #expect(resumed.stdout.contains("Question 3 of 5"))
    #expect(!resumed.stdout.contains("Question 1 of 5"))
    #expect(!resumed.stdout.contains("Question 2 of 5"))
    // The score is the whole attempt's: the answers given before count.
    #expect(resumed.stdout.contains("Score: 4 of 5 (80%) · passed"), "\(resumed.stdout)")
    let attempts = try QuizTestCourse.attempts(runner)
    #expect(attempts.count == 1)
    #expect(
      QuizTestCourse.answers(attempts[0]) == ["a", "a,c", "t", "15 min", "Provided.AL2023"])
    #expect(attempts[0]["score"] as? Int == 4)
    // The quiz counts as done now.
    let list = try runner.run(["quiz", "--list"] + options)
    #expect(list.stdout.contains("4/5"), "\(list.stdout)")
    // A finished attempt is not continued: the next run starts at question 1.
    let again = try runner.run(["quiz", "mini"] + options, stdin: "quit\n")
    #expect(!again.stdout.contains("Continuing"))
    #expect(again.stdout.contains("Question 1 of 5"))
    #expect(try QuizTestCourse.attempts(runner).count == 1)
  }

  @Test func restartStartsOverAndKeepsTheStoppedAttempt() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    _ = try runner.run(["quiz", "mini"] + options, stdin: "b\nquit\n")
    let restarted = try runner.run(
      ["quiz", "mini", "--restart"] + options, stdin: QuizTestCourse.rightAnswers)
    #expect(restarted.status == 0, "\(restarted.stderr)")
    #expect(!restarted.stdout.contains("Continuing"))
    #expect(restarted.stdout.contains("Question 1 of 5"))
    #expect(restarted.stdout.contains("Score: 5 of 5 (100%) · passed"))
    let attempts = try QuizTestCourse.attempts(runner)
    #expect(attempts.map(QuizTestCourse.answers).map(\.count) == [1, 5])
  }

  /// Practice on part of the quiz is never continued, and does not hide a stopped attempt at
  /// the whole quiz: that one is continued afterwards.
  @Test func practiceOnPartOfTheQuizIsNotContinued() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    _ = try runner.run(["quiz", "mini"] + options, stdin: "b\nquit\n")
    let practice = try runner.run(["quiz", "mini", "--topic", "limits"] + options, stdin: "quit\n")
    #expect(!practice.stdout.contains("Continuing"), "\(practice.stdout)")
    _ = try runner.run(["quiz", "mini", "--topic", "limits"] + options, stdin: "b\nquit\n")
    let stoppedPractice = try runner.run(
      ["quiz", "mini", "--topic", "limits"] + options, stdin: "quit\n")
    #expect(!stoppedPractice.stdout.contains("Continuing"))
    let whole = try runner.run(["quiz", "mini"] + options, stdin: "a,c\nquit\n")
    #expect(whole.stdout.contains("Continuing at question 2 of 5"), "\(whole.stdout)")
    // A continued attempt offers no seed to repeat: its order is the stopped attempt's.
    #expect(!whole.stdout.contains("repeat this order"), "\(whole.stdout)")
    #expect(practice.stdout.contains("(repeat this order with --seed "))
    let attempts = try QuizTestCourse.attempts(runner)
    #expect(attempts.map(QuizTestCourse.answers) == [["b", "a,c"], ["b"]])
  }

  @Test func helpAndCompletionsKnowRestart() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let help = try runner.run(["quiz", "--help"])
    #expect(help.stdout.contains("--restart"))
    for shell in ["bash", "zsh", "fish"] {
      let script = try runner.run(["completions", shell])
      #expect(script.stdout.contains("restart"), "\(shell)")
    }
  }
}
