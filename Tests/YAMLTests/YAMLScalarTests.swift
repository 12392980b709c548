import Testing

@testable import YAML

@Suite struct YAMLScalarTests {
  @Test func multiLinePlainScalarsFold() {
    let root = try? YAML.parse("a: one\n  two\n\n  three\nb: x")
    #expect(root?["a"]?.string == "one two\nthree")
    #expect(root?["b"]?.string == "x")
    #expect(dump("- one\n  two") == "[one two]")
  }

  @Test func singleQuoted() {
    #expect(dump("a: 'it''s # here'") == "{a: \"it's # here\"}")
    #expect(dump("a: 'one\n  two\n\n  three'") == "{a: \"one two\\nthree\"}")
    #expect(dump("a: ''") == "{a: \"\"}")
  }

  @Test func doubleQuotedEscapes() throws {
    let root = try YAML.parse(#"a: "tab\there\nnew \"q\" \\ \u00e9 \x41 \U0001F600 \/""#)
    #expect(root["a"]?.string == "tab\there\nnew \"q\" \\ é A 😀 /")
    let joined = try YAML.parse("a: \"one \\\n   two\"")
    #expect(joined["a"]?.string == "one two")
    let folded = try YAML.parse("a: \"one  \n   two\"")
    #expect(folded["a"]?.string == "one two")
  }

  @Test func literalBlockScalars() {
    let text = """
      a: |
        line one
          indented
        line three

      b: x
      """
    #expect(dump(text) == "{a: \"line one\\n  indented\\nline three\\n\", b: x}")
    #expect(dump("a: |-\n  x\n  y\n\n\n") == "{a: \"x\\ny\"}")
    #expect(dump("a: |+\n  x\n\n\nb: 1") == "{a: \"x\\n\\n\\n\", b: 1}")
    #expect(dump("a: |\n\n  x\n") == "{a: \"\\nx\\n\"}")
    #expect(dump("a: |\nb: 1") == "{a: \"\", b: 1}")
  }

  @Test func foldedBlockScalars() {
    let text = """
      a: >
        one
        two

        three
          more indented
        four
      """
    #expect(dump(text) == "{a: \"one two\\nthree\\n  more indented\\nfour\\n\"}")
    #expect(dump("a: >-\n  x\n  y\n") == "{a: \"x y\"}")
  }

  @Test func explicitIndentationIndicator() {
    #expect(dump("a: |2\n    x\n   y\n") == "{a: \"  x\\n y\\n\"}")
    #expect(dump("a: |-1\n  x") == "{a: \" x\"}")
  }

  @Test func blockScalarInListAndWithComment() {
    #expect(dump("- | # note\n  text\n- y") == "[\"text\\n\", y]")
  }

  @Test func scalarsWithIndicatorsInside() {
    #expect(dump("a: -1") == "{a: -1}")
    #expect(dump("a: :x") == "{a: :x}")
    #expect(dump("a: b:c") == "{a: b:c}")
    #expect(dump("a: x, y [z] {w}") == "{a: x, y [z] {w}}")
    #expect(dump("a: 50%") == "{a: 50%}")
  }
}
