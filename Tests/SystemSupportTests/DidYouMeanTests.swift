import SystemSupport
import Testing

/// The one "did you mean" used for commands, options, ids, templates and fields.
@Suite struct DidYouMeanTests {
  @Test(arguments: [
    ("lsit", ["list", "init", "hint"], "list"),  // a swap is one edit
    ("--langauge", ["--language", "--help"], "--language"),
    ("apigw", ["sqs", "apigateway-rest", "apigateway-http"], "apigateway-rest"),  // abbreviation
    ("sqs-batch", ["sqs", "sns"], "sqs"),  // a candidate the name starts with
    ("dynamo", ["sqs", "dynamodb-insert"], "dynamodb-insert"),  // a prefix
    ("READ", ["read", "reset"], "read"),  // case-insensitive
    ("bascis", ["basics", "more"], "basics"),
  ])
  func suggestsTheNameMeant(typed: String, candidates: [String], meant: String) {
    #expect(DidYouMean.closest(to: typed, among: candidates) == meant)
  }

  @Test func unrelatedOrEmptyNamesGetNothing() {
    #expect(DidYouMean.closest(to: "zzzzzzzz", among: ["list", "init"]) == nil)
    #expect(DidYouMean.closest(to: "", among: ["list"]) == nil)
    #expect(DidYouMean.closest(to: "list", among: []) == nil)
    #expect(DidYouMean.closest(to: "ax", among: ["apigateway"]) == nil)
    // The dashes every option has do not count toward the length that allows more edits.
    #expect(DidYouMean.closest(to: "--wdth", among: ["--no-pager", "--help"]) == nil)
  }

  @Test func distanceCountsEditsAndSwaps() {
    #expect(DidYouMean.distance("kitten", "sitting") == 3)
    #expect(DidYouMean.distance("", "abc") == 3)
    #expect(DidYouMean.distance("lsit", "list") == 1)
  }

  @Test func theClauseEndsAMessageOrIsEmpty() {
    #expect(
      DidYouMean.clause(to: "limts", among: ["limits", "intro"]) == "; did you mean 'limits'?")
    #expect(
      DidYouMean.clause(to: "timout", among: ["timeout"], quote: "\"")
        == "; did you mean \"timeout\"?")
    #expect(DidYouMean.clause(to: "zzzzzzzz", among: ["limits"]) == "")
  }
}
