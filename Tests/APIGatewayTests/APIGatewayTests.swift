import Foundation
import HTTP
import Testing

@testable import APIGateway

/// The gateway end to end in-process, with real Python handlers on the local runtime.
@Suite(.serialized) struct APIGatewayTests {
  static let handlers = """
    import json, time, base64

    def hello(event, context):
        name = (event.get("queryStringParameters") or {}).get("name", "world")
        return {"statusCode": 200, "headers": {"Content-Type": "application/json"},
                "body": json.dumps({"message": f"Hello, {name}!"})}

    def bare(event, context):
        return {"route": event["routeKey"], "id": (event.get("pathParameters") or {}).get("id")}

    def echo(event, context):
        return {"statusCode": 200, "body": json.dumps(event)}

    def crash(event, context):
        raise ValueError("boom")

    def slow(event, context):
        time.sleep(3)
        return {"statusCode": 200, "body": "late"}

    def malformed(event, context):
        return {"status": 200}
    """

  static let template = """
    service: gw
    provider:
      runtime: python3.12
      timeout: 10
      httpApi:
        cors:
          allowedOrigins: ['http://page.test']
    functions:
      hello:
        handler: app.hello
        events:
          - httpApi: GET /hello
          - http: GET rest/hello
          - http:
              path: rest/cors
              method: get
              cors: true
      bare:
        handler: app.bare
        events:
          - httpApi: GET /items/{id}
      echo:
        handler: app.echo
        events:
          - http: ANY echo/{proxy+}
      crash:
        handler: app.crash
        events:
          - http: GET crash
          - httpApi: GET /crash2
      slow:
        handler: app.slow
        events:
          - http:
              path: slow
              method: get
              timeout: 1
      malformed:
        handler: app.malformed
        events:
          - http: GET malformed
    """

  func withGateway(_ body: (APIGateway) throws -> Void) throws {
    let folder = try TemplateFolder(files: [
      "serverless.yml": Self.template, "app.py": Self.handlers,
    ])
    defer { folder.remove() }
    let template = try APITemplate.load(file: folder.file("serverless.yml"), environment: [:])
    let gateway = APIGateway(template: template)
    defer { gateway.shutdown() }
    try body(gateway)
  }

  func get(
    _ gateway: APIGateway, _ path: String, query: String = "", headers: [(String, String)] = []
  )
    -> (HTTPResponse, APIGateway.Exchange)
  {
    gateway.handle(
      GatewayRequest(
        method: "GET", path: path, rawQuery: query, headers: headers.map { ($0.0, $0.1) }))
  }

  @Test(.enabled(if: TemplateFolder.hasPython)) func helloThroughBothAPIsColdThenWarm() throws {
    try withGateway { gateway in
      let (first, log1) = get(gateway, "/hello", query: "name=Alice")
      #expect(first.status == 200)
      #expect(String(decoding: first.body, as: UTF8.self) == #"{"message": "Hello, Alice!"}"#)
      #expect(log1.cold == true)
      #expect(log1.function == "hello")
      let (second, log2) = get(gateway, "/rest/hello")
      #expect(second.status == 200)
      #expect(log2.cold == false)
      #expect(log2.logLine.hasPrefix("GET /rest/hello 200 "))
      #expect(log2.logLine.hasSuffix(" hello warm"))
    }
  }

  @Test(.enabled(if: TemplateFolder.hasPython)) func errorStatuses() throws {
    try withGateway { gateway in
      let (crash, log) = get(gateway, "/crash")
      #expect(crash.status == 502)
      #expect(
        String(decoding: crash.body, as: UTF8.self) == #"{"message": "Internal server error"}"#)
      #expect(log.reason?.contains("function error") == true)
      #expect(get(gateway, "/crash2").0.status == 500)
      #expect(get(gateway, "/malformed").0.status == 502)
      let (slow, slowLog) = get(gateway, "/slow")
      #expect(slow.status == 504)
      #expect(slowLog.reason?.contains("integration timeout") == true)
      #expect(get(gateway, "/nowhere").0.status == 404)
      let (big, _) = gateway.handle(
        GatewayRequest(method: "POST", path: "/hello"), bodyTooLarge: true)
      #expect(big.status == 413)
    }
  }

  @Test(.enabled(if: TemplateFolder.hasPython)) func bareObjectsPathParametersAndCORS() throws {
    try withGateway { gateway in
      let (item, _) = get(gateway, "/items/42", headers: [("Origin", "http://page.test")])
      #expect(item.status == 200)
      #expect(
        String(decoding: item.body, as: UTF8.self) == #"{"route": "GET /items/{id}", "id": "42"}"#)
      #expect(item.header("Access-Control-Allow-Origin") == "http://page.test")
      let (other, _) = get(gateway, "/items/42", headers: [("Origin", "http://evil.test")])
      #expect(other.header("Access-Control-Allow-Origin") == nil)
      let (preflight, log) = gateway.handle(
        GatewayRequest(
          method: "OPTIONS", path: "/items/7",
          headers: [("Origin", "http://page.test"), ("Access-Control-Request-Method", "GET")]))
      #expect(preflight.status == 204)
      #expect(preflight.header("Access-Control-Allow-Origin") == "http://page.test")
      #expect(log.function == nil)
    }
  }

  @Test(.enabled(if: TemplateFolder.hasPython)) func restEventCarriesTheRequest() throws {
    try withGateway { gateway in
      let (response, _) = gateway.handle(
        GatewayRequest(
          method: "POST", path: "/echo/a/b", rawQuery: "x=1&x=2",
          headers: [("Content-Type", "text/plain"), ("Cookie", "k=v")], body: Array("hi".utf8)))
      #expect(response.status == 200)
      let event = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
      #expect(event?["body"] as? String == "hi")
      #expect(event?["resource"] as? String == "/echo/{proxy+}")
      #expect((event?["pathParameters"] as? [String: String])?["proxy"] == "a/b")
      #expect(
        (event?["multiValueQueryStringParameters"] as? [String: [String]])?["x"] == ["1", "2"])
    }
  }

  @Test(.enabled(if: TemplateFolder.hasPython)) func restCORSAnswersOnlyThePreflight() throws {
    try withGateway { gateway in
      let (preflight, _) = gateway.handle(
        GatewayRequest(
          method: "OPTIONS", path: "/rest/cors",
          headers: [("Origin", "http://any.test"), ("Access-Control-Request-Method", "GET")]))
      #expect(preflight.status == 204)
      #expect(preflight.header("Access-Control-Allow-Origin") == "*")
      #expect(preflight.header("Access-Control-Allow-Methods") == "OPTIONS,GET")
      // Proxy integration: the function's own response must carry the header; this one
      // does not, so nothing is added.
      let (response, _) = get(gateway, "/rest/cors", headers: [("Origin", "http://any.test")])
      #expect(response.status == 200)
      #expect(response.header("Access-Control-Allow-Origin") == nil)
      // A REST API without the route answers 403 "Missing Authentication Token" only when the
      // template has no HTTP API; this one has, so an unknown path is a 404.
      #expect(get(gateway, "/rest/none").0.status == 404)
    }
  }
}
