import Foundation
import LambdaRuntime
import Testing

@testable import APIGateway

@Suite struct ProxyEventTests {
  let request = GatewayRequest(
    method: "GET", path: "/items/42", rawQuery: "tag=a&tag=b&name=Al%20ice",
    headers: [
      ("Host", "127.0.0.1:3000"), ("User-Agent", "curl/8"), ("X-Multi", "1"), ("X-Multi", "2"),
      ("Cookie", "a=1; b=2"),
    ], sourceIP: "127.0.0.1", host: "127.0.0.1:3000")

  func match(_ api: APIKind, _ version: String) -> RouteTable.Match {
    RouteTable.Match(
      route: APIRoute(
        method: "GET", path: "/items/{id}", function: "f", api: api, payloadVersion: version),
      pathParameters: [("id", "42")])
  }

  @Test func restVersion1Event() {
    let event = ProxyEvent.build(
      request, match: match(.rest, "1.0"), stage: "dev", binaryMediaTypes: [],
      requestID: "r-1")
    #expect(event["resource"] == "/items/{id}")
    #expect(event["path"] == "/items/42")
    #expect(event["httpMethod"] == "GET")
    #expect(event["headers"]?["X-Multi"] == "2")
    #expect(event["multiValueHeaders"]?["X-Multi"] == ["1", "2"])
    #expect(event["queryStringParameters"]?["tag"] == "b")
    #expect(event["queryStringParameters"]?["name"] == "Al ice")
    #expect(event["multiValueQueryStringParameters"]?["tag"] == ["a", "b"])
    #expect(event["pathParameters"] == ["id": "42"])
    #expect(event["stageVariables"] == .null)
    #expect(event["requestContext"]?["stage"] == "dev")
    #expect(event["requestContext"]?["path"] == "/dev/items/42")
    #expect(event["requestContext"]?["requestId"] == "r-1")
    #expect(event["requestContext"]?["identity"]?["sourceIp"] == "127.0.0.1")
    #expect(event["body"] == .null)
    #expect(event["isBase64Encoded"] == false)
  }

  @Test func httpVersion2Event() {
    let event = ProxyEvent.build(
      request, match: match(.http, "2.0"), stage: "dev", binaryMediaTypes: [])
    #expect(event["version"] == "2.0")
    #expect(event["routeKey"] == "GET /items/{id}")
    #expect(event["rawPath"] == "/items/42")
    #expect(event["rawQueryString"] == "tag=a&tag=b&name=Al%20ice")
    #expect(event["cookies"] == ["a=1", "b=2"])
    #expect(event["headers"]?["x-multi"] == "1,2")
    #expect(event["headers"]?["cookie"] == nil)
    #expect(event["queryStringParameters"]?["tag"] == "a,b")
    #expect(event["pathParameters"] == ["id": "42"])
    #expect(event["requestContext"]?["http"]?["method"] == "GET")
    #expect(event["requestContext"]?["http"]?["sourceIp"] == "127.0.0.1")
    #expect(event["requestContext"]?["stage"] == "$default")
    #expect(event["body"] == nil)
    #expect(event["isBase64Encoded"] == false)
  }

  @Test func freshRequestIDs() {
    let one = ProxyEvent.build(
      request, match: match(.rest, "1.0"), stage: "dev", binaryMediaTypes: [])
    let two = ProxyEvent.build(
      request, match: match(.rest, "1.0"), stage: "dev", binaryMediaTypes: [])
    #expect(one["requestContext"]?["requestId"] != two["requestContext"]?["requestId"])
  }

  @Test func binaryBodiesAreBase64() {
    var binary = request
    binary.method = "POST"
    binary.body = [0, 1, 2, 255]
    binary.headers.append(("Content-Type", "application/octet-stream"))
    let v2 = ProxyEvent.build(
      binary, match: match(.http, "2.0"), stage: "dev", binaryMediaTypes: [])
    #expect(v2["body"] == "AAEC/w==")
    #expect(v2["isBase64Encoded"] == true)
    let rest = ProxyEvent.build(
      binary, match: match(.rest, "1.0"), stage: "dev",
      binaryMediaTypes: ["application/octet-stream"])
    #expect(rest["body"] == "AAEC/w==")
    #expect(rest["isBase64Encoded"] == true)
    var text = request
    text.body = Array(#"{"a":1}"#.utf8)
    text.headers.append(("Content-Type", "application/json"))
    let json = ProxyEvent.build(
      text, match: match(.http, "2.0"), stage: "dev", binaryMediaTypes: [])
    #expect(json["body"] == #"{"a":1}"#)
    #expect(json["isBase64Encoded"] == false)
  }
}

@Suite struct GatewayClockTests {
  @Test func requestTimeMatchesAFormatter() {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
    for seconds in [0.0, 951_782_400, 1_764_552_000.7, 4_107_542_399, 1_709_164_800, -86_401] {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(GatewayClock.requestTime(date) == formatter.string(from: date), "\(seconds)")
    }
  }
}
