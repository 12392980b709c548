import Foundation
import Testing

@testable import Progress

@Suite struct JSONLocatorTests {
  @Test(arguments: [
    (
      "{\"a\": 1,\n \"b\": tru}", 2, 7,
      "unexpected text; expected 'true' (strings need double quotes)"
    ),
    ("{\"a\": [1, 2\n", 2, 1, "unexpected end of file; ']' is missing"),
    ("{\n\n  a: 1}", 3, 3, "expected a member name in double quotes, found 'a'"),
    ("{\"a\": \"line\nbreak\"}", 1, 12, "a string is not closed before the end of the line"),
    ("{\"a\": 1} x", 1, 10, "unexpected text after the end of the JSON value"),
    ("{\"a\": -}", 1, 8, "a number needs digits"),
    ("{\"a\": \"\\q\"}", 1, 8, "unknown escape \\'q' in a string"),
    ("   \n  ", 2, 3, "the file is empty"),
  ])
  func syntaxErrorsArePlaced(text: String, line: Int, column: Int, message: String) {
    let error = JSONLocator.syntaxError(in: Data(text.utf8))
    #expect(error == JSONLocator.SyntaxError(line: line, column: column, message: message))
  }

  @Test func validJSONHasNoSyntaxError() {
    let text = "{\"a\": [1, -2.5e3, true, false, null, \"\\u00e9\\n\"], \"b\": {\"c\": {},},}"
    #expect(JSONLocator.syntaxError(in: Data(text.utf8)) == nil)
  }

  @Test func valuesAreFoundByPath() {
    let text = """
      {
        "version": 1,
        "quizzes": {
          "triggers": {
            "attempts": [
              {"score": 1},
              {
                "score": "two"
              }
            ]
          }
        }
      }
      """
    let data = Data(text.utf8)
    #expect(JSONLocator.line(of: [], in: data) == 1)
    #expect(JSONLocator.line(of: ["version"], in: data) == 2)
    #expect(JSONLocator.line(of: ["quizzes", "triggers", "attempts", "0", "score"], in: data) == 6)
    #expect(JSONLocator.line(of: ["quizzes", "triggers", "attempts", "1", "score"], in: data) == 8)
    #expect(JSONLocator.line(of: ["quizzes", "missing"], in: data) == nil)
  }
}
