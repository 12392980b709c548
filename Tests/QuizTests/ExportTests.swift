import Foundation
import Testing

@testable import Quiz

@Suite struct ExportTests {
  let bank = QuizParser.parse(QuizFixtures.everyKind, file: "sample.md").bank

  func gift(_ id: String) throws -> String {
    GIFTExporter.export(try #require(bank.questions.first { $0.id == id }))
  }

  @Test func escapesEverySpecialCharacter() {
    #expect(GIFTExporter.escape(##"a~b=c#d{e}f:g\h"##) == ##"a\~b\=c\#d\{e\}f\:g\\h"##)
    #expect(GIFTExporter.escape("one\n\ntwo") == #"one\n\ntwo"#)
  }

  @Test func numericWithUnitAndTolerance() throws {
    let expected = ##"""
      // [id:timeout-max] [tag:limits] [tag:timeout] exam: DVA-C02 1.2, SAA-C03 2.2
      ::timeout-max::[markdown]What is the **maximum** timeout of a function?\n\n(Answer in seconds.){#900:0
      ####The maximum is 900 seconds (15 minutes).\nThe default is 3 seconds.\n\nSee\: configuration\#timeout
      }
      """##
    #expect(try gift("timeout-max") == expected)
  }

  @Test func singleChoice() throws {
    let expected = ##"""
      // [id:sync-payload] [tag:limits] [tag:payload] exam: DVA-C02 1.2
      ::sync-payload::[markdown]What is the synchronous invocation payload limit?{
      ~256 KB
      =6 MB
      ~1 MB
      ~20 MB
      ####Synchronous requests and responses may be up to 6 MB.\n\nSee\: limits\#payloads
      }
      """##
    #expect(try gift("sync-payload") == expected)
  }

  @Test func multipleResponseWeights() throws {
    let expected = ##"""
      // [id:dlq-targets] [tag:errors] exam: DVA-C02 1.2
      ::dlq-targets::[markdown]Which services can be a dead-letter queue?\n\n(Choose two.){
      ~%50%Amazon SQS
      ~%-50%Amazon S3
      ~%50%Amazon SNS
      ~%-50%AWS Lambda (another function)
      ~%-50%Amazon EventBridge
      ####Only SQS queues and SNS topics can be DLQs.\n\nSee\: errors-and-retries
      }
      """##
    #expect(try gift("dlq-targets") == expected)
    #expect(GIFTExporter.weightText(100.0 / 3) == "33.33333")
  }

  @Test func trueFalseTextAndOrdering() throws {
    #expect(
      try gift("go-managed").hasSuffix(
        #"{FALSE"# + "\n" + ##"####Go runs on `provided.al2023`.\n\nSee\: what-is-lambda"## + "\n}")
    )
    let text = ##"""
      // [id:os-runtime] [tag:runtimes] exam: DVA-C02 1.2
      ::os-runtime::[markdown]Name the OS-only runtime for Go and Rust.{
      =provided.al2023
      =al2023
      ####`provided.al2023` is the current OS-only runtime.\n\nSee\: what-is-lambda
      }
      """##
    #expect(try gift("os-runtime") == text)
    let ordering = ##"""
      // [id:lifecycle] [tag:cold-starts] exam: DVA-C02 1.2
      ::lifecycle::[markdown]Put the phases in order.{
      =Step 1 -> Init
      =Step 2 -> Invoke
      =Step 3 -> Shutdown
      ####Init runs once, then invokes, then shutdown.\n\nSee\: cold-starts
      }
      """##
    #expect(try gift("lifecycle") == ordering)
  }

  @Test func bankHasCategoryAndBlankLinesBetweenQuestions() {
    let text = GIFTExporter.export(bank)
    #expect(text.hasPrefix("// Sample (sample)\n$CATEGORY: $course$/lambdalings/sample\n\n// [id:"))
    #expect(text.components(separatedBy: "\n\n// [id:").count == 7)
  }

  @Test func jsonExportRoundTripsEveryKind() throws {
    let text = try JSONExporter.export(bank)
    let decoded = try JSONDecoder().decode(JSONExporter.Bank.self, from: Data(text.utf8))
    #expect(decoded.format == "lambdalings-quiz")
    #expect(
      decoded.questions.map(\.type) == [
        "numeric", "single", "multiple", "true-false", "text", "ordering",
      ])
    #expect(decoded.questions[0].numeric?.baseValue == 900)
    #expect(decoded.questions[0].numeric?.unit == "s")
    #expect(decoded.questions[2].choices?.filter(\.correct).count == 2)
    #expect(decoded.questions[3].answer == false)
    #expect(decoded.questions[4].accepted == ["provided.al2023", "al2023"])
    #expect(decoded.questions[5].order == ["Init", "Invoke", "Shutdown"])
    #expect(
      text.contains(#""exams" : [\#n        "DVA-C02 1.2",\#n        "SAA-C03 2.2"\#n      ]"#))
  }
}
