import Testing

@testable import JSON

/// Positions of values and keys, for diagnostics that point into a file.
@Suite struct JSONPositionTests {
  static let text = """
    {
      "version": 1,
      "quizzes": {
        "triggers": {
          "attempts": [
            {"score": 1},
            {
              "score": "two", "é": true
            }
          ]
        }
      }
    }
    """

  @Test func valuesAndKeysKnowWhereTheyAre() throws {
    let root = try JSONValue.Located(parsing: Self.text)
    #expect(root.position == JSONPosition(line: 1, column: 1))
    #expect(root["version"]?.position == JSONPosition(line: 2, column: 14))
    let attempts = try #require(root.located(at: ["quizzes", "triggers", "attempts"]))
    #expect(attempts.line == 5)
    #expect(attempts.arrayValue?.count == 2)
    #expect(root.located(at: ["quizzes", "triggers", "attempts", "0", "score"])?.line == 6)
    let second = try #require(attempts.arrayValue?[1])
    #expect(second.position == JSONPosition(line: 7, column: 9))
    let members = try #require(second.members)
    #expect(members.map(\.key) == ["score", "é"])
    #expect(members[0].keyPosition == JSONPosition(line: 8, column: 11))
    #expect(members[0].value.position == JSONPosition(line: 8, column: 20))
    // Columns count characters, not bytes: "é" is one column.
    #expect(members[1].keyPosition == JSONPosition(line: 8, column: 27))
    #expect(members[1].value.position == JSONPosition(line: 8, column: 32))
    #expect(root.located(at: ["quizzes", "missing"]) == nil)
    #expect(root.located(at: ["quizzes", "triggers", "attempts", "2"]) == nil)
  }

  @Test func theLocatedValueIsThePlainValue() throws {
    let root = try JSONValue.Located(parsing: Self.text)
    #expect(root.value == (try JSONValue(parsing: Self.text)))
    #expect(root["version"]?.intValue == 1)
    #expect(root["quizzes"]?.typeName == "an object")
    #expect(
      root.located(at: ["quizzes", "triggers", "attempts", "1", "score"])?.stringValue == "two")
  }

  @Test func repeatedKeysKeepTheFirstKeyPositionAndTheLastValue() throws {
    let root = try JSONValue.Located(parsing: "{\"a\": 1,\n \"a\": [2]}")
    let members = try #require(root.members)
    #expect(members.count == 1)
    #expect(members[0].keyPosition == JSONPosition(line: 1, column: 2))
    #expect(members[0].value.position == JSONPosition(line: 2, column: 7))
    #expect(root.value.compact() == "{\"a\":[2]}")
  }

  @Test func parseReturnsAResultForReaders() {
    guard case .failure(let error) = JSONValue.Located.parse("[1,\n2,]") else {
      Issue.record("a trailing comma must fail")
      return
    }
    #expect(error.line == 2)
  }
}
