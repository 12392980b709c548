import Foundation
import Testing

/// A small course with one quiz whose choices are not shuffled, so answers are known.
enum QuizTestCourse {
  static let quiz = #"""
    ---
    id: mini
    title: Mini quiz
    chapter: limits
    ---

    ## q1-single
    tags: limits
    exam: DVA-C02 1.2
    see: limits#payloads
    shuffle: no

    What is the synchronous payload limit?

    - [ ] 1 MB
    - [x] 6 MB
    - [ ] 256 KB

    > Explanation: Synchronous payloads go up to 6 MB. One MB is the asynchronous limit.

    ## q2-multi
    tags: errors
    exam: DVA-C02 1.2
    see: errors-and-retries
    shuffle: no

    Which services can be a dead-letter queue?

    - [x] Amazon SQS
    - [ ] Amazon S3
    - [x] Amazon SNS
    - [ ] AWS Lambda

    > Explanation: Only SQS and SNS can be DLQs. Destinations accept more targets.

    ## q3-tf
    tags: runtimes
    exam: DVA-C02 1.2
    see: what-is-lambda

    Go functions run on `provided.al2023`.

    [[true]]

    > Explanation: Go has no managed runtime. It runs on the OS-only runtime.

    ## q4-num
    tags: limits
    exam: SAA-C03 2.2
    see: limits

    What is the maximum timeout?

    [[900 s]]

    > Explanation: The maximum is 900 seconds. The default is 3 seconds.

    ## q5-text
    tags: runtimes
    exam: DVA-C02 1.2
    see: what-is-lambda

    Name the OS-only runtime.

    [[text: provided.al2023]]

    > Explanation: It is `provided.al2023`. The go1.x runtime is deprecated.
    """#

  /// Writes the course into `<runner>/course` and creates a workspace `ws`; returns the
  /// options every command needs.
  static func setUp(_ runner: BinaryRunner, withChapter: Bool = false) throws -> [String] {
    let root = URL(fileURLWithPath: runner.directory).appendingPathComponent("course")
    let quizzes = root.appendingPathComponent("lessons/quizzes")
    try FileManager.default.createDirectory(at: quizzes, withIntermediateDirectories: true)
    try "---\nid: mini-course\ntitle: Mini\n---\nA tiny course.\n".write(
      to: root.appendingPathComponent("lessons/course.md"), atomically: true, encoding: .utf8)
    try quiz.write(to: quizzes.appendingPathComponent("mini.md"), atomically: true, encoding: .utf8)
    if withChapter {
      // The chapter `see: limits#payloads` points at.
      try "---\nid: limits\ntitle: Limits\norder: 1\n---\n# Limits\n\n## Payloads\nSix MB.\n".write(
        to: root.appendingPathComponent("lessons/01-limits.md"), atomically: true, encoding: .utf8)
    }
    let options = ["--course", root.path, "--workspace", "ws"]
    let created = try runner.run(["init"] + options)
    #expect(created.status == 0, "init failed: \(created.stderr)")
    return options
  }

  /// The progress file of the runner's workspace, parsed.
  static func progress(_ runner: BinaryRunner) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: runner.directory + "/ws/progress.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The attempts at the mini quiz in the runner's progress file.
  static func attempts(_ runner: BinaryRunner) throws -> [[String: Any]] {
    let quizzes = try progress(runner)["quizzes"] as? [String: Any]
    return try #require((quizzes?["mini"] as? [String: Any])?["attempts"] as? [[String: Any]])
  }

  /// The answers an attempt recorded, as typed.
  static func answers(_ attempt: [String: Any]) -> [String?] {
    ((attempt["answers"] as? [[String: Any]]) ?? []).map { $0["answer"] as? String }
  }

  /// Right answers to the five questions, one per line, as a learner would pipe them.
  static let rightAnswers = "b\na,c\nt\n15 min\nProvided.AL2023\n"
}

/// End-to-end tests of `quiz` and `review` through the built binary with piped input.
@Suite struct QuizCommandTests {
  /// A `see:` link to a chapter's section names the command and the section's title.
  @Test func seeLinesNameTheReadCommandAndTheSectionTitle() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner, withChapter: true)
    let output = try runner.run(
      ["quiz", "mini", "--seed", "1"] + options, stdin: QuizTestCourse.rightAnswers)
    #expect(
      output.stdout.contains(#"See: lambdalings read limits --workspace ws, section "Payloads""#),
      "\(output.stdout)")
    // A see: to a chapter the course does not have keeps the plain form.
    #expect(output.stdout.contains("See: lambdalings read what-is-lambda --workspace ws\n"))
  }

  /// On a terminal without Unicode (`LANG=C`), the right/wrong marks are ASCII, like every
  /// other status mark (`StatusGlyph`).
  @Test func asciiTerminalGetsASCIIMarks() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    // The first answer wrong, the rest right.
    let answers = "a\na,c\nt\n15 min\nProvided.AL2023\n"
    let output = try runner.run(
      ["quiz", "mini", "--seed", "1"] + options, stdin: answers,
      environment: ["LANG": "C", "LC_ALL": "C"])
    #expect(output.stdout.components(separatedBy: "[x] Correct.").count == 5, "\(output.stdout)")
    #expect(output.stdout.contains("[!] Not quite."), "\(output.stdout)")
    for glyph in ["✓", "✗", "✔", "✘"] { #expect(!output.stdout.contains(glyph)) }
  }

  @Test func pipedQuizAllRightPassesAndSavesEveryAnswer() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let output = try runner.run(
      ["quiz", "mini", "--seed", "1"] + options, stdin: QuizTestCourse.rightAnswers)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.components(separatedBy: "✓ Correct.").count == 6)
    #expect(output.stdout.contains("Score: 5 of 5 (100%) · passed"))
    #expect(output.stdout.contains("Choose two."))
    #expect(output.stdout.contains("Synchronous payloads go up to 6 MB."))
    let progress = try QuizTestCourse.progress(runner)
    let quizzes = try #require(progress["quizzes"] as? [String: Any])
    let mini = try #require(quizzes["mini"] as? [String: Any])
    let attempts = try #require(mini["attempts"] as? [[String: Any]])
    let answers = try #require(attempts.first?["answers"] as? [[String: Any]])
    #expect(
      answers.map { $0["answer"] as? String } == ["b", "a,c", "t", "15 min", "Provided.AL2023"])
    #expect(answers.allSatisfy { $0["correct"] as? Bool == true && $0["answeredAt"] != nil })
    #expect((progress["reviewCards"] as? [String: Any])?.count == 5)
  }

  @Test func wrongAnswersFailExplainAndNameTheWeakestTopic() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let output = try runner.run(
      ["quiz", "mini", "--seed", "1"] + options, stdin: "z\na\na,b\nf\n899\nal2023\n")
    #expect(output.status == 1)
    #expect(output.stdout.contains("'z' is not a choice; use letters a to c."))
    #expect(output.stdout.contains("The answer: b) 6 MB"))
    #expect(output.stdout.contains("1 of 2 correct choices, 1 wrong."))
    #expect(output.stdout.contains("You answered 899 s."))
    #expect(output.stdout.contains("Score: 0 of 5 (0%) · not passed yet"))
    #expect(output.stdout.contains("Weakest topic: limits (0 of 2 right)"))
  }

  @Test func reviewBringsMissedQuestionsBackTheNextDay() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let today = ["LAMBDALINGS_NOW": "2026-11-27T18:00:00Z", "TZ": "UTC"]
    let quiz = try runner.run(
      ["quiz", "mini", "--topic", "limits"] + options, stdin: "a\n900\n", environment: today)
    #expect(quiz.stdout.contains("Score: 1 of 2 (50%)"))
    let sameDay = try runner.run(["review"] + options, environment: today)
    #expect(sameDay.status == 0)
    #expect(sameDay.stdout.contains("Nothing to review right now."))
    let tomorrow = ["LAMBDALINGS_NOW": "2026-11-28T09:00:00Z", "TZ": "UTC"]
    let review = try runner.run(["review"] + options, stdin: "b\n15 min\n", environment: tomorrow)
    #expect(review.status == 0)
    #expect(review.stdout.contains("Review: 2 questions due"))
    #expect(review.stdout.contains("Score: 2 of 2 (100%)"))
    let cards = try #require(try QuizTestCourse.progress(runner)["reviewCards"] as? [String: Any])
    let missed = try #require(cards["q1-single"] as? [String: Any])
    #expect(missed["due"] as? String == "2026-11-29T00:00:00Z")
    #expect(missed["repetitions"] as? Int == 1)
    let known = try #require(cards["q4-num"] as? [String: Any])
    #expect(known["due"] as? String == "2026-12-04T00:00:00Z")  // second right answer: 6 days
    let after = try runner.run(["review"] + options, environment: tomorrow)
    #expect(after.stdout.contains("Nothing to review right now."))
  }

  @Test func aReviewStoppedEarlyIsScoredOnWhatWasAnsweredWithoutAPassMark() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let today = ["LAMBDALINGS_NOW": "2026-11-27T18:00:00Z", "TZ": "UTC"]
    _ = try runner.run(
      ["quiz", "mini", "--topic", "limits"] + options, stdin: "a\n900\n", environment: today)
    let tomorrow = ["LAMBDALINGS_NOW": "2026-11-28T09:00:00Z", "TZ": "UTC"]
    let none = try runner.run(["review"] + options, stdin: "", environment: tomorrow)
    #expect(none.stdout.contains("Review stopped before any answer."), "\(none.stdout)")
    #expect(none.stdout.contains("No question was answered, so there is no score."))
    // Whichever question the seed puts first, one of these answers it and the input then ends.
    for first in ["b\n", "15 min\n"] {
      let review = try runner.run(
        ["review", "--seed", "1"] + options, stdin: first, environment: tomorrow)
      guard review.stdout.contains("Review stopped; your answers so far are saved.") else {
        continue
      }
      #expect(review.stdout.contains("Score: 1 of 1 answered (100%)\n"), "\(review.stdout)")
      #expect(review.stdout.contains("1 of 2 questions not answered.\n"))
      #expect(!review.stdout.contains("passed"))
      #expect(!review.stdout.contains("Quiz"))
      return
    }
    Issue.record("neither answer was taken by the first review question")
  }

  @Test func listShowsCountsBestScoresAndDueReviews() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let before = try runner.run(["quiz", "--list"] + options)
    #expect(before.stdout.contains("mini  5          -"))
    _ = try runner.run(["quiz", "mini"] + options, stdin: "b\na,c\nf\n")
    let after = try runner.run(
      ["quiz", "--list"] + options, environment: ["LAMBDALINGS_NOW": "2030-01-01T00:00:00Z"])
    #expect(after.stdout.contains("mini  5          2/5 (40%)"))
    #expect(after.stdout.contains("Reviews due: 3 (lambdalings review)"))
  }

  @Test func exportWritesGIFTAndJSON() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let gift = try runner.run(["quiz", "export", "mini", "--format", "gift"] + options)
    #expect(gift.status == 0)
    #expect(gift.stdout.hasPrefix("// Mini quiz (mini)\n$CATEGORY: $course$/lambdalings/mini\n"))
    #expect(gift.stdout.contains("::q4-num::[markdown]What is the maximum timeout?"))
    #expect(gift.stdout.contains("{#900:0\n####The maximum is 900 seconds."))
    let json = try runner.run(["quiz", "export", "mini", "--format", "json"] + options)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((object?["questions"] as? [Any])?.count == 5)
    let bad = try runner.run(["quiz", "export", "mini", "--format", "qti"] + options)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--format must be gift or json, got 'qti'"))
    let missing = try runner.run(["quiz", "nope"] + options)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("there is no quiz 'nope'"))
  }

  @Test func mockExamReportsByDomain() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let output = try runner.run(
      ["quiz", "exam", "--time", "10m", "--count", "5", "--seed", "3"] + options,
      stdin: "provided.al2023\nb\nquit\n")
    #expect(output.status == 1)
    #expect(output.stdout.contains("Mock exam (DVA-C02): 4 questions, 10 minutes."))
    #expect(output.stdout.contains("The real exam: 65 questions in 130 minutes."))
    #expect(output.stdout.contains("DVA-C02 domain 1: Development with AWS Services (32%): 4"))
    #expect(output.stdout.contains("DVA-C02 domain 2: Security (26%): 0"))
    #expect(output.stdout.contains("time left 10:00"))
    // Stopped after two answers: scored on those only.
    #expect(output.stdout.contains("Score: 2 of 2 answered (100%) · not passed yet"))
    #expect(output.stdout.contains("By exam domain:"))
    #expect(output.stdout.contains("  DVA-C02 domain 1: Development with AWS Services     2/2"))
    #expect(!output.stdout.contains("SAA-C03 domain"), "only the chosen exam's domains")
    let bad = try runner.run(["quiz", "exam", "--time", "soon"] + options)
    #expect(bad.status == 2)
    let unknown = try runner.run(["quiz", "exam", "--exam", "XYZ-C01"] + options)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("there is no exam blueprint for 'XYZ-C01'"))
  }

  @Test func mockExamKeepsTheRealExamsPace() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    // Two questions at the real pace (130 minutes for 65) is four minutes.
    let output = try runner.run(
      ["quiz", "exam", "--count", "2", "--seed", "3"] + options, stdin: "quit\n")
    #expect(output.stdout.contains("Mock exam (DVA-C02): 2 questions, 4 minutes."))
    // SAA-C03 has one question in the fixture: a one-question mock of two minutes.
    let saa = try runner.run(["quiz", "exam", "--exam", "SAA-C03"] + options, stdin: "quit\n")
    #expect(saa.stdout.contains("Mock exam (SAA-C03): 1 question, 2 minutes."))
    #expect(saa.stdout.contains("SAA-C03 domain 2: Design Resilient Architectures (26%): 1"))
  }

  @Test func shippedBanksLoadAndList() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(["quiz", "--list", "--course", BinaryRunner.shippedCourse])
    #expect(output.status == 0, "\(output.stderr)")
    for bank in ["limits", "triggers", "cold-starts", "errors-and-retries"] {
      #expect(output.stdout.contains("\n\(bank) "), "\(bank) missing")
    }
  }
}
