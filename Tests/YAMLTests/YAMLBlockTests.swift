import Testing

@testable import YAML

@Suite struct YAMLBlockTests {
  @Test func nestedMappings() {
    let text = """
      service: hello
      provider:
        name: aws
        runtime: python3.12
      """
    #expect(dump(text) == "{service: hello, provider: {name: aws, runtime: python3.12}}")
  }

  @Test func listsOfScalarsAndMappings() {
    let text = """
      events:
        - http:
            path: hello
            method: get
        - httpApi: 'GET /hi'
      names:
        - a
        - b
      """
    #expect(
      dump(text)
        == "{events: [{http: {path: hello, method: get}}, {httpApi: \"GET /hi\"}], names: [a, b]}")
  }

  @Test func listAtTheIndentationOfItsKey() {
    let text = """
      events:
      - http: x
      - y
      after: 1
      """
    #expect(dump(text) == "{events: [{http: x}, y], after: 1}")
  }

  @Test func compactNestedListsAndMappings() {
    #expect(dump("- - a\n  - b\n- c") == "[[a, b], c]")
    #expect(dump("- a: 1\n  b: 2\n- c: 3") == "[{a: 1, b: 2}, {c: 3}]")
    #expect(dump("-\n  a: 1\n-\n  - x") == "[{a: 1}, [x]]")
  }

  @Test func emptyValues() {
    #expect(dump("a:\nb: 1\nc:") == "{a: , b: 1, c: }")
    #expect(dump("- \n- x\n-") == "[, x, ]")
    let node = try? YAML.parse("a:\n")
    #expect(node?["a"]?.isNull == true)
    #expect(node?["a"]?.string == nil)
  }

  @Test func commentsEverywhere() {
    let text = """
      # leading comment
      a: 1 # trailing
        # indented comment between entries
      b:   # comment after key
        - x # item comment
      # comment before item
        - y
      c: "q # not a comment" # but this is
      d: a#b
      """
    #expect(dump(text) == "{a: 1, b: [x, y], c: \"q # not a comment\", d: a#b}")
  }

  @Test func documentMarkersAndDirectives() {
    #expect(dump("%YAML 1.2\n---\na: 1\n...\n") == "{a: 1}")
    #expect(dump("--- # start\n- a\n") == "[a]")
    #expect(dump("") == "")
    #expect(dump("# only a comment\n") == "")
    #expect(dump("---\n") == "")
  }

  @Test func keysWithSpacesQuotesAndSpecialCharacters() {
    #expect(
      dump("a key: 1\n'quoted key': 2\n\"x:y\": 3")
        == "{\"a key\": 1, \"quoted key\": 2, \"x:y\": 3}")
    #expect(dump("url: http://example.com:8080/x") == "{url: http://example.com:8080/x}")
    #expect(dump("route: GET /items/{id}") == "{route: GET /items/{id}}")
    #expect(dump("path: /{proxy+}") == "{path: /{proxy+}}")
    #expect(dump("var: ${self:provider.stage}") == "{var: ${self:provider.stage}}")
  }

  @Test func windowsLineEndingsAndByteOrderMark() {
    #expect(dump("\u{FEFF}a: 1\r\nb:\r\n  - x\r\n") == "{a: 1, b: [x]}")
    #expect(dump("a: 1\rb: 2") == "{a: 1, b: 2}")
  }

  @Test func positionsOfNodesAndKeys() throws {
    let text = """
      top:
        child: value
        list:
          - first
          -   second
      """
    let root = try YAML.parse(text)
    let top = try #require(root["top"])
    #expect((top.line, top.column) == (2, 3))
    let child = try #require(top.entries?.first)
    #expect((child.keyLine, child.keyColumn) == (2, 3))
    #expect((child.value.line, child.value.column) == (2, 10))
    let second = try #require(top["list"]?.items?.last)
    #expect((second.line, second.column) == (5, 9))
  }

  @Test func unicodeColumnsCountCharacters() {
    let error = parseError("é: ü\n  bad: 1")
    #expect(error?.line == 2)
    let node = try? YAML.parse("naïve: ✓")
    #expect(node?["naïve"]?.string == "✓")
    #expect(node?["naïve"]?.column == 8)
  }

  @Test func typedAccessors() throws {
    let root = try YAML.parse(
      """
      yes: true
      no: False
      int: 42
      neg: -7
      hex: 0x1F
      float: 2.5
      quotedInt: "42"
      tilde: ~
      word: null
      """)
    #expect(root["yes"]?.bool == true)
    #expect(root["no"]?.bool == false)
    #expect(root["int"]?.int == 42)
    #expect(root["neg"]?.int == -7)
    #expect(root["hex"]?.int == 31)
    #expect(root["float"]?.double == 2.5)
    #expect(root["float"]?.int == nil)
    #expect(root["quotedInt"]?.int == nil)
    #expect(root["quotedInt"]?.string == "42")
    #expect(root["tilde"]?.isNull == true)
    #expect(root["word"]?.isNull == true)
    #expect(root["int"]?.bool == nil)
    #expect(root.kindName == "a mapping")
    #expect(root["missing"] == nil)
  }
}
