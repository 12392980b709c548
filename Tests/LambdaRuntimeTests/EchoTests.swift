import Foundation
import Testing

@testable import LambdaRuntime

/// Events survive the round trip through each bootstrap's JSON decoding and encoding.
@Suite struct EchoTests {
  static let event = """
    {"s":"h\\u00e9llo \\u2603 \\"q\\" \\\\ \\n","n":1.5,"neg":-20,"big":12345678901,
    "l":[true,false,null,[],{}],"o":{"nested":{"deep":[1,2,3]}},"e":1e-7}
    """

  func roundTrip(_ runtime: LambdaRuntimeKind) throws {
    let function = try Fixture.function(runtime, "echo.handler")
    defer { function.shutdown() }
    let record = function.invoke(event: Fixture.json(EchoTests.event))
    #expect(record.status == .success, "\(record.resultText)")
    let sent =
      try JSONSerialization.jsonObject(with: Fixture.json(EchoTests.event)) as? NSDictionary
    let received = try JSONSerialization.jsonObject(with: record.result) as? NSDictionary
    #expect(sent != nil && sent == received)
    let scalar = function.invoke(event: Fixture.json(" 42 "))
    #expect(scalar.resultText == "42")
    let text = function.invoke(event: Fixture.json("\"just text\""))
    #expect(text.resultText == "\"just text\"")
  }

  @Test(.enabled(if: Fixture.hasPython, "python3 is not on PATH"))
  func python() throws { try roundTrip(.python) }

  @Test(.enabled(if: Fixture.hasNode, "node is not on PATH"))
  func node() throws { try roundTrip(.nodejs) }
}
