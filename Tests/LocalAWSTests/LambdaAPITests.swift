import Foundation
import HTTP
import LambdaRuntime
import Testing

@testable import LocalAWS

/// The Lambda and Logs APIs in-process: routing, error shapes, limits, state on disk.
@Suite struct LambdaAPITests {
  private func json(_ response: HTTPResponse?) -> [String: Any] {
    guard let response,
      let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
    else { return [:] }
    return object
  }

  private func createBody(name: String, memory: Int = 128, env: [String: String] = [:]) -> [UInt8] {
    let zip = LocalAWSTestServer.storedZip([
      ("lambda_function.py", "def lambda_handler(event, context):\n    return {'ok': True}\n")
    ])
    let body: [String: Any] = [
      "FunctionName": name, "Runtime": "python3.12", "Role": "arn:aws:iam::1:role/r",
      "Handler": "lambda_function.lambda_handler", "MemorySize": memory,
      "Code": ["ZipFile": Data(zip).base64EncodedString()],
      "Environment": ["Variables": env],
    ]
    return JSONBody.encode(body)
  }

  @Test func errorsHaveAWSShape() throws {
    let test = try LocalAWSTestServer()
    defer { test.stop() }
    let client = try test.client()
    let missing = client.send("GET", "/2015-03-31/functions/nope/configuration")
    #expect(missing?.status == 404)
    #expect(missing?.header("x-amzn-ErrorType") == "ResourceNotFoundException")
    #expect(json(missing)["Type"] as? String == "User")
    #expect((json(missing)["message"] as? String)?.contains("function:nope") == true)
    let unknown = client.send("GET", "/2099-01-01/whatever")
    #expect(unknown?.status == 404)
    #expect(unknown?.header("x-amzn-ErrorType") == "UnknownOperationException")
    let badJSON = client.send("POST", "/2015-03-31/functions", body: Array("{oops".utf8))
    #expect(badJSON?.status == 400)
    #expect(badJSON?.header("x-amzn-ErrorType") == "InvalidRequestContentException")
    let logs = client.send(
      "POST", "/", headers: [("X-Amz-Target", "Logs_20140328.DescribeLogGroups")],
      body: Array("{}".utf8))
    #expect(logs?.status == 200)
    #expect((json(logs)["logGroups"] as? [Any])?.isEmpty == true)
    let otherService = client.send(
      "POST", "/", headers: [("X-Amz-Target", "DynamoDB_20120810.ListTables")], body: [])
    #expect(otherService?.status == 400)
    #expect(json(otherService)["__type"] as? String == "UnknownOperationException")
  }

  @Test func createValidatesLimitsAndConflicts() throws {
    let test = try LocalAWSTestServer()
    defer { test.stop() }
    let client = try test.client()
    let bigEnv = ["BIG": String(repeating: "v", count: 5000)]
    let tooBig = client.send(
      "POST", "/2015-03-31/functions", body: createBody(name: "f", env: bigEnv))
    #expect(tooBig?.status == 400)
    #expect(tooBig?.header("x-amzn-ErrorType") == "InvalidParameterValueException")
    #expect((json(tooBig)["message"] as? String)?.contains("4KB") == true)
    let memory = client.send(
      "POST", "/2015-03-31/functions", body: createBody(name: "f", memory: 64))
    #expect(memory?.header("x-amzn-ErrorType") == "InvalidParameterValueException")
    let made = client.send("POST", "/2015-03-31/functions", body: createBody(name: "f"))
    #expect(made?.status == 201)
    #expect(json(made)["CodeSha256"] as? String != nil)
    let again = client.send("POST", "/2015-03-31/functions", body: createBody(name: "f"))
    #expect(again?.status == 409)
    #expect(again?.header("x-amzn-ErrorType") == "ResourceConflictException")
    // An ARN in the path is the same function.
    let arn = "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af"
    #expect(client.send("GET", "/2015-03-31/functions/\(arn)")?.status == 200)
    // The state is on disk.
    let stored = try LocalAWSStore(folder: test.folder).load()
    #expect(stored.functions["f"]?.latest.memorySize == 128)
  }

  @Test func publishingUnchangedCodeAndConfigurationReturnsTheLastVersion() throws {
    let test = try LocalAWSTestServer()
    defer { test.stop() }
    let client = try test.client()
    #expect(
      client.send("POST", "/2015-03-31/functions", body: createBody(name: "p"))?.status == 201)
    func publish() -> String? {
      json(client.send("POST", "/2015-03-31/functions/p/versions", body: Array("{}".utf8)))[
        "Version"] as? String
    }
    #expect(publish() == "1")
    #expect(publish() == "1")
    let changed = client.send(
      "PUT", "/2015-03-31/functions/p/configuration", body: Array(#"{"Timeout": 9}"#.utf8))
    #expect(changed?.status == 200)
    #expect(publish() == "2")
    #expect(publish() == "2")
    let versions = json(client.send("GET", "/2015-03-31/functions/p/versions"))["Versions"]
    #expect((versions as? [Any])?.count == 3)
  }

  @Test func loggingConfigJSONReachesTheRuntimeWithItsLevel() throws {
    let test = try LocalAWSTestServer()
    defer { test.stop() }
    let client = try test.client()
    let code = """
      import logging
      logger = logging.getLogger()
      def lambda_handler(event, context):
          logger.debug("debug detail")
          logger.info("order accepted")
          logger.warning("stock low")
          return {"ok": True}
      """
    let zip = LocalAWSTestServer.storedZip([("lambda_function.py", code)])
    let body: [String: Any] = [
      "FunctionName": "logs", "Runtime": "python3.12", "Role": "r",
      "Handler": "lambda_function.lambda_handler",
      "Code": ["ZipFile": Data(zip).base64EncodedString()],
    ]
    let made = client.send("POST", "/2015-03-31/functions", body: JSONBody.encode(body))
    #expect(made?.status == 201)
    #expect((json(made)["LoggingConfig"] as? [String: String])?["LogFormat"] == "Text")
    func tail() throws -> String {
      let response = try #require(
        client.send(
          "POST", "/2015-03-31/functions/logs/invocations", headers: [("X-Amz-Log-Type", "Tail")],
          body: Array("{}".utf8)))
      let encoded = try #require(response.header("X-Amz-Log-Result"))
      return String(decoding: Data(base64Encoded: encoded) ?? Data(), as: UTF8.self)
    }
    let text = try tail()
    // Text: Python's root logger stays at WARNING unless the code sets a level.
    #expect(text.contains("[WARNING]") && text.contains("stock low"), "\(text)")
    #expect(!text.contains("debug detail"))
    let path = "/2015-03-31/functions/logs/configuration"
    let levelsWithText = client.send(
      "PUT", path, body: Array(#"{"LoggingConfig": {"ApplicationLogLevel": "DEBUG"}}"#.utf8))
    #expect(levelsWithText?.status == 400)
    #expect(levelsWithText?.header("x-amzn-ErrorType") == "InvalidParameterValueException")
    let otherGroup = client.send(
      "PUT", path, body: Array(#"{"LoggingConfig": {"LogGroup": "/custom/group"}}"#.utf8))
    #expect(otherGroup?.status == 400)
    let json = client.send(
      "PUT", path,
      body: Array(
        #"{"LoggingConfig": {"LogFormat": "JSON", "ApplicationLogLevel": "DEBUG"}}"#.utf8))
    #expect(json?.status == 200)
    let logging = self.json(json)["LoggingConfig"] as? [String: String]
    #expect(logging?["LogFormat"] == "JSON")
    #expect(logging?["ApplicationLogLevel"] == "DEBUG")
    #expect(logging?["SystemLogLevel"] == "INFO")
    let structured = try tail()
    #expect(structured.contains(#""level": "DEBUG""#), "\(structured)")
    #expect(structured.contains(#""message": "order accepted""#), "\(structured)")
    // Back to text: the levels go, and so does the JSON.
    let text2 = client.send(
      "PUT", path, body: Array(#"{"LoggingConfig": {"LogFormat": "Text"}}"#.utf8))
    #expect((self.json(text2)["LoggingConfig"] as? [String: String])?["ApplicationLogLevel"] == nil)
    #expect(try tail().contains("[WARNING]"))
  }

  @Test func invokePayloadLimitsAndDryRun() throws {
    let test = try LocalAWSTestServer()
    defer { test.stop() }
    let client = try test.client()
    #expect(
      client.send("POST", "/2015-03-31/functions", body: createBody(name: "g"))?.status == 201)
    let dry = client.send(
      "POST", "/2015-03-31/functions/g/invocations", headers: [("X-Amz-Invocation-Type", "DryRun")])
    #expect(dry?.status == 204)
    let huge = client.send(
      "POST", "/2015-03-31/functions/g/invocations",
      body: Array(("\"" + String(repeating: "a", count: 6_300_000) + "\"").utf8))
    #expect(huge?.status == 413)
    #expect(huge?.header("x-amzn-ErrorType") == "RequestTooLargeException")
    let notJSON = client.send(
      "POST", "/2015-03-31/functions/g/invocations", body: Array("{nope".utf8))
    #expect(notJSON?.status == 400)
  }

  @Test func logTailIsTheLastFourKilobytesAndErrorsAreFlagged() throws {
    let test = try LocalAWSTestServer()
    defer { test.stop() }
    let client = try test.client()
    let code = """
      def lambda_handler(event, context):
          for i in range(300):
              print("line %03d of a long log" % i)
          if event.get("fail"):
              raise RuntimeError("asked to fail")
          return {"ok": True}
      """
    let zip = LocalAWSTestServer.storedZip([("lambda_function.py", code)])
    let body: [String: Any] = [
      "FunctionName": "loud", "Runtime": "python3.12", "Role": "r",
      "Handler": "lambda_function.lambda_handler",
      "Code": ["ZipFile": Data(zip).base64EncodedString()],
    ]
    #expect(
      client.send("POST", "/2015-03-31/functions", body: JSONBody.encode(body))?.status == 201)
    let path = "/2015-03-31/functions/loud/invocations"
    let tail = try #require(
      client.send("POST", path, headers: [("X-Amz-Log-Type", "Tail")], body: Array("{}".utf8)))
    #expect(tail.status == 200)
    #expect(tail.header("X-Amz-Function-Error") == nil)
    #expect(tail.header("X-Amz-Executed-Version") == "$LATEST")
    let encoded = try #require(tail.header("X-Amz-Log-Result"))
    let decoded = try #require(Data(base64Encoded: encoded))
    #expect(decoded.count == 4096)
    let text = String(decoding: decoded, as: UTF8.self)
    #expect(text.contains("REPORT RequestId:"))
    #expect(!text.contains("line 000 "))
    let failed = client.send("POST", path, body: Array(#"{"fail": true}"#.utf8))
    #expect(failed?.status == 200)
    #expect(failed?.header("X-Amz-Function-Error") == "Unhandled")
    #expect(json(failed)["errorType"] as? String == "RuntimeError")
    #expect(failed?.header("X-Amz-Log-Result") == nil)
  }

  @Test func reservedConcurrencyIsSharedByEveryVersion() throws {
    let test = try LocalAWSTestServer()
    defer { test.stop() }
    let client = try test.client()
    let code =
      "import time\ndef lambda_handler(event, context):\n    time.sleep(1.5)\n    return 1\n"
    let zip = LocalAWSTestServer.storedZip([("lambda_function.py", code)])
    let body: [String: Any] = [
      "FunctionName": "slow", "Runtime": "python3.12", "Role": "r", "Timeout": 10,
      "Handler": "lambda_function.lambda_handler", "Publish": true,
      "Code": ["ZipFile": Data(zip).base64EncodedString()],
    ]
    #expect(
      client.send("POST", "/2015-03-31/functions", body: JSONBody.encode(body))?.status == 201)
    let reserve = client.send(
      "PUT", "/2017-10-31/functions/slow/concurrency",
      body: Array(#"{"ReservedConcurrentExecutions": 2}"#.utf8))
    #expect(reserve?.status == 200)
    let port = test.server.port
    // Four at once against a reserved concurrency of 2, through the runtime's one helper for
    // concurrent blocking calls.
    let statuses = ConcurrentInvocations.run(count: 4, concurrency: 4) { index in
      let qualifier = index % 2 == 0 ? "" : "?Qualifier=1"
      let own = try? HTTPClient(port: port)
      return own?.send("POST", "/2015-03-31/functions/slow/invocations\(qualifier)", body: [])?
        .status ?? 0
    }
    let final = statuses.sorted()
    #expect(final == [200, 200, 429, 429], "\(final)")
  }

  @Test func hugeUploadsAre413WithoutReadingThem() throws {
    let test = try LocalAWSTestServer()
    defer { test.stop() }
    let client = try test.client()
    client.sendRaw(
      Array(
        ("POST /2015-03-31/functions HTTP/1.1\r\nContent-Length: 900000000\r\n"
          + "Expect: 100-continue\r\n\r\n").utf8))
    let answer = client.readResponse()
    #expect(answer?.status == 413)
    #expect(answer?.header("x-amzn-ErrorType") == "RequestEntityTooLargeException")
  }

  @Test func filterPatternsMatchTermsPhrasesAndExclusions() throws {
    #expect(try FilterPattern("ERROR").matches("an ERROR here"))
    #expect(try !FilterPattern("ERROR").matches("an error here"))
    #expect(try FilterPattern("ERROR timeout").matches("ERROR: timeout"))
    #expect(try !FilterPattern("ERROR timeout").matches("ERROR only"))
    #expect(try FilterPattern("?WARN ?ERROR").matches("WARN x"))
    #expect(try !FilterPattern("ERROR -DEBUG").matches("DEBUG ERROR"))
    #expect(try FilterPattern("\"Task timed out\"").matches("2024 Task timed out after 3s"))
    #expect(try FilterPattern("").matches("anything"))
    #expect(throws: AWSError.self) { try FilterPattern("{ $.level = \"ERROR\" }") }
  }

  @Test func malformedAndRandomRequestsAreAnsweredAndTheServerStaysUp() throws {
    let test = try LocalAWSTestServer()
    defer { test.stop() }
    var generator = SystemRandomNumberGenerator()
    let valid = [
      "POST /2015-03-31/functions HTTP/1.1\r\nContent-Length: 20\r\n\r\n{\"FunctionName\":\"x\"}",
      "GET /2015-03-31/functions/f%ZZ HTTP/1.1\r\n\r\n",
      "POST / HTTP/1.1\r\nX-Amz-Target: Logs_20140328.FilterLogEvents\r\nContent-Length: 2\r\n\r\n[]",
      "PUT /2017-10-31/functions/a/concurrency HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{}}\r\n0\r\n\r\n",
    ]
    let alphabet = Array("GET POST/\r\n:{}\"%0123456789abcdefHTTP/1.1Content-Length".utf8)
    var answered = 0
    for round in 0..<1000 {
      var bytes: [UInt8]
      switch round % 4 {
      case 0:
        // A valid-looking request cut short anywhere.
        let whole = Array(valid[round % valid.count].utf8)
        bytes = Array(whole[0..<Int.random(in: 1...whole.count, using: &generator)])
      case 1:
        bytes = (0..<Int.random(in: 1...300, using: &generator)).map { _ in
          UInt8.random(in: 0...255, using: &generator)
        }
      case 2:
        bytes = (0..<Int.random(in: 1...300, using: &generator)).map { _ in
          alphabet.randomElement(using: &generator) ?? 32
        }
      default:
        // A valid request with a mutated byte.
        bytes = Array(valid[round % valid.count].utf8)
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(
          in: 0...255, using: &generator)
      }
      let client = try test.client()
      client.sendRaw(bytes)
      client.finishSending()
      if let response = client.readResponse() {
        #expect((100..<600).contains(response.status))
        answered += 1
      }
    }
    // Every request that is not bare whitespace gets an answer.
    #expect(answered >= 990, "answered \(answered) of 1000")
    let client = try test.client()
    #expect(client.send("GET", "/2016-08-19/account-settings")?.status == 200)
  }
}
