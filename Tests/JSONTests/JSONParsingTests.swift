import Foundation
import Testing

@testable import JSON

/// RFC 8259 as the parser reads it: what is JSON, what is not, and what values come out.
@Suite struct JSONParsingTests {
  @Test(arguments: [
    "{}", "[]", "0", "-0", "-0.5e+3", "1E9", "1e-7", "true", "false", "null", "\"\"",
    "{\"b\":1,\"a\":[true,null,{\"c\":\"d\"}]}",
    "\"tab\\t quote\\\" slash\\/ \\u00e9 \\ud83d\\ude00 \\b\\f\"",
    "  [ 1 , 2 ]  ", "\n\t\r {\"a\" :\n 1}\n",
  ])
  func validJSONAgreesWithFoundation(text: String) throws {
    let value = try JSONValue(parsing: text)
    func normalized(_ json: String) throws -> Data {
      let object = try JSONSerialization.jsonObject(
        with: Data(json.utf8), options: .fragmentsAllowed)
      return try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
    }
    #expect(try normalized(value.compact()) == normalized(text))
    #expect(try JSONValue(parsing: value.prettyPrinted()) == value, "pretty output parses back")
    #expect(try JSONValue(parsing: value.compact()) == value, "compact output parses back")
  }

  @Test(arguments: [
    "", "   ", "{", "[1,]", "{\"a\":1,}", "{\"a\":}", "01", "-01", "1.", ".5", "-", "+1", "1e",
    "1e+", "tru", "nul", "\"open", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12G4\"",
    "{\"a\" 1}", "[1 2]", "1 2", "'single'", "\"raw\ncontrol\"", "\"raw\u{01}control\"",
    "NaN", "Infinity", "[1,,2]", "{1: 2}",
  ])
  func invalidJSONIsRejected(text: String) {
    #expect(JSONValue.parse(text) == nil, "should reject: \(text.debugDescription)")
    #expect(JSONValue.syntaxError(in: Array(text.utf8)) != nil)
  }

  @Test func aByteOrderMarkIsIgnored() throws {
    #expect(try JSONValue(parsing: "\u{FEFF}{\"a\": 1}") == ["a": 1])
    #expect(JSONValue.parse("{}\u{FEFF}") == nil, "only at the start")
  }

  @Test func surrogatePairsBecomeOneCharacter() throws {
    #expect(try JSONValue(parsing: "\"\\ud83d\\ude00\"") == .string("😀"))
    #expect(try JSONValue(parsing: "\"\\uD834\\uDD1E\"") == .string("\u{1D11E}"))
    #expect(try JSONValue(parsing: "\"\\u0000\"") == .string("\u{0}"))
  }

  @Test(arguments: [
    ("\"\\ud83d\"", 2, "\\uD83D starts a surrogate pair that has no second half"),
    ("\"\\ud83d\\u0041\"", 8, "\\uD83D must be followed by a low surrogate (\\uDC00-\\uDFFF)"),
    ("\"\\ude00\"", 2, "\\uDE00 is the second half of a surrogate pair without a first half"),
  ])
  func loneSurrogatesAreRejected(text: String, column: Int, message: String) throws {
    let error = try #require(JSONValue.syntaxError(in: Array(text.utf8)))
    #expect(error.message == message)
    #expect(error.position == JSONPosition(line: 1, column: column))
  }

  @Test(
    arguments: [
      [0x22, 0xFF, 0x22],  // a byte that never appears in UTF-8
      [0x22, 0xC3, 0x22],  // a lead byte without its continuation
      [0x22, 0xC0, 0xAF, 0x22],  // an overlong '/'
      [0x22, 0xED, 0xA0, 0x80, 0x22],  // a surrogate encoded in UTF-8
      [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
      [0x22, 0x80, 0x22],  // a lone continuation byte
    ] as [[UInt8]])
  func invalidUTF8IsRejected(bytes: [UInt8]) throws {
    let error = try #require(JSONValue.syntaxError(in: bytes))
    #expect(error.message.hasPrefix("invalid UTF-8"))
    #expect(error.position == JSONPosition(line: 1, column: 2))
  }

  @Test func validMultiByteUTF8IsKept() throws {
    let text = "{\"é\": \"日本語 😀 \\n ünïcode\"}"
    let value = try JSONValue(parsing: Array(text.utf8))
    #expect(value["é"] == .string("日本語 😀 \n ünïcode"))
  }

  @Test func nestingIsLimitedTo512Levels() throws {
    let allowed = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(JSONValue.parse(allowed) != nil)
    let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
    let error = try #require(JSONValue.syntaxError(in: Array(deep.utf8)))
    #expect(error.description == "1:513: the JSON nests deeper than 512 levels")
    let hostile = String(repeating: "{\"a\":", count: 100_000)
    #expect(JSONValue.parse(hostile) == nil, "deep input fails without exhausting the stack")
  }

  @Test func repeatedKeysKeepTheFirstPlaceAndTheLastValue() throws {
    let value = try JSONValue(parsing: "{\"a\":1,\"b\":2,\"a\":3}")
    #expect(value.objectMembers?.map(\.key) == ["a", "b"])
    #expect(value["a"] == .number("3"))
    #expect(value.compact() == "{\"a\":3,\"b\":2}")
    // The same in a large object, where keys are looked up through an index.
    let keys = (0..<100).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
    let large = try JSONValue(parsing: "{\(keys),\"k5\":\"again\",\"k99\":null}")
    #expect(large.objectMembers?.count == 100)
    #expect(large.objectMembers?[5].value == .string("again"))
    #expect(large["k99"] == .null)
  }

  @Test(arguments: [
    "-0", "0", "1e400", "-1E-400", "12345678901234567890123456789", "0.10", "1.0", "2.5E+10",
    "-123.456e-7",
  ])
  func numbersKeepTheirText(text: String) throws {
    let value = try JSONValue(parsing: "[\(text)]")
    #expect(value[0] == .number(text))
    #expect(value.compact() == "[\(text)]")
  }

  @Test func numberAccessors() throws {
    #expect(JSONValue.number("3").intValue == 3)
    #expect(JSONValue.number("3.0").intValue == 3)
    #expect(JSONValue.number("3e2").intValue == 300)
    #expect(JSONValue.number("3.5").intValue == nil)
    #expect(JSONValue.number("-0").doubleValue == 0)
    #expect(JSONValue.number("12345678901234567890123").intValue == nil)
    #expect(JSONValue.double(2.5) == .number("2.5"))
    #expect(JSONValue.double(100) == .number("100"))
    #expect(JSONValue.double(-0.0) == .number("-0"))
    #expect(JSONValue.double(.nan) == .null)
  }

  @Test func objectKeysKeepTheirOrder() throws {
    let value = try JSONValue(parsing: "{\"z\":1,\"a\":2,\"m\":3}")
    #expect(value.objectMembers?.map(\.key) == ["z", "a", "m"])
    #expect(value.compact() == "{\"z\":1,\"a\":2,\"m\":3}")
  }

  @Test func bytesTextAndDataGiveTheSameValue() throws {
    let text = "{\"a\": [1, \"two\", {\"three\": null}]}"
    let fromText = try JSONValue(parsing: text)
    #expect(try JSONValue(parsing: Array(text.utf8)) == fromText)
    #expect(try JSONValue(parsing: Data(text.utf8)) == fromText)
    #expect(try JSONValue(parsing: text.utf8.reversed().reversed()) == fromText)
  }
}
