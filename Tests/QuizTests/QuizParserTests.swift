import Course
import Testing

@testable import Quiz

@Suite struct QuizParserTests {
  let parsed = QuizParser.parse(QuizFixtures.everyKind, file: "sample.md")

  @Test func readsFrontMatterAndEveryKind() {
    #expect(parsed.diagnostics == [])
    #expect(parsed.bank.id == "sample")
    #expect(parsed.bank.chapter == "limits")
    #expect(
      parsed.bank.questions.map(\.kind) == [
        .numeric, .single, .multiple, .trueFalse, .text, .ordering,
      ])
  }

  @Test func numericKeepsUnitAndTolerance() throws {
    let question = try #require(parsed.bank.questions.first)
    #expect(question.id == "timeout-max")
    #expect(question.line == 9)
    #expect(question.topics == ["limits", "timeout"])
    #expect(question.exams.map(\.description) == ["DVA-C02 1.2", "SAA-C03 2.2"])
    #expect(question.see == ["configuration#timeout"])
    #expect(question.prompt == "What is the **maximum** timeout of a function?")
    #expect(
      question.explanation == "The maximum is 900 seconds (15 minutes).\nThe default is 3 seconds.")
    guard case .numeric(let answer) = question.answer else {
      Issue.record("expected numeric, got \(question.answer)")
      return
    }
    #expect(answer.expected.baseValue == 900)
    #expect(answer.expected.unit?.symbol == "s")
    #expect(answer.tolerance == .absolute(0))
  }

  @Test func choicesKeepContinuationLinesAndHeadingExplanation() throws {
    let question = try #require(parsed.bank.questions.first { $0.id == "dlq-targets" })
    #expect(question.answer.choices.map(\.isCorrect) == [true, false, true, false, false])
    #expect(question.answer.choices[3].text == "AWS Lambda (another function)")
    #expect(question.explanation == "Only SQS queues and SNS topics can be DLQs.")
  }

  @Test func textTrueFalseAndOrderingKeys() throws {
    let keys = parsed.bank.questions.map(\.answer)
    try #require(keys.count == 6)
    #expect(keys[3] == .trueFalse(false))
    #expect(keys[4] == .text(["provided.al2023", "al2023"]))
    #expect(keys[5] == .ordering(["Init", "Invoke", "Shutdown"]))
  }

  @Test func trueFalseChoicesBecomeTrueFalse() {
    let (bank, diagnostics) = QuizFixtures.parse(
      QuizFixtures.question("tf", answer: "- [ ] True\n- [x] False"))
    #expect(diagnostics == [])
    #expect(bank.questions.first?.answer == .trueFalse(false))
  }

  @Test(arguments: [
    ("[[15 min ± 30 s]]", 900.0, Tolerance.absolute(30)),
    ("[[1,769 MB +- 1%]]", 1769.0 * 1_048_576, Tolerance.relative(0.01)),
    ("[[1000 +/- 10]]", 1000.0, Tolerance.absolute(10)),
    ("[[10 GB]]", 10_240.0 * 1_048_576, Tolerance.absolute(0)),
  ])
  func numericSyntaxes(answer: String, base: Double, tolerance: Tolerance) {
    let (bank, diagnostics) = QuizFixtures.parse(QuizFixtures.question("n", answer: answer))
    #expect(diagnostics == [])
    guard case .numeric(let key) = bank.questions.first?.answer else {
      Issue.record("\(answer) did not parse as numeric")
      return
    }
    #expect(key.expected.baseValue == base)
    #expect(key.tolerance == tolerance)
  }

  @Test func shuffleAndTypeMetadata() {
    let meta = "tags: t\nexam: DVA-C02 1.2\nsee: limits\ntype: single\nshuffle: no"
    let (bank, diagnostics) = QuizFixtures.parse(
      QuizFixtures.question("s", answer: "- [x] a\n- [ ] b\n- [ ] all of the above", meta: meta))
    #expect(diagnostics == [])
    #expect(bank.questions.first?.shuffles == false)
  }

  @Test func codeFencesDoNotStartQuestions() {
    let body = """

      ## fenced
      tags: t
      exam: DVA-C02 1.2
      see: limits

      What does this print?

      ```
      ## not a question
      ```

      [[text: nothing]]

      > Explanation: The heading is inside code.
      """
    let (bank, diagnostics) = QuizFixtures.parse(body)
    #expect(diagnostics == [])
    #expect(bank.questions.count == 1)
    #expect(bank.questions.first?.prompt.contains("## not a question") == true)
  }

  @Test func windowsLineEndingsParseLikeUnixOnes() {
    let windows = QuizFixtures.everyKind.replacingOccurrences(of: "\n", with: "\r\n")
    let (bank, diagnostics) = QuizParser.parse(windows, file: "sample.md")
    #expect(diagnostics == parsed.diagnostics)
    #expect(bank.questions.map(\.id) == parsed.bank.questions.map(\.id))
    #expect(bank.questions.map(\.line) == parsed.bank.questions.map(\.line))
    #expect(bank.questions.map(\.prompt) == parsed.bank.questions.map(\.prompt))
  }
}
