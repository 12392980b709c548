import Foundation
import HTTP
import Testing

@testable import APIGateway
@testable import LambdaRuntime

@Suite struct ProxyResultTests {
  let rest = APIRoute(method: "GET", path: "/a", function: "f", api: .rest, payloadVersion: "1.0")
  let http = APIRoute(method: "GET", path: "/a", function: "f", api: .http, payloadVersion: "2.0")

  func record(_ result: String, status: InvocationRecord.Status = .success) -> InvocationRecord {
    InvocationRecord(
      requestID: "r", environmentID: 1, cold: false, initDurationMs: nil, durationMs: 1,
      billedDurationMs: 1, memorySizeMB: 128, maxMemoryUsedMB: 30, status: status,
      statusCode: 200, errorType: status == .success ? nil : "Exception",
      result: Data(result.utf8), logs: "", droppedLogBytes: 0, initSpan: nil,
      invokeSpan: 0...1)
  }

  func body(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

  @Test func structuredResult() {
    let (response, reason) = ProxyResult.response(
      for: record(
        #"{"statusCode":201,"headers":{"X-A":"1","X-N":5},"multiValueHeaders":{"X-M":["a","b"]},"body":"made"}"#
      ), route: rest)
    #expect(reason == nil)
    #expect(response.status == 201)
    #expect(response.header("X-A") == "1")
    #expect(response.header("X-N") == "5")
    #expect(response.headers.filter { $0.name == "X-M" }.map(\.value) == ["a", "b"])
    #expect(body(response) == "made")
  }

  @Test func restNeedsStatusCode() {
    let (response, reason) = ProxyResult.response(for: record(#"{"message":"hi"}"#), route: rest)
    #expect(response.status == 502)
    #expect(body(response) == #"{"message": "Internal server error"}"#)
    #expect(reason?.contains("statusCode") == true)
    #expect(
      ProxyResult.response(for: record(#"{"statusCode":200,"body":{"a":1}}"#), route: rest).0.status
        == 502)
    #expect(ProxyResult.response(for: record("not json"), route: rest).0.status == 502)
  }

  @Test func httpAPIAcceptsABareObject() {
    let (response, _) = ProxyResult.response(for: record(#"{"message":"hi"}"#), route: http)
    #expect(response.status == 200)
    #expect(response.header("Content-Type") == "application/json")
    #expect(body(response) == #"{"message":"hi"}"#)
    let (object, _) = ProxyResult.response(
      for: record(#"{"statusCode":200,"body":{"a":1}}"#), route: http)
    #expect(body(object) == #"{"a":1}"#)
  }

  @Test func cookiesAndBase64() {
    let (response, _) = ProxyResult.response(
      for: record(
        #"{"statusCode":200,"cookies":["a=1","b=2; Path=/"],"body":"AAEC/w==","isBase64Encoded":true}"#
      ),
      route: http)
    #expect(
      response.headers.filter { $0.name == "Set-Cookie" }.map(\.value) == ["a=1", "b=2; Path=/"])
    #expect(response.body == [0, 1, 2, 255])
    let (bad, reason) = ProxyResult.response(
      for: record(#"{"statusCode":200,"body":"%%%","isBase64Encoded":true}"#), route: http)
    #expect(bad.status == 500)
    #expect(reason?.contains("base64") == true)
  }

  @Test func functionErrors() {
    #expect(ProxyResult.response(for: record("{}", status: .error), route: rest).0.status == 502)
    #expect(ProxyResult.response(for: record("{}", status: .error), route: http).0.status == 500)
    #expect(ProxyResult.response(for: record("{}", status: .timeout), route: rest).0.status == 502)
    #expect(ProxyResult.timedOut(.rest).status == 504)
    #expect(ProxyResult.timedOut(.http).status == 503)
  }
}
