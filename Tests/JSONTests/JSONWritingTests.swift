import Foundation
import Testing

@testable import JSON

/// Output: deterministic, compact or pretty, one escaper, exact round trips.
@Suite struct JSONWritingTests {
  @Test func prettyPrintingUsesTwoSpacesAndCompactEmptyContainers() {
    let value: JSONValue = ["a": [1, 2], "b": .object([]), "c": [], "d": ["e": .null]]
    let expected = """
      {
        "a": [
          1,
          2
        ],
        "b": {},
        "c": [],
        "d": {
          "e": null
        }
      }
      """
    #expect(value.prettyPrinted() == expected)
    #expect(value.compact() == "{\"a\":[1,2],\"b\":{},\"c\":[],\"d\":{\"e\":null}}")
  }

  @Test func theEscaperWritesShortEscapesAndLowercaseHex() {
    let text = "a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{1F}é/😀\u{7F}"
    let quoted = "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001fé/😀\u{7F}\""
    #expect(JSONValue.quote(text) == quoted)
    #expect(JSONValue.string(text).compact() == quoted)
    #expect(JSONValue.quote("plain") == "\"plain\"")
    #expect(JSONValue.quote("") == "\"\"")
  }

  @Test func everyControlCharacterRoundTrips() throws {
    let text = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\"
    let quoted = JSONValue.quote(text)
    #expect(try JSONValue(parsing: quoted) == .string(text))
    // Python writes the same escapes (its json module is the reference on the handler side).
    let object = try JSONSerialization.jsonObject(
      with: Data(quoted.utf8), options: .fragmentsAllowed)
    #expect(object as? String == text)
  }

  @Test func documentsRoundTripByteForByte() throws {
    let compact =
      "{\"id\":-0,\"big\":123456789012345678901234567890,\"e\":1.5E+300,\"s\":\"日本\\n\","
      + "\"list\":[true,false,null,{},[]],\"z\":{\"y\":0.000001}}"
    let value = try JSONValue(parsing: compact)
    #expect(value.compact() == compact)
    #expect(String(decoding: value.compactBytes(), as: UTF8.self) == compact)
    #expect(try JSONValue(parsing: value.prettyPrinted()).compact() == compact)
  }

  @Test func settingReplacesInPlaceOrAppends() {
    let value: JSONValue = ["a": 1, "b": 2]
    #expect(value.setting("a", to: "x").compact() == "{\"a\":\"x\",\"b\":2}")
    #expect(value.setting("c", to: true).compact() == "{\"a\":1,\"b\":2,\"c\":true}")
    #expect(JSONValue.null.setting("k", to: 1).compact() == "{\"k\":1}")
  }
}
