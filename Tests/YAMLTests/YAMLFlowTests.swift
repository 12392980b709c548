import Testing

@testable import YAML

@Suite struct YAMLFlowTests {
  @Test func flowSequencesAndMappings() {
    #expect(dump("a: [x, 'y', \"z\"]") == "{a: [x, \"y\", \"z\"]}")
    #expect(dump("a: {k: v, n: 1}") == "{a: {k: v, n: 1}}")
    #expect(dump("a: []\nb: {}") == "{a: [], b: {}}")
    #expect(dump("[a, [b, {c: d}]]") == "[a, [b, {c: d}]]")
    #expect(dump("a: [x, y, ]") == "{a: [x, y]}")
  }

  @Test func flowOverSeveralLinesWithComments() {
    let text = """
      cors: {
        allowedOrigins: ['*'],   # any origin
        allowedMethods: [GET,
          POST]
      }
      """
    #expect(dump(text) == "{cors: {allowedOrigins: [\"*\"], allowedMethods: [GET, POST]}}")
  }

  @Test func jsonIsYAML() {
    #expect(
      dump(#"{"a": 1, "b": [true, null], "c": {"d": "e"}}"#)
        == "{a: 1, b: [true, null], c: {d: \"e\"}}")
    #expect(dump(#"{"a":1}"#) == "{a: 1}")
  }

  @Test func singlePairMappingsInFlowSequences() {
    #expect(dump("[a: 1, b]") == "[{a: 1}, b]")
  }

  @Test func flowKeysWithoutValues() {
    #expect(dump("{a, b: 1}") == "{a: , b: 1}")
  }

  @Test func urlsInFlow() {
    #expect(dump("[http://x.com/a, b]") == "[http://x.com/a, b]")
  }
}
