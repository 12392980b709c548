import Foundation
import JSON
import LambdaRuntime
import Testing

@testable import APIGateway

/// Random requests: routing, event building and result mapping never crash, and every event
/// is valid JSON that parses back.
@Suite struct GatewayFuzzTests {
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    mutating func text(_ alphabet: [Character], upTo length: Int) -> String {
      String((0..<below(length)).map { _ in alphabet[below(alphabet.count)] })
    }
  }

  static let alphabet = Array("ab/{}%+?&=;, é\"\\\u{0}\t\n:*$2F")

  @Test func randomRequestsBuildValidEvents() {
    var generator = Generator(state: 7)
    let table = RouteTable([
      APIRoute(
        method: "GET", path: "/items/{id}", function: "f", api: .rest, payloadVersion: "1.0"),
      APIRoute(method: "ANY", path: "/{proxy+}", function: "f", api: .http, payloadVersion: "2.0"),
      APIRoute(method: "ANY", path: "$default", function: "f", api: .http, payloadVersion: "2.0"),
    ])
    for _ in 0..<2000 {
      let method = ["GET", "POST", "OPTIONS", "X"][generator.below(4)]
      let path = "/" + generator.text(Self.alphabet, upTo: 30)
      var headers: [(name: String, value: String)] = []
      for _ in 0..<generator.below(5) {
        headers.append(
          (generator.text(Self.alphabet, upTo: 8), generator.text(Self.alphabet, upTo: 20)))
      }
      let body = (0..<generator.below(40)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
      let request = GatewayRequest(
        method: method, path: path, rawQuery: generator.text(Self.alphabet, upTo: 30),
        headers: headers, body: body)
      _ = CORSPolicy.isPreflight(request)
      guard let match = table.match(method: method, path: path) else {
        Issue.record("the $default route should catch \(method) \(path)")
        continue
      }
      for version in ["1.0", "2.0"] {
        var versioned = match
        versioned.route.payloadVersion = version
        let event = ProxyEvent.build(request, match: versioned, stage: "dev", binaryMediaTypes: [])
        let text = event.compact()
        #expect(JSONValue.parse(text) != nil, "\(text.prefix(200))")
      }
    }
  }

  @Test func randomResultsMapToAStatus() {
    var generator = Generator(state: 99)
    let pieces = [
      "{", "}", "[", "]", "\"statusCode\":", "200", "\"body\":", "\"x\"", ",", "\"headers\":",
      "{\"a\":1}", "true", "null", "\"isBase64Encoded\":", "\"cookies\":", "[\"c=1\"]", "-1",
      "1e400", "\"multiValueHeaders\":", "{\"m\":[\"1\",2]}",
    ]
    for _ in 0..<2000 {
      let text = (0..<generator.below(12)).map { _ in pieces[generator.below(pieces.count)] }
        .joined()
      for api in [APIKind.rest, .http] {
        let route = APIRoute(
          method: "GET", path: "/", function: "f", api: api,
          payloadVersion: api == .rest ? "1.0" : "2.0")
        let record = InvocationRecordFactory.success(text)
        let (response, _) = ProxyResult.response(for: record, route: route)
        #expect((100...599).contains(response.status))
      }
    }
  }
}
