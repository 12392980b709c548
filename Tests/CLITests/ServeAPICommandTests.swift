import Foundation
import SystemSupport
import Testing

/// `lambdalings serve` with a template: the API Gateway front called with curl.
@Suite(.serialized) struct ServeAPICommandTests {
  /// The chapter's handler (lessons/02-first-function.md).
  static let chapterHandler = """
    import json


    def lambda_handler(event, context):
        params = event.get("queryStringParameters") or {}
        name = params.get("name") or "World"
        body = {
            "message": f"Hello, {name}!",
            "function": context.function_name,
            "requestId": context.aws_request_id,
        }
        return {
            "statusCode": 200,
            "headers": {
                "Content-Type": "application/json",
                "Access-Control-Allow-Origin": "*",
            },
            "body": json.dumps(body),
        }
    """

  /// The seed's serverless.yml: the hello-world service with an HTTP API route.
  static let seedTemplate = """
    service: hello-world

    provider:
      name: aws
      runtime: python3.12
      stage: ${opt:stage, 'dev'}
      httpApi:
        cors: true

    functions:
      hello:
        handler: lambda_function.lambda_handler
        events:
          - httpApi:
              path: /hello
              method: get
    """

  static let toolHandlers = """
    import base64, json, time

    def echo(event, context):
        return {"statusCode": 200, "headers": {"Content-Type": "application/json"},
                "body": json.dumps(event)}

    def binary(event, context):
        data = base64.b64decode(event["body"]) if event.get("isBase64Encoded") else b""
        return {"statusCode": 200, "headers": {"Content-Type": "application/octet-stream"},
                "body": base64.b64encode(bytes(reversed(data))).decode(), "isBase64Encoded": True}

    def cookies(event, context):
        return {"statusCode": 200, "cookies": ["session=abc; Path=/", "theme=dark"],
                "body": ",".join(event.get("cookies", []))}

    def bare(event, context):
        return {"id": event["pathParameters"]["id"]}

    def crash(event, context):
        raise RuntimeError("boom")

    def malformed(event, context):
        return {"body": "no status code"}

    def slow(event, context):
        time.sleep(4)
        return {"statusCode": 200, "body": "late"}
    """

  static let toolTemplate = """
    service: tools
    provider:
      runtime: python3.12
      timeout: 10
      apiGateway:
        binaryMediaTypes: ['application/octet-stream']
    functions:
      echoRest:
        handler: app.echo
        events:
          - http: ANY rest/{proxy+}
      echoHttp:
        handler: app.echo
        events:
          - httpApi: ANY /http/{id}
      binaryHttp:
        handler: app.binary
        events:
          - httpApi: POST /binary
      binaryRest:
        handler: app.binary
        events:
          - http: POST binary-rest
      cookies:
        handler: app.cookies
        events:
          - httpApi: GET /cookies
      bare:
        handler: app.bare
        events:
          - httpApi: GET /bare/{id}
      crashRest:
        handler: app.crash
        events:
          - http: GET crash-rest
      crashHttp:
        handler: app.crash
        events:
          - httpApi: GET /crash-http
      malformed:
        handler: app.malformed
        events:
          - http: GET malformed
      slow:
        handler: app.slow
        events:
          - http:
              path: slow
              method: get
              timeout: 1
    """

  func write(_ files: [String: String], in folder: String) throws {
    for (name, text) in files {
      let path = folder + "/" + name
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
  }

  @Test(.enabled(if: Curl.available), .timeLimit(.minutes(6)))
  func seedServerlessYmlGreetsAliceThroughCurl() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try write(
      ["serverless.yml": Self.seedTemplate, "lambda_function.py": Self.chapterHandler],
      in: runner.directory)
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }
    #expect(serve.stdout.contains("GET     /hello  hello"))
    #expect(serve.stdout.contains("2.0"))
    let first = try Curl.run(
      [serve.baseURL + "/hello?name=Alice", "-H", "Origin: http://page.test"],
      in: runner.directory)
    #expect(first.status == 200)
    #expect(first.header("content-type") == "application/json")
    #expect(first.header("access-control-allow-origin") == "*")
    let json = try JSONSerialization.jsonObject(with: first.body) as? [String: Any]
    #expect(json?["message"] as? String == "Hello, Alice!")
    #expect(json?["function"] as? String == "hello-world-dev-hello")
    let second = try Curl.run([serve.baseURL + "/hello"], in: runner.directory)
    let again = try JSONSerialization.jsonObject(with: second.body) as? [String: Any]
    #expect(again?["message"] as? String == "Hello, World!")
    #expect(again?["requestId"] as? String != json?["requestId"] as? String)
    #expect(serve.waitForOutput("api: GET /hello 200"))
    #expect(serve.stdout.contains(" hello cold"))
    #expect(serve.waitForOutput(" hello warm"))
    // Ctrl-C ends serve as an interrupted command (130) or cleanly (0).
    #expect([0, 130].contains(serve.stop()))
  }

  @Test(.enabled(if: Curl.available), .timeLimit(.minutes(6)))
  func eventsBinaryBodiesCookiesAndErrorStatuses() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try write(
      ["serverless.yml": Self.toolTemplate, "app.py": Self.toolHandlers], in: runner.directory)
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }
    let folder = runner.directory
    let url = serve.baseURL

    // REST (payload 1.0): greedy path parameter, multi-value query strings and headers.
    let rest = try Curl.run(
      [url + "/rest/a/b%20c?tag=x&tag=y", "-H", "X-Dup: 1", "-H", "X-Dup: 2"], in: folder)
    #expect(rest.status == 200)
    let v1 = try #require(try JSONSerialization.jsonObject(with: rest.body) as? [String: Any])
    #expect(v1["resource"] as? String == "/rest/{proxy+}")
    #expect((v1["pathParameters"] as? [String: String])?["proxy"] == "a/b c")
    #expect((v1["multiValueQueryStringParameters"] as? [String: [String]])?["tag"] == ["x", "y"])
    #expect((v1["queryStringParameters"] as? [String: String])?["tag"] == "y")
    #expect((v1["multiValueHeaders"] as? [String: [String]])?["X-Dup"] == ["1", "2"])
    #expect((v1["requestContext"] as? [String: Any])?["stage"] as? String == "dev")

    // HTTP API (payload 2.0): path parameter, joined query values, cookies, text body.
    let http = try Curl.run(
      [
        url + "/http/42?tag=x&tag=y", "-b", "a=1; b=2", "-X", "PUT", "-H",
        "Content-Type: application/json", "--data", #"{"k":1}"#,
      ], in: folder)
    #expect(http.status == 200)
    let v2 = try #require(try JSONSerialization.jsonObject(with: http.body) as? [String: Any])
    #expect(v2["routeKey"] as? String == "ANY /http/{id}")
    #expect((v2["pathParameters"] as? [String: String])?["id"] == "42")
    #expect((v2["queryStringParameters"] as? [String: String])?["tag"] == "x,y")
    #expect(v2["cookies"] as? [String] == ["a=1", "b=2"])
    #expect(v2["body"] as? String == #"{"k":1}"#)
    #expect(v2["isBase64Encoded"] as? Bool == false)

    // Binary bodies both ways, on both APIs.
    let bytes = Data((0...255).map { UInt8($0) })
    try bytes.write(to: URL(fileURLWithPath: folder + "/bytes.bin"))
    for path in ["/binary", "/binary-rest"] {
      let binary = try Curl.run(
        [
          url + path, "-H", "Content-Type: application/octet-stream", "--data-binary",
          "@bytes.bin",
        ], in: folder)
      #expect(binary.status == 200, "\(path)")
      #expect(binary.body == Data(bytes.reversed()), "\(path)")
    }

    // Cookies set by the function; a bare object becomes a 200 JSON body.
    let cookies = try Curl.run([url + "/cookies", "-b", "x=1"], in: folder)
    #expect(cookies.headers("set-cookie") == ["session=abc; Path=/", "theme=dark"])
    #expect(cookies.text == "x=1")
    let bare = try Curl.run([url + "/bare/7"], in: folder)
    #expect(bare.status == 200)
    #expect(bare.text == #"{"id": "7"}"#)

    // Each error status.
    let crashRest = try Curl.run([url + "/crash-rest"], in: folder)
    #expect(crashRest.status == 502)
    #expect(crashRest.text == #"{"message": "Internal server error"}"#)
    #expect(try Curl.run([url + "/crash-http"], in: folder).status == 500)
    #expect(try Curl.run([url + "/malformed"], in: folder).status == 502)
    let slow = try Curl.run([url + "/slow"], in: folder)
    #expect(slow.status == 504)
    #expect(try Curl.run([url + "/nowhere"], in: folder).status == 404)
    let big = Data(count: 10 * 1024 * 1024 + 1)
    try big.write(to: URL(fileURLWithPath: folder + "/big.bin"))
    let tooLarge = try Curl.run(
      [
        url + "/binary", "-H", "Content-Type: application/octet-stream", "--data-binary",
        "@big.bin",
      ], in: folder)
    #expect(tooLarge.status == 413)
    // The server is still up.
    #expect(try Curl.run([url + "/bare/8"], in: folder).status == 200)
    #expect(serve.waitForOutput("api: GET /slow 504"))
    #expect(serve.stdout.contains("integration timeout"))
  }

  @Test(.enabled(if: Curl.available), .timeLimit(.minutes(6)))
  func samTemplateHTTPAPITimeoutIs503AndCORSPreflight() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try write(
      [
        "template.yaml": """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.12
            Timeout: 10
          HttpApi:
            CorsConfiguration:
              AllowOrigins: ['http://page.test']
              AllowMethods: [GET]
        Resources:
          Slow:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.slow
              Events:
                Get:
                  Type: HttpApi
                  Properties: {Path: /slow, Method: GET, TimeoutInMillis: 1000}
          Bare:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.bare
              Events:
                Get:
                  Type: HttpApi
                  Properties: {Path: '/items/{id}', Method: GET}
        """,
        "src/app.py": Self.toolHandlers,
      ], in: runner.directory)
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }
    let url = serve.baseURL
    #expect(try Curl.run([url + "/slow"], in: runner.directory).status == 503)
    let preflight = try Curl.run(
      [
        url + "/items/1", "-X", "OPTIONS", "-H", "Origin: http://page.test", "-H",
        "Access-Control-Request-Method: GET",
      ], in: runner.directory)
    #expect(preflight.status == 204)
    #expect(preflight.header("access-control-allow-origin") == "http://page.test")
    let other = try Curl.run(
      [url + "/items/1", "-H", "Origin: http://other.test"], in: runner.directory)
    #expect(other.status == 200)
    #expect(other.header("access-control-allow-origin") == nil)
  }

  @Test(.enabled(if: Curl.available), .timeLimit(.minutes(6)))
  func editingTheHandlerReloads() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try write(
      ["serverless.yml": Self.seedTemplate, "lambda_function.py": Self.chapterHandler],
      in: runner.directory)
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }
    #expect(try Curl.run([serve.baseURL + "/hello"], in: runner.directory).status == 200)
    // Make sure the modification time moves on coarse file systems.
    Thread.sleep(forTimeInterval: 1.1)
    try write(
      [
        "lambda_function.py":
          "def lambda_handler(event, context):\n    return {\"statusCode\": 201, \"body\": \"v2\"}\n"
      ], in: runner.directory)
    #expect(serve.waitForOutput("changed; reloaded"))
    let after = try Curl.run([serve.baseURL + "/hello"], in: runner.directory)
    #expect(after.status == 201)
    #expect(after.text == "v2")
    // A broken template is reported and the last good one keeps serving.
    Thread.sleep(forTimeInterval: 1.1)
    try write(["serverless.yml": "service: x\nfunctions: [\n"], in: runner.directory)
    #expect(serve.waitForOutput("still serving the last good version"))
    #expect(serve.stdout.contains("serverless.yml:2:12:"))
    #expect(try Curl.run([serve.baseURL + "/hello"], in: runner.directory).status == 201)
  }

  @Test(.enabled(if: Curl.available), .timeLimit(.minutes(6)))
  func editingAModuleTheHandlerImportsReloads() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let handler = """
      import greeting

      def lambda_handler(event, context):
          return {"statusCode": 200, "body": greeting.WORD}
      """
    try write(
      [
        "serverless.yml": Self.seedTemplate, "lambda_function.py": handler,
        "greeting.py": "WORD = 'Hello'\n",
      ], in: runner.directory)
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }
    #expect(try Curl.run([serve.baseURL + "/hello"], in: runner.directory).text == "Hello")
    Thread.sleep(forTimeInterval: 1.1)
    try write(["greeting.py": "WORD = 'Bonjour'\n"], in: runner.directory)
    #expect(serve.waitForOutput("api: greeting.py changed; reloaded"), "\(serve.stdout)")
    #expect(try Curl.run([serve.baseURL + "/hello"], in: runner.directory).text == "Bonjour")
  }

  @Test(.enabled(if: Curl.available), .timeLimit(.minutes(6)))
  func aRequestInFlightDuringAReloadGetsItsAnswer() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let slow = """
      import time

      def lambda_handler(event, context):
          open("\(runner.directory)/started", "w").close()
          time.sleep(3)
          return {"statusCode": 200, "body": "old"}
      """
    try write(
      ["serverless.yml": Self.seedTemplate, "lambda_function.py": slow], in: runner.directory)
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }
    // The banner's example sends an Origin, or the CORS headers would not show.
    #expect(
      serve.stdout.contains(
        "Try: curl -i \(serve.baseURL)/hello -H 'Origin: http://localhost:8080'"),
      "\(serve.stdout)")
    let answer = Locked<CurlResult?>(nil)
    let request = Thread {
      let result = try? Curl.run([serve.baseURL + "/hello"], in: runner.directory)
      answer.withLock { $0 = result }
    }
    request.start()
    // The handler has started (it leaves a file) before the edit that reloads the server.
    let started = runner.directory + "/started"
    let deadline = Date().addingTimeInterval(20)
    while !FileManager.default.fileExists(atPath: started) && Date() < deadline {
      usleep(20_000)
    }
    #expect(FileManager.default.fileExists(atPath: started), "the slow handler never started")
    Thread.sleep(forTimeInterval: 1.1)
    try write(
      [
        "lambda_function.py":
          "def lambda_handler(event, context):\n    return {\"statusCode\": 200, \"body\": \"new\"}\n"
      ], in: runner.directory)
    #expect(serve.waitForOutput("changed; reloaded"))
    // The old function was not shut down under the request it was answering.
    let old = answer.wait(until: ProcessClock.now() + 30_000_000_000) { $0 }
    #expect(old?.status == 200)
    #expect(old?.text == "old")
    #expect(try Curl.run([serve.baseURL + "/hello"], in: runner.directory).text == "new")
  }

  @Test func badTemplatesExitTwoWithFileAndLine() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let handler = "def hello(event, context):\n    return {}\n"
    let cases: [(String, String)] = [
      (
        "service: x\nfunctions:\n  hello:\n    handler: [a\n",
        "serverless.yml:4:14: this '[' is never closed"
      ),
      (
        "service: x\nprovider: {runtime: python3.12}\nfunctions:\n  hello:\n    handler: app.hello\n"
          + "    events:\n      - websocket2: $connect\n",
        "serverless.yml:7:9: unknown event type 'websocket2'"
      ),
      (
        "service: x\nprovider: {runtime: python3.12}\nfunctions:\n  hello:\n    handler: nope.hello\n",
        "serverless.yml:5:14: functions.hello.handler: no handler file nope.py"
      ),
      (
        "service: x\nprovider: {runtime: python3.12}\nfunctions:\n  a:\n    handler: app.hello\n"
          + "    events: [{httpApi: GET /x}]\n  b:\n    handler: app.hello\n"
          + "    events: [{httpApi: GET /x}]\n",
        "serverless.yml:9:15: route GET /x is declared twice (first at line 6"
      ),
    ]
    for (index, (template, expected)) in cases.enumerated() {
      let folder = runner.directory + "/case\(index)"
      try write(["serverless.yml": template, "app.py": handler], in: folder)
      let result = try runner.run(
        ["serve", "--port", "0", "--api-port", "0", "--template", folder + "/serverless.yml"])
      #expect(result.status == 2, "case \(index): \(result.stderr)")
      #expect(result.stderr.contains(expected), "case \(index): \(result.stderr)")
    }
    let missing = try runner.run(["serve", "--port", "0", "--template", "nothere.yml"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("--template nothere.yml: no such file"))
  }

  static let hasNode: Bool = {
    let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let found = search.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: String($0) + "/node")
    }
    if !found { print("skipping the Node.js API test: node is not on PATH") }
    return found
  }()

  @Test(
    .enabled(if: (Curl.path != nil && hasNode) || ClientTools.required), .timeLimit(.minutes(6)))
  func nodeHandlerBehindASAMHttpApiWithAStageParameter() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try write(
      [
        "template.yaml": """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage: {Type: String, Default: local}
        Resources:
          Items:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              CodeUri: fn
              Handler: index.handler
              Environment:
                Variables:
                  STAGE: !Ref Stage
              Events:
                Any:
                  Type: HttpApi
                  Properties: {Path: '/items/{id}', Method: ANY}
        """,
        "fn/index.mjs": """
        export const handler = async (event) => ({
          id: event.pathParameters.id,
          method: event.requestContext.http.method,
          stage: process.env.STAGE,
        });
        """,
      ], in: runner.directory)
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }
    #expect(serve.stdout.contains("SAM template"))
    let result = try Curl.run(
      [serve.baseURL + "/items/a%20b", "-X", "DELETE"], in: runner.directory)
    #expect(result.status == 200)
    #expect(result.header("content-type") == "application/json")
    let json = try JSONSerialization.jsonObject(with: result.body) as? [String: String]
    #expect(json == ["id": "a b", "method": "DELETE", "stage": "local"])
  }
}
