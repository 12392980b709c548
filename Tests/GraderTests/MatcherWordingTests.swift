import Course
import Foundation
import JSON
import Testing

@testable import Grader

/// Every matcher the expectation checker supports, failed through the checker itself: the
/// sentence the learner reads says in words what was wanted (never `{"$type":"object"}`),
/// while the structured value `check --json` prints keeps the matcher.
@Suite struct MatcherWordingTests {
  static func node(_ text: String) throws -> JSONValue {
    try #require(JSONValue.parse(text), "not JSON: \(text)")
  }

  /// The sentence of the checker's mismatch for `expected` against `actual` (nil: absent).
  static func sentence(_ expected: String, _ actual: String?) throws -> String {
    let miss = try #require(
      JSONMatch.check(try node(expected), try actual.map(node), path: "body.x"),
      "\(expected) should not match \(actual ?? "nothing")")
    return miss.sentence
  }

  @Test func everyMatcherKindInWords() throws {
    let cases: [(expected: String, actual: String?, sentence: String)] = [
      (#"{"$type":"object"}"#, #""hi""#, #"body.x: expected an object, got the string "hi""#),
      (#"{"$type":"array"}"#, #"{"a":1}"#, #"body.x: expected an array, got the object {"a":1}"#),
      (#"{"$type":"string"}"#, "3", "body.x: expected a string, got the number 3"),
      (#"{"$type":"number"}"#, "true", "body.x: expected a number, got the boolean true"),
      (#"{"$type":"integer"}"#, "1.5", "body.x: expected an integer, got the number 1.5"),
      (#"{"$type":"boolean"}"#, "null", "body.x: expected a boolean, got null"),
      (#"{"$type":"null"}"#, "[]", "body.x: expected null, got an empty array"),
      (#"{"$type":"object"}"#, nil, "body.x: expected an object, got nothing"),
      (#"{"$exists":true}"#, nil, "body.x: expected a value, got nothing"),
      (#"{"$exists":false}"#, "2", "body.x: expected no such field, got 2"),
      (#"{"$gte":3}"#, "2", "body.x: expected a number of at least 3, got the number 2"),
      (#"{"$gte":3}"#, #""5""#, #"body.x: expected a number of at least 3, got the string "5""#),
      (#"{"$lte":1}"#, "2", "body.x: expected a number of at most 1, got the number 2"),
      (
        #"{"$length":2}"#, #""abc""#,
        #"body.x: expected an array of 2 items or a string of 2 characters, got the string "abc""#
      ),
      (
        #"{"$length":1}"#, "[1,2]",
        "body.x: expected an array of 1 item or a string of 1 character, got the array [1,2]"
      ),
      (
        #"{"$contains":"ok"}"#, #""fine""#,
        #"body.x: expected a string containing "ok", got the string "fine""#
      ),
    ]
    for (expected, actual, sentence) in cases {
      #expect(try Self.sentence(expected, actual) == sentence, "\(expected)")
    }
    // A matcher the checker does not know is named (for the spec's author), with the known ones.
    #expect(
      try Self.sentence(#"{"$near":1}"#, "2")
        == "body.x: expected a value checked by $near, which is not a matcher lambdalings "
        + "knows (the spec can use $exists, $type, $gte, $lte, $length and $contains), got 2")
  }

  /// The case of the walkthrough: matchers nested in an expected object.
  @Test func nestedMatchersInWholeResultsAndMissingObjects() throws {
    let expected = try Self.node(
      #"{"statusCode":200,"headers":{"$type":"object"},"body":{"$type":"string"}}"#)
    let actual = try Self.node(#"{"statusCode":200,"headers":{},"body":{"message":"hi"}}"#)
    let miss = try #require(JSONMatch.check(expected, actual, path: "result"))
    let failure = GradeFailure(.result(expected: expected, actual: actual, difference: miss))
    #expect(
      failure.sentence
        == #"result.body: expected a string, got the object {"message":"hi"} (the spec "#
        + #"expects the result to be {"statusCode": 200, "headers": an object, "body": a "#
        + #"string})"#)
    #expect(!failure.sentence.contains("$"))
    // `check --json` keeps the matcher as the spec wrote it.
    #expect(failure.expected == (try Self.node(#"{"$type":"string"}"#)))

    // An object holding matchers, where the actual value is not an object at all.
    let inner = try #require(
      JSONMatch.check(
        try Self.node(#"{"user":{"id":{"$type":"string"},"age":{"$gte":18}}}"#),
        try Self.node(#"{"user":"ada"}"#), path: "body"))
    #expect(
      inner.sentence
        == #"body.user: expected {"id": a string, "age": a number of at least 18}, "#
        + #"got the string "ada""#)

    // A JSON log line that was never printed.
    let wanted = try Self.node(#"{"level":"INFO","count":{"$gte":1}}"#)
    let logs = GradeFailure(.logJSONNoLines(index: 0, wanted: wanted))
    #expect(
      logs.sentence
        == #"logJSON[0]: expected a JSON log line with {"level": "INFO", "count": a number "#
        + "of at least 1}, but the function printed no JSON lines")
    #expect(logs.expected == wanted)
  }
}
