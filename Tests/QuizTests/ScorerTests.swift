import Testing

@testable import Quiz

@Suite struct ScorerTests {
  func numeric(_ answer: String) throws -> Question {
    let (bank, _) = QuizFixtures.parse(QuizFixtures.question("n", answer: answer))
    return try #require(bank.questions.first)
  }

  func choice(_ answer: String) throws -> Question {
    try numeric(answer)
  }

  @Test(arguments: ["900", "900s", "900 s", "15 min", "15m", "0.25 h", "900,000 ms", "900 seconds"])
  func timeoutAcceptsEquivalentDurations(typed: String) throws {
    let grade = Scorer.grade(.text(typed), for: try numeric("[[900 s ± 0]]"))
    #expect(grade.isCorrect, "\(typed) should equal 900 s")
  }

  @Test(arguments: ["899", "14 min", "900 MB", "nine hundred"])
  func timeoutRejectsOtherValues(typed: String) throws {
    let grade = Scorer.grade(.text(typed), for: try numeric("[[900 s]]"))
    #expect(!grade.isCorrect)
    #expect(grade.credit == 0)
  }

  @Test func dimensionMismatchIsExplained() throws {
    let grade = Scorer.grade(.text("900 MB"), for: try numeric("[[900 s]]"))
    #expect(grade.detail == "expected a duration, got a size")
  }

  @Test func sizesAreBinaryAndMiBIsMB() throws {
    let question = try numeric("[[10,240 MB]]")
    for typed in ["10240", "10 GB", "10240 MiB", "10 gib"] {
      #expect(Scorer.grade(.text(typed), for: question).isCorrect, "\(typed)")
    }
    #expect(!Scorer.grade(.text("10 TB"), for: question).isCorrect)
  }

  @Test func toleranceAbsoluteAndRelative() throws {
    let absolute = try numeric("[[3 s ± 500 ms]]")
    #expect(Scorer.grade(.text("3.5"), for: absolute).isCorrect)
    #expect(Scorer.grade(.text("2500 ms"), for: absolute).isCorrect)
    #expect(!Scorer.grade(.text("3.6 s"), for: absolute).isCorrect)
    let relative = try numeric("[[1769 MB ± 1%]]")
    #expect(Scorer.grade(.text("1780 MB"), for: relative).isCorrect)
    #expect(!Scorer.grade(.text("1800 MB"), for: relative).isCorrect)
    #expect(Scorer.grade(.text("1,000"), for: try numeric("[[1000]]")).isCorrect)
  }

  @Test func textAlternativesIgnoreCaseQuotesAndSpaces() throws {
    let question = try numeric("[[text: provided.al2023 | Amazon Linux 2023]]")
    for typed in ["Provided.AL2023", "`provided.al2023`", "amazon  linux 2023.", "\"al\" "] {
      let expected = typed != "\"al\" "
      #expect(Scorer.grade(.text(typed), for: question).isCorrect == expected, "\(typed)")
    }
  }

  @Test func singleChoiceAndTrueFalse() throws {
    let single = try choice("- [ ] a\n- [x] b\n- [ ] c")
    #expect(Scorer.grade(.choices([1]), for: single).isCorrect)
    #expect(!Scorer.grade(.choices([0]), for: single).isCorrect)
    let truth = try numeric("[[true]]")
    #expect(Scorer.grade(.boolean(true), for: truth) == Grade(isCorrect: true, credit: 1))
    #expect(!Scorer.grade(.boolean(false), for: truth).isCorrect)
    #expect(!Scorer.grade(.text("true"), for: truth).isCorrect)
  }

  @Test func multipleResponsePartialCreditButExactToCount() throws {
    let question = try choice("- [x] a\n- [ ] b\n- [x] c\n- [ ] d\n- [ ] e")
    let exact = Scorer.grade(.choices([0, 2]), for: question)
    #expect(exact.isCorrect && exact.credit == 1)
    let half = Scorer.grade(.choices([0, 1]), for: question)
    #expect(!half.isCorrect)
    #expect(half.credit == 0.5)
    #expect(half.detail == "1 of 2 correct choices, 1 wrong")
    let everything = Scorer.grade(.choices([0, 1, 2, 3, 4]), for: question)
    #expect(!everything.isCorrect && everything.credit == 0)
  }

  @Test func orderingCountsPlacesButOnlyExactIsCorrect() throws {
    let question = try numeric("1. Init\n2. Invoke\n3. Shutdown\n4. Gone")
    #expect(Scorer.grade(.order([0, 1, 2, 3]), for: question).isCorrect)
    let swapped = Scorer.grade(.order([0, 2, 1, 3]), for: question)
    #expect(!swapped.isCorrect)
    #expect(swapped.credit == 0.5)
    #expect(swapped.detail == "2 of 4 in the right place")
  }

  @Test func expectedTextShowsMinutesAndTolerance() throws {
    guard case .numeric(let key) = try numeric("[[900 s ± 30 s]]").answer else {
      Issue.record("not numeric")
      return
    }
    #expect(Scorer.expectedText(key) == "900 s (15 min) ± 30 s")
  }
}
