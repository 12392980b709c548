import Foundation
import Testing

/// `serve` shows what the functions log, as `sam local start-api` and `start-lambda` do: each
/// request's line, then its invocation's START, printed lines, errors with their traceback,
/// END and REPORT, as one block that no other invocation's lines cut into.
@Suite(.serialized) struct ServeLogsTests {
  static let handlers = """
    import time

    def talk(event, context):
        print("printed by talk", (event.get("queryStringParameters") or {}).get("n"))
        time.sleep(0.3)
        print("talk is done")
        return {"statusCode": 200, "body": "ok"}

    def fail(event, context):
        print("about to fail")
        raise ValueError("the order has no id")
    """

  static let template = """
    service: logs
    provider:
      runtime: python3.12
    functions:
      talk:
        handler: app.talk
        events:
          - httpApi: GET /talk
      fail:
        handler: app.fail
        events:
          - httpApi: GET /fail
    """

  /// The block under the request line that starts with `heading`: that line and the indented
  /// lines after it.
  static func block(after heading: String, in output: String) -> [String]? {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return nil }
    return [lines[start]] + lines[(start + 1)...].prefix { $0.hasPrefix("  ") }
  }

  /// The request id of a START, END or REPORT line.
  static func requestID(_ line: String) -> String? {
    guard let range = line.range(of: "RequestId: ") else { return nil }
    return String(line[range.upperBound...].prefix { $0.isHexDigit || $0 == "-" })
  }

  @Test(.enabled(if: Curl.available), .timeLimit(.minutes(6)))
  func apiRequestsShowTheirInvocationLogsAsOneBlockEach() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let folder = runner.directory
    try Self.template.write(toFile: folder + "/serverless.yml", atomically: true, encoding: .utf8)
    try Self.handlers.write(toFile: folder + "/app.py", atomically: true, encoding: .utf8)
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }

    let talk = try Curl.run([serve.baseURL + "/talk?n=1"], in: folder)
    #expect(talk.status == 200)
    #expect(serve.waitForOutput("talk is done"), "\(serve.stdout)")
    let fail = try Curl.run([serve.baseURL + "/fail"], in: folder)
    #expect(fail.status == 500)
    #expect(serve.waitForOutput("api: GET /fail 500"), "\(serve.stdout)")

    let output = serve.stdout
    let first = try #require(Self.block(after: "api: GET /talk 200", in: output), "\(output)")
    #expect(first.contains { $0.hasPrefix("  START RequestId: ") && $0.hasSuffix("$LATEST") })
    #expect(first.contains { $0.contains("printed by talk 1") })
    #expect(first.contains { $0.hasPrefix("  END RequestId: ") })
    let report = try #require(first.first { $0.hasPrefix("  REPORT RequestId: ") }, "\(first)")
    #expect(report.contains("\tDuration: ") && report.contains("\tInit Duration: "))

    let failed = try #require(Self.block(after: "api: GET /fail 500", in: output), "\(output)")
    let text = failed.joined(separator: "\n")
    #expect(text.contains("about to fail"))
    #expect(text.contains("[ERROR] ValueError: the order has no id"), "\(text)")
    #expect(text.contains("Traceback (most recent call last):"), "\(text)")
    #expect(text.contains(#"raise ValueError("the order has no id")"#), "\(text)")
    #expect(text.contains("REPORT RequestId: "))
    // Colour is off (NO_COLOR and a pipe): the lines are exactly the runtime's.
    #expect(!output.contains("\u{1B}["))

    // Two requests at once: each block is whole, its lines all of one request id.
    let calls = [1, 2].map { number in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Curl.path ?? "/usr/bin/curl")
      process.arguments = ["-s", "-o", "/dev/null", serve.baseURL + "/talk?n=together\(number)"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      return process
    }
    for call in calls { try call.run() }
    for call in calls { call.waitUntilExit() }
    #expect(serve.waitForOutput("together1") && serve.waitForOutput("together2"))
    let both = serve.stdout
    let headings = both.split(separator: "\n").filter { $0.hasPrefix("api: GET /talk 200") }
    #expect(headings.count == 3, "\(both)")
    var blocks: [[String]] = []
    var lines = both.split(separator: "\n").map(String.init)[...]
    while let start = lines.firstIndex(where: { $0.hasPrefix("api: GET /talk 200") }) {
      let block = [lines[start]] + lines[(start + 1)...].prefix { $0.hasPrefix("  ") }
      blocks.append(block)
      lines = lines[(start + block.count)...]
    }
    for block in blocks {
      let ids = Set(block.compactMap(Self.requestID))
      #expect(ids.count == 1, "one invocation per block: \(block)")
      #expect(block.filter { $0.contains("talk is done") }.count == 1, "\(block)")
      #expect(block.last?.hasPrefix("  REPORT RequestId: ") == true, "\(block)")
    }
    #expect([0, 130].contains(serve.stop()))
  }

  /// Creates `shipper` through the Lambda API with Python's standard library (no AWS CLI
  /// needed) and invokes it synchronously, failing, and as an Event.
  static let lambdaClient = #"""
    import base64, io, json, os, sys, urllib.request, zipfile
    endpoint = os.environ["LAMBDALINGS_ENDPOINT"]
    def call(method, path, body, headers={}):
        request = urllib.request.Request(endpoint + path, data=json.dumps(body).encode(),
            method=method, headers=dict({"Content-Type": "application/json"}, **headers))
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read().decode()
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("lambda_function.py",
            "def lambda_handler(event, context):\n"
            "    print('shipping', event['id'])\n"
            "    if event.get('fail'):\n"
            "        raise KeyError('warehouse')\n"
            "    return {'shipped': event['id']}\n")
    call("POST", "/2015-03-31/functions", {"FunctionName": "shipper", "Runtime": "python3.12",
        "Role": "arn:aws:iam::123456789012:role/r", "Handler": "lambda_function.lambda_handler",
        "Code": {"ZipFile": base64.b64encode(code.getvalue()).decode()}})
    path = "/2015-03-31/functions/shipper/invocations"
    print(call("POST", path, {"id": "sync-1"}))
    print(call("POST", path, {"id": "sync-2", "fail": True}))
    print(call("POST", path, {"id": "event-3"}, {"X-Amz-Invocation-Type": "Event"}))
    """#

  @Test(.enabled(if: Curl.python3 || ClientTools.required), .timeLimit(.minutes(6)))
  func lambdaEndpointShowsEachInvocationsLogs() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let serve = try ServeProcess(runner: runner)
    defer { serve.stop() }
    let python = try #require(ClientTools.find(["python3"]), ClientTools.missing("python3"))
    let client = try serve.run(
      python, ["-c", Self.lambdaClient],
      environment: [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": runner.directory, "LANG": "C.UTF-8", "LAMBDALINGS_ENDPOINT": serve.endpoint,
      ])
    #expect(client.status == 0, "\(client.stdout)\(client.stderr)")
    let deadline = Date().addingTimeInterval(30)
    while !serve.log.contains("shipping event-3") && Date() < deadline { usleep(50_000) }
    let output = serve.log
    let sync = try #require(Self.block(after: "lambda: shipper finished", in: output), "\(output)")
    #expect(sync.contains { $0.contains("shipping sync-1") }, "\(sync)")
    #expect(sync.contains { $0.hasPrefix("  START RequestId: ") })
    #expect(sync.last?.hasPrefix("  REPORT RequestId: ") == true, "\(sync)")
    // The request line follows its invocation's block.
    let lines = output.split(separator: "\n").map(String.init)
    let end = try #require(lines.firstIndex { $0.hasPrefix("  REPORT RequestId: ") })
    #expect(lines[end + 1].hasPrefix("POST /2015-03-31/functions/shipper/invocations 200 Invoke"))

    let failed = try #require(
      Self.block(after: "lambda: shipper failed with KeyError", in: output), "\(output)")
    let text = failed.joined(separator: "\n")
    #expect(text.contains("shipping sync-2"))
    #expect(text.contains("[ERROR] KeyError: 'warehouse'"), "\(text)")
    #expect(text.contains("Traceback (most recent call last):"), "\(text)")
    #expect(text.contains("REPORT RequestId: "))

    let event = try #require(
      Self.block(after: "lambda: shipper (Event) finished", in: output), "\(output)")
    #expect(event.contains { $0.contains("shipping event-3") }, "\(event)")
    #expect(!output.contains("\u{1B}["))
    #expect([0, 130].contains(serve.stop()))
  }
}
