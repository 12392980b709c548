import Foundation
import Testing

@testable import LambdaRuntime

/// Mistakes a learner can make, and the messages that tell them what to do.
@Suite struct EventTemplatesErrorTests {
  func error(
    _ name: String, _ overrides: [(path: String, value: String)] = [], count: Int? = nil
  ) -> EventTemplateError? {
    do {
      _ = try EventTemplates.generate(name: name, overrides: overrides, count: count)
      return nil
    } catch let error as EventTemplateError {
      return error
    } catch {
      Issue.record("unexpected error type: \(error)")
      return nil
    }
  }

  @Test(arguments: [
    ("sqs-batch", "sqs"), ("s3", "s3-put"), ("apigateway", "apigateway-rest"),
    ("dynamo-insert", "dynamodb-insert"), ("eventbridge", "eventbridge-scheduled"),
    ("cloudwatch", "cloudwatch-logs"), ("SNS", "sns"),
  ])
  func unknownTemplateSuggestsClosestName(typed: String, meant: String) throws {
    let failure = try #require(error(typed))
    guard case .unknownTemplate(let name, let suggestion, let available) = failure else {
      Issue.record("expected unknownTemplate, got \(failure)")
      return
    }
    #expect(name == typed)
    #expect(suggestion == meant)
    #expect(available.count == EventTemplates.all.count)
    #expect(failure.description.contains("Did you mean `\(meant)`?"))
    #expect(failure.description.contains("lambdalings events list"))
  }

  @Test func unrelatedNameGetsNoSuggestion() throws {
    let failure = try #require(error("zzzzzzzzzzzzzzzzzzzz"))
    #expect(
      failure
        == .unknownTemplate(
          name: "zzzzzzzzzzzzzzzzzzzz", suggestion: nil, available: EventTemplates.all.map(\.name)))
  }

  @Test func topLevelTypoIsCaughtWithHint() throws {
    let failure = try #require(error("apigateway-rest", [("nmae", "Ada")]))
    #expect(failure.description.contains("did you mean `name`?"), "\(failure)")
  }

  @Test func nestedTypoIsCaughtWithHint() throws {
    let failure = try #require(error("apigateway-rest", [("requestContext.identty.sourceIp", "1")]))
    #expect(failure.description.contains("did you mean `identity`?"), "\(failure)")
  }

  @Test func indexOutOfRangeNamesTheValidRange() throws {
    let failure = try #require(error("sqs", [("Records.7.body", "x")], count: 2))
    #expect(
      failure.description.contains("has 2 element(s); use an index from 0 to 2"), "\(failure)")
    let notIndex = try #require(error("sqs", [("Records.first.body", "x")]))
    #expect(notIndex.description.contains("must be an index"), "\(notIndex)")
  }

  @Test func cannotDescendIntoAString() throws {
    let failure = try #require(error("sns", [("Records.0.Sns.Message.text", "x")]))
    #expect(failure.description.contains("is a string"), "\(failure)")
  }

  @Test func emptySegmentsAreRejected() throws {
    #expect(error("sqs", [("Records..body", "x")]) != nil)
    #expect(error("sqs", [("Records.0.", "x")]) != nil)
  }

  @Test func countRules() throws {
    #expect(error("sns", count: 2) == .countNotSupported(template: "sns"))
    let tooMany = try #require(error("sqs", count: 10_001))
    #expect(
      tooMany
        == .countOutOfRange(
          template: "sqs", count: 10_001, range: 1...10_000, noun: "messages"))
    #expect(error("cloudwatch-logs", count: 0) != nil)
  }

  @Test func overrideSyntax() throws {
    let parsed = try EventTemplates.parseOverride("Records.0.body=a=b")
    #expect(parsed.path == "Records.0.body" && parsed.value == "a=b")
    let empty = try EventTemplates.parseOverride("body=")
    #expect(empty.path == "body" && empty.value == "")
    #expect(throws: EventTemplateError.malformedOverride("no-equals")) {
      try EventTemplates.parseOverride("no-equals")
    }
    #expect(throws: EventTemplateError.malformedOverride("=value")) {
      try EventTemplates.parseOverride("=value")
    }
  }

  @Test func integerParametersRejectText() throws {
    #expect(
      error("s3-put", [("size", "big")])
        == .invalidParameter(
          template: "s3-put", name: "size", value: "big", expected: "a whole number"))
    let failure = try #require(error("dynamodb-insert", [("id", "abc")]))
    #expect(failure.description.contains("id must be a whole number"), "\(failure)")
  }
}
