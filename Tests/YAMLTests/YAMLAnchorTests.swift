import Testing

@testable import YAML

@Suite struct YAMLAnchorTests {
  @Test func anchorsAndAliases() {
    let text = """
      base: &defaults
        runtime: python3.12
        timeout: 10
      copy: *defaults
      list: [&x one, *x]
      """
    #expect(
      dump(text)
        == "{base: {runtime: python3.12, timeout: 10}, copy: {runtime: python3.12, timeout: 10}, "
        + "list: [one, one]}")
  }

  @Test func mergeKeysKeepExplicitKeys() {
    let text = """
      base: &base
        Runtime: python3.12
        Timeout: 3
      fn:
        Timeout: 10
        <<: *base
        Handler: app.handler
      """
    #expect(
      dump(text)
        == "{base: {Runtime: python3.12, Timeout: 3}, "
        + "fn: {Timeout: 10, Handler: app.handler, Runtime: python3.12}}")
  }

  @Test func mergeOfSeveralMappings() {
    let text = """
      a: &a {x: 1, y: 1}
      b: &b {y: 2, z: 2}
      c:
        <<: [*a, *b]
      """
    #expect(dump(text).hasSuffix("c: {x: 1, y: 1, z: 2}}"))
  }

  @Test func anchorOnTheLineBeforeABlockCollection() {
    #expect(dump("a: &l\n  - 1\n  - 2\nb: *l") == "{a: [1, 2], b: [1, 2]}")
    #expect(dump("a: &s scalar\nb: *s") == "{a: scalar, b: scalar}")
  }

  @Test func aliasPositionIsWhereItIsUsed() throws {
    let root = try YAML.parse("a: &x 1\nb: *x")
    #expect(root["b"]?.line == 2)
    #expect(root["b"]?.column == 4)
  }

  @Test func unknownAliasAndBadMerges() {
    let unknown = parseError("a: *nope")
    #expect(unknown?.line == 1 && unknown?.column == 4)
    #expect(unknown?.message.contains("unknown alias '*nope'") == true)
    let bad = parseError("a: &s text\nb:\n  <<: *s")
    #expect(bad?.line == 3)
    #expect(bad?.message.contains("'<<' merges a mapping") == true)
  }

  @Test func aliasExpansionIsBounded() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...8 {
      let previous = "*a\(level - 1)"
      text +=
        "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
    }
    let error = parseError(text)
    #expect(error?.message.contains("aliases expand to more than") == true)
  }
}
