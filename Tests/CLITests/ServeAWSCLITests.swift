import Foundation
import Testing

/// The whole deploy flow of the course through the REAL AWS CLI (v1, from PyPI) and boto3,
/// against `lambdalings serve --port 0`. Skipped, with the reason printed, when the venv that
/// `.ci/run` creates is absent.
@Suite(.serialized) struct ServeAWSCLITests {
  private func zip(_ runner: BinaryRunner, _ files: [String: String], to name: String) throws {
    let folder = runner.directory + "/src-" + name
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (file, text) in files {
      try text.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [
      "-c",
      "import sys, zipfile, os\nz = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)\n"
        + "for f in sorted(os.listdir(sys.argv[1])): z.write(os.path.join(sys.argv[1], f), f)\n"
        + "z.close()",
      folder, runner.directory + "/" + name,
    ]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  static let handlerV1 = """
    import os
    def lambda_handler(event, context):
        print("hello from", os.environ.get("STAGE", "?"), "event", event)
        if event.get("fail"):
            raise ValueError("asked to fail")
        return {"statusCode": 200, "stage": os.environ.get("STAGE"), "echo": event}
    """
  static let handlerV2 = """
    def lambda_handler(event, context):
        print("version two")
        return {"v": 2}
    """

  @Test func theWholeAWSCLIFlowWorksAgainstServe() throws {
    guard ServeProcess.requireVenv(for: "the AWS CLI flow") != nil else { return }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try zip(runner, ["lambda_function.py": ServeAWSCLITests.handlerV1], to: "function.zip")
    try zip(runner, ["lambda_function.py": ServeAWSCLITests.handlerV2], to: "v2.zip")
    // A zip whose directory is intact (the CLI checks that much) but whose data is damaged.
    var damaged = try [UInt8](
      Data(contentsOf: URL(fileURLWithPath: runner.directory + "/function.zip")))
    for index in 52..<72 { damaged[index] ^= 0xA5 }
    try Data(damaged).write(to: URL(fileURLWithPath: runner.directory + "/corrupt.zip"))
    let serve = try ServeProcess(runner: runner)
    defer { serve.stop() }
    func ok(_ arguments: [String], _ contains: String..., line: Int = #line) throws -> String {
      let result = try serve.aws(arguments)
      #expect(result.status == 0, "line \(line): \(arguments) -> \(result.stderr)")
      for text in contains {
        #expect(result.stdout.contains(text), "line \(line): \(text) not in \(result.stdout)")
      }
      return result.stdout
    }
    func fails(_ arguments: [String], _ type: String, line: Int = #line) throws {
      let result = try serve.aws(arguments)
      #expect(result.status != 0, "line \(line): \(arguments) succeeded")
      #expect(result.stderr.contains("(\(type))"), "line \(line): \(result.stderr)")
    }
    let role = "arn:aws:iam::123456789012:role/lambda-basic"
    _ = try ok(
      [
        "lambda", "create-function", "--function-name", "hello-world", "--runtime", "python3.12",
        "--handler", "lambda_function.lambda_handler", "--role", role, "--zip-file",
        "fileb://function.zip", "--memory-size", "256", "--environment",
        "Variables={STAGE=dev}",
      ], "\"MemorySize\": 256", "\"STAGE\": \"dev\"", "\"Version\": \"$LATEST\"")
    // Errors: duplicate, missing, bad memory (server side: 20000 passes the CLI's own check).
    try fails(
      [
        "lambda", "create-function", "--function-name", "hello-world", "--runtime", "python3.12",
        "--handler", "h.h", "--role", role, "--zip-file", "fileb://function.zip",
      ], "ResourceConflictException")
    try fails(
      ["lambda", "get-function", "--function-name", "missing"], "ResourceNotFoundException")
    try fails(
      [
        "lambda", "update-function-configuration", "--function-name", "hello-world",
        "--memory-size", "20000",
      ], "InvalidParameterValueException")
    try fails(
      [
        "lambda", "create-function", "--function-name", "broken", "--runtime", "python3.12",
        "--handler", "h.h", "--role", role, "--zip-file", "fileb://corrupt.zip",
      ], "InvalidParameterValueException")
    // Invoke with a payload and with --log-type Tail.
    let invoked = try ok(
      [
        "lambda", "invoke", "--function-name", "hello-world", "--payload", #"{"name":"Ada"}"#,
        "--log-type", "Tail", "out.json",
      ], "\"StatusCode\": 200", "\"LogResult\"", "\"ExecutedVersion\": \"$LATEST\"")
    let result = try String(contentsOfFile: runner.directory + "/out.json", encoding: .utf8)
    #expect(result.contains(#""stage": "dev""#) && result.contains("Ada"))
    if let range = invoked.range(of: #""LogResult": ""#) {
      let encoded = invoked[range.upperBound...].prefix { $0 != "\"" }
      let tail = Data(base64Encoded: String(encoded)).map { String(decoding: $0, as: UTF8.self) }
      #expect(tail?.contains("hello from dev") == true)
      #expect(tail?.contains("REPORT RequestId:") == true)
    }
    _ = try ok(
      [
        "lambda", "invoke", "--function-name", "hello-world", "--payload", #"{"fail":true}"#,
        "err.json",
      ], "\"FunctionError\": \"Unhandled\"")
    let big = String(repeating: "x", count: 6_400_000)
    try #"{"big":"\#(big)"}"#.write(
      toFile: runner.directory + "/big.json", atomically: true, encoding: .utf8)
    try fails(
      [
        "lambda", "invoke", "--function-name", "hello-world", "--payload", "file://big.json",
        "o.json",
      ], "RequestTooLargeException")
    _ = try ok(
      [
        "lambda", "invoke", "--function-name", "hello-world", "--invocation-type", "DryRun",
        "o.json",
      ], "\"StatusCode\": 204")
    _ = try ok(
      [
        "lambda", "invoke", "--function-name", "hello-world", "--invocation-type", "Event",
        "--payload", #"{"async":1}"#, "o.json",
      ], "\"StatusCode\": 202")
    // Update code and configuration, publish, alias, concurrency.
    _ = try ok(
      [
        "lambda", "update-function-configuration", "--function-name", "hello-world",
        "--timeout", "10", "--description", "demo",
      ], "\"Timeout\": 10", "\"Description\": \"demo\"")
    // Chapter 8's structured logs: the CLI's shorthand reaches the stored configuration.
    _ = try ok(
      [
        "lambda", "update-function-configuration", "--function-name", "hello-world",
        "--logging-config", "LogFormat=JSON,ApplicationLogLevel=INFO,SystemLogLevel=WARN",
      ], "\"LogFormat\": \"JSON\"", "\"SystemLogLevel\": \"WARN\"")
    _ = try ok(
      ["lambda", "publish-version", "--function-name", "hello-world"], "\"Version\": \"1\"")
    _ = try ok(
      [
        "lambda", "create-alias", "--function-name", "hello-world", "--name", "live",
        "--function-version", "1",
      ], ":function:hello-world:live")
    _ = try ok(
      [
        "lambda", "update-function-code", "--function-name", "hello-world", "--zip-file",
        "fileb://v2.zip",
      ], "\"CodeSha256\"")
    _ = try ok(["lambda", "invoke", "--function-name", "hello-world", "v2.json"])
    #expect(
      try String(contentsOfFile: runner.directory + "/v2.json", encoding: .utf8).contains(
        "\"v\": 2"))
    _ = try ok(
      ["lambda", "invoke", "--function-name", "hello-world", "--qualifier", "live", "live.json"],
      "\"ExecutedVersion\": \"1\"")
    _ = try ok(["lambda", "list-versions-by-function", "--function-name", "hello-world"], "\"1\"")
    _ = try ok(["lambda", "list-aliases", "--function-name", "hello-world"], "\"live\"")
    _ = try ok(
      ["lambda", "get-alias", "--function-name", "hello-world", "--name", "live"],
      "\"FunctionVersion\": \"1\"")
    _ = try ok(
      [
        "lambda", "put-function-concurrency", "--function-name", "hello-world",
        "--reserved-concurrent-executions", "0",
      ])
    try fails(
      ["lambda", "invoke", "--function-name", "hello-world", "t.json"], "TooManyRequestsException")
    _ = try ok(["lambda", "delete-function-concurrency", "--function-name", "hello-world"])
    _ = try ok(["lambda", "invoke", "--function-name", "hello-world", "t.json"])
    try fails(
      [
        "lambda", "put-function-concurrency", "--function-name", "hello-world",
        "--reserved-concurrent-executions", "950",
      ], "InvalidParameterValueException")
    _ = try ok(
      [
        "lambda", "put-function-concurrency", "--function-name", "hello-world",
        "--reserved-concurrent-executions", "5",
      ], "5")
    _ = try ok(
      ["lambda", "get-function-concurrency", "--function-name", "hello-world"],
      "\"ReservedConcurrentExecutions\": 5")
    _ = try ok(
      [
        "lambda", "put-provisioned-concurrency-config", "--function-name", "hello-world",
        "--qualifier", "live", "--provisioned-concurrent-executions", "1",
      ], "READY")
    _ = try ok(
      [
        "lambda", "put-function-event-invoke-config", "--function-name", "hello-world",
        "--maximum-retry-attempts", "1",
      ], "\"MaximumRetryAttempts\": 1")
    _ = try ok(["lambda", "get-account-settings"], "\"ConcurrentExecutions\": 1000")
    try fails(
      [
        "lambda", "put-provisioned-concurrency-config", "--function-name", "hello-world",
        "--qualifier", "live", "--provisioned-concurrent-executions", "9",
      ],
      "InvalidParameterValueException")
    try fails(
      [
        "lambda", "put-provisioned-concurrency-config", "--function-name", "hello-world",
        "--qualifier", "$LATEST", "--provisioned-concurrent-executions", "1",
      ],
      "InvalidParameterValueException")
    _ = try ok(["lambda", "list-functions"], "hello-world")
    _ = try ok(["lambda", "get-function", "--function-name", "hello-world"], "\"Location\"")
    // Logs.
    _ = try ok(
      ["logs", "describe-log-groups", "--log-group-name-prefix", "/aws/lambda/hello-world"],
      "/aws/lambda/hello-world")
    let streams = try ok(
      [
        "logs", "describe-log-streams", "--log-group-name", "/aws/lambda/hello-world",
        "--query", "logStreams[0].logStreamName", "--output", "text",
      ], "[$LATEST]")
    _ = try ok(
      [
        "logs", "get-log-events", "--log-group-name", "/aws/lambda/hello-world",
        "--log-stream-name", streams.trimmingCharacters(in: .whitespacesAndNewlines),
      ],
      "START RequestId:")
    _ = try ok(
      [
        "logs", "filter-log-events", "--log-group-name", "/aws/lambda/hello-world",
        "--filter-pattern", "?ValueError ?asked",
      ], "asked to fail")
    try fails(
      ["logs", "get-log-events", "--log-group-name", "/aws/lambda/none", "--log-stream-name", "x"],
      "ResourceNotFoundException")
    // Delete; then it is gone.
    _ = try ok(["lambda", "delete-alias", "--function-name", "hello-world", "--name", "live"])
    _ = try ok(["lambda", "delete-function", "--function-name", "hello-world"])
    try fails(
      ["lambda", "get-function", "--function-name", "hello-world"], "ResourceNotFoundException")
    #expect(serve.log.contains("CreateFunction"))
    // Ctrl-C stops it by itself (130 = 128 + SIGINT), not the SIGKILL `stop` falls back to.
    let status = serve.stop()
    #expect([0, 130].contains(status), "serve exited \(status) after Ctrl-C\n\(serve.log)")
  }

  static let boto3Flow = #"""
    import base64, json, os, sys, boto3, botocore
    lam = boto3.client("lambda")
    logs = boto3.client("logs")
    code = open(sys.argv[1], "rb").read()
    made = lam.create_function(FunctionName="b3", Runtime="python3.12", Role="arn:aws:iam::1:role/r",
        Handler="lambda_function.lambda_handler", Code={"ZipFile": code}, MemorySize=256,
        Environment={"Variables": {"STAGE": "boto"}}, Publish=True)
    assert made["Version"] == "1", made
    out = lam.invoke(FunctionName="b3", Payload=json.dumps({"k": 1}), LogType="Tail")
    body = json.loads(out["Payload"].read())
    assert body["stage"] == "boto" and out["StatusCode"] == 200, body
    assert "REPORT" in base64.b64decode(out["LogResult"]).decode()
    try:
        lam.get_function(FunctionName="nope")
        raise SystemExit("missing function did not fail")
    except lam.exceptions.ResourceNotFoundException as error:
        assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    try:
        lam.create_function(FunctionName="b3", Runtime="python3.12", Role="r", Handler="h.h",
            Code={"ZipFile": code})
        raise SystemExit("duplicate create did not fail")
    except lam.exceptions.ResourceConflictException:
        pass
    lam.create_alias(FunctionName="b3", Name="prod", FunctionVersion="1")
    assert lam.get_alias(FunctionName="b3", Name="prod")["FunctionVersion"] == "1"
    lam.put_function_concurrency(FunctionName="b3", ReservedConcurrentExecutions=0)
    try:
        lam.invoke(FunctionName="b3:prod", Payload=b"{}")
        raise SystemExit("throttled invoke did not fail")
    except lam.exceptions.TooManyRequestsException:
        pass
    lam.delete_function_concurrency(FunctionName="b3")
    pages = lam.get_paginator("list_functions").paginate(PaginationConfig={"PageSize": 1})
    names = [f["FunctionName"] for page in pages for f in page["Functions"]]
    assert "b3" in names, names
    groups = logs.describe_log_groups(logGroupNamePrefix="/aws/lambda/b3")["logGroups"]
    assert groups and groups[0]["logGroupName"] == "/aws/lambda/b3", groups
    events = logs.filter_log_events(logGroupName="/aws/lambda/b3", filterPattern="START")["events"]
    assert events, events
    # What `aws logs tail` (CLI v2) asks for: recent events of every stream, interleaved.
    import time
    recent = logs.filter_log_events(logGroupName="/aws/lambda/b3",
        startTime=int((time.time() - 600) * 1000), interleaved=True)["events"]
    assert any(e["message"].startswith("REPORT") for e in recent), recent
    streams = logs.describe_log_streams(logGroupName="/aws/lambda/b3", orderBy="LastEventTime",
        descending=True)["logStreams"]
    assert streams and "[$LATEST]" in streams[0]["logStreamName"], streams
    got = lam.get_function(FunctionName="b3")
    import hashlib, urllib.request
    blob = urllib.request.urlopen(got["Code"]["Location"]).read()
    assert base64.b64encode(hashlib.sha256(blob).digest()).decode() == \
        got["Configuration"]["CodeSha256"], "the code download differs from the upload"
    lam.publish_version(FunctionName="b3", Description="same code")
    lam.update_function_configuration(FunctionName="b3", Timeout=5)
    v2 = lam.publish_version(FunctionName="b3")["Version"]
    alias = lam.update_alias(FunctionName="b3", Name="prod",
        RoutingConfig={"AdditionalVersionWeights": {v2: 0.5}})
    assert alias["RoutingConfig"]["AdditionalVersionWeights"] == {v2: 0.5}, alias
    seen = {lam.invoke(FunctionName="b3", Qualifier="prod", Payload=b"{}")["ExecutedVersion"]
            for _ in range(30)}
    assert seen == {"1", v2}, seen
    lam.add_permission(FunctionName="b3", StatementId="apigw", Action="lambda:InvokeFunction",
        Principal="apigateway.amazonaws.com")
    policy = json.loads(lam.get_policy(FunctionName="b3")["Policy"])
    assert policy["Statement"][0]["Principal"] == {"Service": "apigateway.amazonaws.com"}
    query = logs.start_query(logGroupName="/aws/lambda/b3", startTime=0, endTime=2**31,
        queryString='filter @type = "REPORT" | stats count(*) as n')["queryId"]
    answer = logs.get_query_results(queryId=query)
    assert answer["status"] == "Complete", answer
    count = int(answer["results"][0][0]["value"])
    assert count >= 31, answer
    lam.delete_function(FunctionName="b3")
    print("boto3 flow ok")
    """#

  @Test func theSameFlowThroughBoto3() throws {
    guard ServeProcess.requireVenv(for: "the boto3 flow") != nil else { return }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try zip(runner, ["lambda_function.py": ServeAWSCLITests.handlerV1], to: "function.zip")
    let serve = try ServeProcess(runner: runner)
    defer { serve.stop() }
    try ServeAWSCLITests.boto3Flow.write(
      toFile: runner.directory + "/flow.py", atomically: true, encoding: .utf8)
    let result = try serve.tool("python", ["flow.py", "function.zip"], timeout: 120)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("boto3 flow ok"))
  }

  @Test func stateSurvivesARestartAndCtrlCLeavesNoRuntime() throws {
    guard ServeProcess.requireVenv(for: "the restart test") != nil else { return }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try zip(runner, ["lambda_function.py": ServeAWSCLITests.handlerV1], to: "function.zip")
    let first = try ServeProcess(runner: runner)
    let created = try first.aws([
      "lambda", "create-function", "--function-name", "keep", "--runtime", "python3.12",
      "--handler", "lambda_function.lambda_handler", "--role", "r", "--zip-file",
      "fileb://function.zip",
    ])
    #expect(created.status == 0, "\(created.stderr)")
    #expect(try first.aws(["lambda", "invoke", "--function-name", "keep", "o.json"]).status == 0)
    first.stop()
    let pgrep = Process()
    pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    pgrep.arguments = ["-f", runner.directory]
    let pipe = Pipe()
    pgrep.standardOutput = pipe
    try pgrep.run()
    pgrep.waitUntilExit()
    let left = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(left.isEmpty, "processes left after Ctrl-C: \(left)")
    let second = try ServeProcess(runner: runner)
    defer { second.stop() }
    let listed = try second.aws(["lambda", "get-function-configuration", "--function-name", "keep"])
    #expect(listed.status == 0 && listed.stdout.contains("\"FunctionName\": \"keep\""))
    let logs = try second.aws([
      "logs", "filter-log-events", "--log-group-name", "/aws/lambda/keep", "--filter-pattern",
      "REPORT",
    ])
    #expect(logs.status == 0 && logs.stdout.contains("REPORT RequestId:"), "\(logs.stdout)")
  }
}
