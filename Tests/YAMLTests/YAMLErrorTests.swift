import Testing

@testable import YAML

/// Every error names the line and column of the offending text and says what to do.
@Suite struct YAMLErrorTests {
  func expectError(
    _ text: String, line: Int, column: Int, _ fragment: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let error = parseError(text)
    #expect(error != nil, "expected an error", sourceLocation: sourceLocation)
    guard let error else { return }
    #expect(
      error.line == line && error.column == column,
      "at \(error.line):\(error.column): \(error.message)", sourceLocation: sourceLocation)
    #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
  }

  @Test func tabIndentation() {
    expectError("a:\n\tb: 1", line: 2, column: 1, "tab")
  }

  @Test func badIndentation() {
    expectError("a: 1\n   b: 2", line: 2, column: 4, "continues the value above")
    expectError("- a\n   - b", line: 2, column: 4, "indented more")
    expectError("a:\n  b: 1\n c: 2", line: 3, column: 2, "indented more")
  }

  @Test func missingColon() {
    expectError("a: 1\nb\nc: 2", line: 2, column: 1, "expected 'key: value'")
  }

  @Test func mappingOnTheLineOfItsKey() {
    expectError("a: b: c", line: 1, column: 5, "same line")
    expectError("a: - x", line: 1, column: 4, "list cannot start on the same line")
  }

  @Test func duplicateKeys() {
    expectError("a: 1\nb: 2\na: 3", line: 3, column: 1, "duplicate key 'a' (first at line 1)")
    expectError("x: {k: 1, k: 2}", line: 1, column: 11, "duplicate key 'k'")
  }

  @Test func unclosedQuotesAndBrackets() {
    expectError("a: 'open\nb: 1", line: 1, column: 4, "never closed")
    expectError("a: \"open", line: 1, column: 4, "never closed")
    expectError("a: [1, 2\nb: 3", line: 1, column: 4, "never closed")
    expectError("a: {k: v", line: 1, column: 4, "never closed")
  }

  @Test func badFlowSeparators() {
    expectError("a: {k: v x: y}", line: 1, column: 11, "expected ',' or '}'")
    #expect(dump("a: [1 2]") == "{a: [1 2]}")
  }

  @Test func textAfterValues() {
    expectError("a: 'x' y", line: 1, column: 8, "unexpected text 'y'")
    expectError("a: [1] x", line: 1, column: 8, "unexpected text")
    expectError("a: | x\n  t", line: 1, column: 6, "block scalar indicator")
  }

  @Test func badEscapes() {
    expectError(#"a: "\q""#, line: 1, column: 5, "unknown escape")
    expectError(#"a: "\u12""#, line: 1, column: 5, "hexadecimal digits")
  }

  @Test func reservedAndMisplacedIndicators() {
    expectError("a: @x", line: 1, column: 4, "cannot start a plain value")
    expectError("a: `x`", line: 1, column: 4, "cannot start a plain value")
    expectError("a: ]", line: 1, column: 4, "misplaced ']'")
    expectError("? a\n: b", line: 1, column: 1, "complex keys")
  }

  @Test func severalDocuments() {
    expectError("a: 1\n---\nb: 2", line: 2, column: 1, "second document")
  }

  @Test func controlCharacters() {
    expectError("a: 1\nb: x\u{07}y", line: 2, column: 5, "control character")
    expectError("a: \u{0}", line: 1, column: 4, "control character")
  }

  @Test func tooDeep() {
    let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
    expectError(text, line: 1, column: 200, "nests more than 200 levels")
    var block = ""
    for level in 0..<250 { block += String(repeating: " ", count: level) + "k:\n" }
    #expect(parseError(block)?.message.contains("levels deep") == true)
  }

  @Test func aliasesAsKeysAndTagsOnKeys() {
    expectError("a: 1\n!Ref b: 2", line: 2, column: 1, "tags and aliases on keys")
  }

  @Test func descriptionAndLocatedForms() {
    let error = YAMLError("bad", line: 3, column: 7)
    #expect(error.description == "3:7: bad")
    #expect(error.located(in: "serverless.yml") == "serverless.yml:3:7: bad")
  }
}
