import Testing

@testable import JSON

/// Every syntax error names what is wrong and where (line:column, columns in characters).
@Suite struct JSONErrorTests {
  @Test(arguments: [
    (
      "{\"a\": 1,\n \"b\": tru}", 2, 7,
      "unexpected text; expected 'true' (strings need double quotes)"
    ),
    ("{\"a\": [1, 2\n", 2, 1, "unexpected end of the text; ']' is missing"),
    ("{\n\n  a: 1}", 3, 3, "expected a quoted key in the object, found 'a'"),
    ("{\"a\": \"line\nbreak\"}", 1, 12, "a string is not closed before the end of the line"),
    ("{\"a\": 1} x", 1, 10, "unexpected text after the end of the JSON value"),
    ("{\"a\": -}", 1, 8, "a number needs digits"),
    ("{\"a\": \"\\q\"}", 1, 8, "unknown escape '\\q' in a string"),
    ("   \n  ", 2, 3, "the text is empty; expected a JSON value"),
    (
      "{\n  \"a\": 1,\n}", 3, 1,
      "expected a quoted key in the object, found '}' (remove the ',' before it)"
    ),
    ("[1,\n 2,\n]", 3, 1, "expected a value, found ']' (remove the ',' before it)"),
    ("{\"a\": 1\n \"b\": 2}", 2, 2, "expected ',' or '}' after a member, found '\"'"),
    ("[1 2]", 1, 4, "expected ',' or ']' after an element, found '2'"),
    ("{\"a\" 1}", 1, 6, "expected ':' after the key \"a\""),
    ("[007]", 1, 2, "a number cannot start with 0 followed by more digits"),
    ("[1.]", 1, 4, "a number needs digits after '.'"),
    ("[1e+]", 1, 5, "a number needs digits in its exponent"),
    ("[\"abc", 1, 2, "a string is never closed (it opens here)"),
    (
      "[\"tab\there\"]", 1, 6,
      "a control character (byte 0x09) in a string must be written as an escape such as \\t or \\u0009"
    ),
    ("{\"é\": [1, @]}", 1, 11, "unexpected character '@'; expected a value"),
  ])
  func syntaxErrorsArePlaced(text: String, line: Int, column: Int, message: String) throws {
    let error = try #require(JSONValue.syntaxError(in: Array(text.utf8)))
    #expect(
      error == JSONSyntaxError(message: message, position: JSONPosition(line: line, column: column))
    )
    #expect(error.description == "\(line):\(column): \(message)")
    #expect(throws: error) { try JSONValue(parsing: text) }
    #expect(throws: error) { try JSONValue.Located(parsing: text) }
  }
}
