import HTTP
import Testing

@testable import APIGateway

@Suite struct CORSPolicyTests {
  let preflight = GatewayRequest(
    method: "OPTIONS", path: "/hello",
    headers: [
      ("Origin", "http://page.test"), ("Access-Control-Request-Method", "GET"),
      ("Access-Control-Request-Headers", "content-type"),
    ])

  @Test func preflightForAnyOrigin() {
    #expect(CORSPolicy.isPreflight(preflight))
    let response = CORSPolicy.preflight(
      preflight, cors: CORSConfiguration(maxAge: 300), routeMethods: ["GET"])
    #expect(response.status == 204)
    #expect(response.header("Access-Control-Allow-Origin") == "*")
    #expect(response.header("Access-Control-Allow-Methods") == "GET,OPTIONS")
    #expect(response.header("Access-Control-Allow-Headers")?.contains("Content-Type") == true)
    #expect(response.header("Access-Control-Max-Age") == "300")
  }

  @Test func listedAndUnlistedOrigins() {
    let cors = CORSConfiguration(allowOrigins: ["http://page.test"], allowCredentials: true)
    let allowed = CORSPolicy.preflight(preflight, cors: cors, routeMethods: ["GET"])
    #expect(allowed.header("Access-Control-Allow-Origin") == "http://page.test")
    #expect(allowed.header("Access-Control-Allow-Credentials") == "true")
    var other = preflight
    other.headers[0] = ("Origin", "http://evil.test")
    let refused = CORSPolicy.preflight(other, cors: cors, routeMethods: ["GET"])
    #expect(refused.status == 204)
    #expect(refused.header("Access-Control-Allow-Origin") == nil)
  }

  @Test func decorateReplacesTheFunctionsHeaders() {
    let request = GatewayRequest(
      method: "GET", path: "/hello", headers: [("Origin", "http://a.test")])
    let response = HTTPResponse(
      status: 200, headers: [("Access-Control-Allow-Origin", "http://wrong.test"), ("X", "1")])
    let cors = CORSConfiguration(exposeHeaders: ["x-id"])
    let decorated = CORSPolicy.decorate(response, request: request, cors: cors)
    #expect(
      decorated.headers.filter { $0.name.lowercased() == "access-control-allow-origin" }.map(
        \.value) == ["*"])
    #expect(decorated.header("Access-Control-Expose-Headers") == "x-id")
    #expect(decorated.header("X") == "1")
    let noOrigin = CORSPolicy.decorate(
      response, request: GatewayRequest(method: "GET", path: "/hello"), cors: cors)
    #expect(noOrigin.header("Access-Control-Allow-Origin") == nil)
  }

  @Test func notAPreflight() {
    #expect(!CORSPolicy.isPreflight(GatewayRequest(method: "OPTIONS", path: "/")))
    #expect(
      !CORSPolicy.isPreflight(GatewayRequest(method: "GET", path: "/", headers: [("Origin", "x")])))
  }
}
