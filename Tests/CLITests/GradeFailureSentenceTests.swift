import Course
import Foundation
import Grader
import JSON
import SystemSupport
import Testing

@testable import CLI

/// Each kind of grading failure, worded by the printer exactly as learners read it.
@Suite struct GradeFailureSentenceTests {
  static func node(_ text: String) throws -> JSONValue {
    guard let node = JSONValue.parse(text) else {
      throw CLIError.content("not JSON: \(text)")
    }
    return node
  }

  static func text(_ value: String) -> JSONValue { JSONValue.string(value) }

  static func sentence(_ kind: GradeFailure.Kind) -> String { GradeFailure(kind).sentence }

  @Test func errors() {
    #expect(
      Self.sentence(.unexpectedError(errorType: "KeyError", message: "'id'"))
        == "expected a result, but the invocation failed with KeyError: 'id'")
    #expect(
      Self.sentence(.unexpectedError(errorType: nil, message: "crashed"))
        == "expected a result, but the invocation failed with error: crashed")
    #expect(
      Self.sentence(
        .missingError(expectedType: nil, returned: Self.text("ok"), text: "\"ok\""))
        == "expected the invocation to fail, but it returned \"ok\"")
    #expect(
      Self.sentence(.missingError(expectedType: "ValueError", returned: nil, text: "plain"))
        == "expected the invocation to fail, but it returned plain")
    #expect(
      Self.sentence(.errorType(expected: "ValueError", actual: "KeyError"))
        == "errorType: expected ValueError, got KeyError")
    #expect(
      Self.sentence(.errorType(expected: "ValueError", actual: nil))
        == "errorType: expected ValueError, got none")
    #expect(
      Self.sentence(.errorMessage(expected: "empty name", actual: "boom"))
        == #"errorMessage: expected "empty name", got "boom""#)
    #expect(
      Self.sentence(.errorMessageContains(expected: "empty", actual: "'id'"))
        == #"errorMessage: expected to contain "empty", got "'id'""#)
  }

  @Test func results() throws {
    #expect(Self.sentence(.resultNotJSON(text: "hello")) == "the result is not JSON: hello")
    #expect(
      Self.sentence(
        .statusCode(expected: 201, actual: try Self.node("200"), result: try Self.node("{}")))
        == "statusCode: expected 201, got 200")
    #expect(
      Self.sentence(.statusCode(expected: 201, actual: nil, result: try Self.node("[1]")))
        == "statusCode: expected 201, got no statusCode (the result is [1])")
    #expect(
      Self.sentence(.header(name: "X-Trace", expected: "on", actual: "off"))
        == #"headers.X-Trace: expected "on", got "off""#)
    #expect(
      Self.sentence(.header(name: "Missing", expected: "x", actual: nil))
        == #"headers.Missing: expected "x", got no such header"#)
    #expect(
      Self.sentence(.bodyNotJSON(text: "plain words"))
        == #"body: expected a JSON body, got "plain words""#)
    let miss = ValueMismatch(path: "body.name", rule: .equal(Self.text("Ada")), actual: nil)
    #expect(
      Self.sentence(.bodyField(miss, lookedIn: try Self.node(#"{"id":1}"#)))
        == #"body.name: expected "Ada", got nothing (body has only "id")"#)
    // The deepest part of the path that exists says what is there instead, briefly.
    let objects = try Self.node(#"{"objects":[{"key":"a.jpg"}],"totalBytes":0}"#)
    let missing = [
      ("body.objects.1.bucket", "body.objects has 1 item"),
      ("body.objects.0.bucket", #"body.objects.0 has only "key""#),
      ("body.objects.0.key.size", #"body.objects.0.key is the string "a.jpg""#),
      ("body.count", #"body has only "objects", "totalBytes""#),
    ]
    for (path, clause) in missing {
      let sentence = Self.sentence(
        .bodyField(
          ValueMismatch(path: path, rule: .equal(try Self.node("1")), actual: nil),
          lookedIn: objects))
      #expect(sentence == "\(path): expected 1, got nothing (\(clause))")
    }
    #expect(
      Self.sentence(
        .bodyField(
          ValueMismatch(path: "body.a", rule: .equal(try Self.node("1")), actual: nil),
          lookedIn: try Self.node("{}")))
        == "body.a: expected 1, got nothing (body is an empty object)")
    #expect(
      Self.sentence(
        .bodyField(
          ValueMismatch(
            path: "body.id", rule: .equal(try Self.node("1")),
            actual: .string("1")), lookedIn: nil))
        == #"body.id: expected 1, got the string "1""#)
    let expected = try Self.node(#"{"a":1}"#)
    let actual = try Self.node(#"{"a":2}"#)
    let difference = ValueMismatch(
      path: "result.a", rule: .equal(try Self.node("1")), actual: try Self.node("2"))
    #expect(
      Self.sentence(.result(expected: expected, actual: actual, difference: difference))
        == #"result: expected {"a":1}, got {"a":2} (first difference at result.a)"#)
    var whole = difference
    whole.path = "result"
    #expect(
      Self.sentence(.result(expected: expected, actual: actual, difference: whole))
        == #"result: expected {"a":1}, got {"a":2}"#)
  }

  @Test func everyValueRule() throws {
    func line(_ rule: ValueRule, _ actual: JSONValue? = nil) -> String {
      ValueMismatch(path: "p", rule: rule, actual: actual).sentence
    }
    let two = try Self.node("2")
    #expect(line(.equal(try Self.node("1")), two) == "p: expected 1, got 2")
    #expect(line(.noField, two) == "p: expected no such field, got 2")
    #expect(line(.noItem, two) == "p: expected no such item, got 2")
    #expect(line(.present) == "p: expected a value, got nothing")
    #expect(line(.type("string"), two) == "p: expected a string, got the number 2")
    #expect(
      line(.type("object"), Self.text("hi")) == #"p: expected an object, got the string "hi""#)
    #expect(
      line(.atLeast(try Self.node("3")), two)
        == "p: expected a number of at least 3, got the number 2")
    #expect(
      line(.atMost(try Self.node("1")), two)
        == "p: expected a number of at most 1, got the number 2")
    #expect(
      line(.length(36), Self.text("ab"))
        == #"p: expected an array of 36 items or a string of 36 characters, got the string "ab""#)
    #expect(
      line(.contains(Self.text("x")), Self.text("ab"))
        == #"p: expected a string containing "x", got the string "ab""#)
    #expect(
      line(.unknownMatcher("$near"), two)
        == "p: expected a value checked by $near, which is not a matcher lambdalings knows (the "
        + "spec can use $exists, $type, $gte, $lte, $length and $contains), got 2")
    // An expected value holding matchers is shown with each matcher in words.
    #expect(
      line(.equal(try Self.node(#"{"id":{"$type":"string"}}"#)), two)
        == #"p: expected {"id": a string}, got the number 2"#)
    let long = Self.text(String(repeating: "a", count: 300))
    // Long values are cut at 200 characters of JSON.
    #expect(
      line(.equal(two), long) == "p: expected 2, got the string \""
        + String(repeating: "a", count: 199)
        + "...")
  }

  @Test func timingFilesAndLogs() throws {
    #expect(
      Self.sentence(.duration(bound: .atMost, limitMs: 100, actualMs: 250))
        == "duration: expected at most 100.00 ms, got 250.00 ms")
    #expect(
      Self.sentence(.duration(bound: .atLeast, limitMs: 50, actualMs: 2.5))
        == "duration: expected at least 50.00 ms, got 2.50 ms")
    #expect(
      Self.sentence(.coldStart(expected: false, actual: true))
        == "coldStart: expected a warm start, got a cold start")
    #expect(Self.sentence(.noScratchFolder) == "scratchFiles: no scratch folder to look in")
    #expect(
      Self.sentence(.scratchFile(path: "seen.txt", shouldExist: true, files: []))
        == "scratchFiles.seen.txt: expected to exist in /tmp; /tmp holds no files")
    let many = (1...9).map { "f\($0)" }
    #expect(
      Self.sentence(.scratchFile(path: "f1", shouldExist: false, files: many))
        == "scratchFiles.f1: expected not to exist in /tmp; /tmp holds f1, f2, f3, f4, f5, f6, "
        + "f7, f8, ... (9 files)")
    #expect(
      Self.sentence(.logMissing(text: "sent mail"))
        == #"logs: expected to contain "sent mail", but they do not"#)
    #expect(
      Self.sentence(.logPresent(text: "secret", line: "the secret is 1"))
        == #"logs: expected no "secret", but this line has it: the secret is 1"#)
    #expect(
      Self.sentence(.logLineNotJSON(line: "hello"))
        == "logs: expected every line to be a JSON object, but this one is not: hello")
    #expect(
      Self.sentence(.logJSONNoLines(index: 0, wanted: try Self.node(#"{"level":"INFO"}"#)))
        == #"logJSON[0]: expected a JSON log line with {"level":"INFO"}, but the function "#
        + "printed no JSON lines")
    let miss = ValueMismatch(
      path: "logJSON[0].level", rule: .equal(Self.text("INFO")), actual: Self.text("DEBUG"))
    #expect(
      Self.sentence(
        .logJSONField(index: 0, miss, closest: try Self.node(#"{"level":"DEBUG"}"#)))
        == #"logJSON[0].level: expected "INFO", got "DEBUG" (closest log line: "#
        + #"{"level":"DEBUG"})"#)
  }

  @Test func scenarios() throws {
    #expect(
      Self.sentence(.eventNotBuilt(scenario: true, reason: "no template x"))
        == "the scenario's events could not be built: no template x")
    #expect(
      Self.sentence(.eventNotBuilt(scenario: false, reason: "no template x"))
        == "the case's event could not be built: no template x")
    #expect(
      Self.sentence(.timedOut(invocation: 2, timeoutSeconds: 1, notRun: 3))
        == "invocation 2 timed out after 1.00 seconds; the other 3 were not run")
    #expect(
      Self.sentence(.throttled(invocation: 4))
        == "invocation 4 was throttled (TooManyRequestsException)")
    #expect(
      Self.sentence(.invocationFailed(invocation: 1, errorType: "Runtime.ExitError", message: "x"))
        == "invocation 1 failed with Runtime.ExitError: x")
    let inner = GradeFailure.Kind.errorType(expected: "A", actual: "B")
    #expect(
      Self.sentence(.each(invocation: 3, inner))
        == "each (invocation 3): errorType: expected A, got B")
    #expect(Self.sentence(.last(inner)) == "last invocation: errorType: expected A, got B")
    #expect(
      Self.sentence(.scenarioCount(.coldStarts, expected: 1, actual: 3, invocations: 3))
        == "coldStarts: expected 1, got 3 over 3 invocations")
    #expect(
      Self.sentence(.scenarioCount(.throttles, expected: 0, actual: 1, invocations: 1))
        == "throttles: expected 0, got 1 over 1 invocation")
    #expect(
      Self.sentence(
        .scenarioCount(.logOccurrences("charging o-1"), expected: 1, actual: 2, invocations: 3))
        == #"logOccurrences "charging o-1": expected 1, got 2"#)
    #expect(
      Self.sentence(.warmDuration(limitMs: 50, actualMs: 80, invocation: 2, slower: 1, warm: 1))
        == "warm duration: expected at most 50.00 ms, but invocation 2 took 80.00 ms (slower: "
        + "1 of 1 warm invocation)")
  }

  @Test func deliveries() {
    #expect(
      Self.sentence(.deliveryNotStarted(source: .sqs, reason: "event 1 is not JSON"))
        == "the sqs delivery could not start: event 1 is not JSON")
    #expect(
      Self.sentence(.deliveryCount(.processed, expected: 8, actual: 0, source: .sqs))
        == "processed: expected 8 message(s) processed, got 0")
    #expect(
      Self.sentence(.deliveryCount(.failed, expected: 1, actual: 0, source: .async))
        == "failed: expected 1 event(s) failed, got 0")
    #expect(
      Self.sentence(.deliveryCount(.invocations, expected: 1, actual: 3, source: .kinesis))
        == "invocations: expected 1 invocation(s), got 3")
    #expect(
      Self.sentence(.deliveryCount(.coldStarts, expected: 1, actual: 2, source: .dynamodb))
        == "coldStarts: expected 1 cold start(s), got 2")
    #expect(
      Self.sentence(
        .deliveryCount(.logOccurrences("sending e-1"), expected: 1, actual: 3, source: .async))
        == #"logOccurrences "sending e-1": expected 1 occurrence(s), got 3"#)
    #expect(
      Self.sentence(
        .recordCount(target: "sqs:failed", expected: 1, actual: 0, elsewhere: ["sqs:done"]))
        == "records.sqs:failed: expected 1 record(s), got 0 (records went to sqs:done)")
    #expect(
      Self.sentence(
        .record(
          ValueMismatch(path: "records.sqs:x.0.a", rule: .equal(Self.text("b")), actual: nil)))
        == #"records.sqs:x.0.a: expected "b", got nothing"#)
    #expect(Self.sentence(.noMessage(body: "z")) == #"receives "z": no message has this body"#)
    #expect(
      Self.sentence(.receives(body: "b", expected: 3, actual: 1))
        == #"receives "b": expected 3 receive(s), got 1"#)
    #expect(
      Self.sentence(.otherReceives(body: "c", expected: 1, actual: 2))
        == #"receives "*": expected every other message received 1 time(s), but "c" was "#
        + "received 2 time(s)")
  }

  @Test func httpRequests() throws {
    let label = "GET /hello"
    #expect(
      Self.sentence(.requestUnanswered(request: label, reason: "the connection closed after 0.2 s"))
        == "GET /hello: no answer from the local API (the connection closed after 0.2 s)")
    #expect(
      Self.sentence(.requestStatus(request: label, expected: 200, actual: 502, body: "oops"))
        == "GET /hello: status: expected 200, got 502 (body: oops)")
    #expect(
      Self.sentence(.requestHeader(request: label, name: "A", expected: "*", actual: nil))
        == "GET /hello: header A: expected *, got none")
    #expect(
      Self.sentence(.requestHeader(request: label, name: "A", expected: "*", actual: "x"))
        == "GET /hello: header A: expected *, got 'x'")
    #expect(
      Self.sentence(.requestHeaderPresent(request: label, name: "x-debug", actual: "1"))
        == "GET /hello: header x-debug should be absent")
    #expect(
      Self.sentence(.requestBodyNotJSON(request: label, body: "<html>"))
        == "GET /hello: body is not JSON: <html>")
    #expect(
      Self.sentence(
        .requestBody(request: label, path: "body", .notAnObject(actual: try Self.node("[1]"))))
        == "GET /hello: body: expected an object, got [1]")
    #expect(
      Self.sentence(.requestBody(request: label, path: "body.a", .missing))
        == "GET /hello: body.a: missing")
    #expect(
      Self.sentence(
        .requestBody(
          request: label, path: "body.a",
          .different(expected: try Self.node("1"), actual: try Self.node("2"))))
        == "GET /hello: body.a: expected 1, got 2")
    #expect(
      Self.sentence(.starterTemplateCopied(template: "serverless.yml", destination: "/w/x.yml"))
        == "(the starter serverless.yml was copied to /w/x.yml: edit that file)")
    #expect(
      Self.sentence(.apiNotServed(reason: "the template has problems"))
        == "the template has problems")
  }

  @Test func setupAndOthers() {
    #expect(
      Self.sentence(.invalidConfiguration(reason: "memory 100 MB is below 128"))
        == "the function configuration is invalid: memory 100 MB is below 128")
    #expect(
      Self.sentence(.notRun(.earlierTimeout(caseName: "slow", line: 3, timeoutSeconds: 1)))
        == "not run: case 'slow' (spec.json:3) timed out after 1.00 seconds; the later cases "
        + "would wait as long")
    #expect(
      SkipReason.doesNotStart(errorType: "Runtime.ImportModuleError").sentence
        == "the function does not start (Runtime.ImportModuleError, see above)")
    #expect(SkipReason.doesNotStart(errorType: nil).sentence == "the function did not start")
    #expect(
      SkipReason.handlerNotFound(handler: "app.main").sentence
        == "the handler 'app.main' is not found in your file (see above)")
  }

  /// `deployment.json` checks: the sentences `check` printed when the checker made them itself.
  @Test func deployment() throws {
    func deployed(_ failure: DeploymentFailure) -> String { Self.sentence(.deployment(failure)) }
    #expect(
      deployed(.invalidSpec(file: "/c/deployment.json", line: 0, reason: nil))
        == "/c/deployment.json is not a valid deployment spec (function + checks)")
    #expect(
      deployed(.invalidSpec(file: "/c/deployment.json", line: 4, reason: "expected ','"))
        == "/c/deployment.json:4 is not a valid deployment spec (function + checks): "
        + "expected ','")
    #expect(
      deployed(.stateUnreadable(reason: "cannot read /w/serve-state/state.json: broken"))
        == "cannot read /w/serve-state/state.json: broken")
    #expect(
      deployed(.notDeployed(function: "hello-world", stateFolder: "/w/serve-state"))
        == "no function named hello-world in /w/serve-state; start 'lambdalings serve' in this "
        + "workspace and create it with the AWS CLI (--endpoint-url)")
    #expect(
      deployed(.field(path: "Runtime", expected: Self.text("python3.12"), actual: nil))
        == "Runtime: expected \"python3.12\", got nothing")
    #expect(
      deployed(.field(path: "MemorySize", expected: .int(256), actual: .int(128)))
        == "MemorySize: expected 256, got 128")
    #expect(
      deployed(.field(path: "MemorySize", expected: .number("256.0"), actual: .int(128)))
        == "MemorySize: expected 256, got 128")
    #expect(
      deployed(.field(path: "MemorySize", expected: Self.text("256"), actual: .int(256)))
        == "MemorySize: expected \"256\", got 256")
    #expect(
      deployed(
        .field(
          path: "Environment.Variables", expected: try Self.node(#"{"STAGE":"dev"}"#),
          actual: try Self.node(#"{"STAGE":"prod"}"#)))
        == #"Environment.Variables: expected {"STAGE":"dev"}, got {"STAGE":"prod"}"#)
    #expect(
      deployed(.belowMinimum(path: "PublishedVersions", minimum: 1, actual: .int(0)))
        == "PublishedVersions: expected at least 1, got 0")
    #expect(
      deployed(.belowMinimum(path: "Nope", minimum: 1, actual: nil))
        == "Nope: expected at least 1, got nothing")
    #expect(
      deployed(.neverInvoked(logGroup: "/aws/lambda/hello-world"))
        == "no invocation in /aws/lambda/hello-world yet; run aws lambda invoke")
    #expect(
      deployed(.aliasMissing(alias: "live", function: "hello-world"))
        == "no alias live on hello-world; create it with aws lambda create-alias")
    #expect(
      deployed(.aliasNotPublished(alias: "live", version: "$LATEST", published: ["1"]))
        == "alias live points at $LATEST, not a published version")
    #expect(
      deployed(.runtimeNotLocal(runtime: "java21")) == "runtime java21 cannot run locally")
    #expect(
      deployed(.codeFailed(result: #"{"errorMessage": "boom"}"#))
        == #"the deployed code failed: {"errorMessage": "boom"}"#)
    #expect(
      deployed(.resultLacks(text: "\"dev\"", result: #"{"stage": "prod"}"#))
        == #"the result {"stage": "prod"} does not contain "dev""#)
    #expect(
      deployed(.codeDidNotStart(reason: "python3 not found"))
        == "the deployed code could not start: python3 not found")
    #expect(
      deployed(.unknownCheck(try Self.node(#"{"name":"x","bogus":1}"#)))
        == #"unknown check {"name":"x","bogus":1}"#)
  }

  /// `check --json` carries each deployment failure's kind, path, expected and actual.
  @Test func deploymentStructure() throws {
    let field = GradeFailure(
      .deployment(.field(path: "MemorySize", expected: .int(256), actual: .int(128))),
      specFile: "deployment.json", line: 18)
    #expect(field.name == "deployedField")
    #expect(field.path == "MemorySize")
    #expect(field.expected == .int(256))
    #expect(field.actual == .int(128))
    let minimum = GradeFailure(
      .deployment(.belowMinimum(path: "Timeout", minimum: 10, actual: nil)))
    #expect(minimum.expected == (try Self.node(#"{"$gte":10}"#)))
    #expect(minimum.actual == nil)
    let failed = GradeFailure(.deployment(.codeFailed(result: #"{"errorType":"ValueError"}"#)))
    #expect(failed.name == "deployedCodeFailed")
    #expect(failed.path == "invoke")
    #expect(failed.actual == (try Self.node(#"{"errorType":"ValueError"}"#)))
    let lacks = GradeFailure(.deployment(.resultLacks(text: "dev", result: "plain text")))
    #expect(lacks.expected == Self.text("dev"))
    #expect(lacks.actual == Self.text("plain text"))
    let alias = GradeFailure(
      .deployment(.aliasNotPublished(alias: "live", version: "3", published: ["1", "2"])))
    #expect(alias.path == "publishedVersion")
    #expect(alias.expected == [Self.text("1"), Self.text("2")])
    #expect(alias.actual == Self.text("3"))
    let invoked = GradeFailure(.deployment(.neverInvoked(logGroup: "/aws/lambda/f")))
    #expect(invoked.expected == true && invoked.actual == false)

    let encoded = try JSONEncoder().encode(TestRunnerDocument.Failure(field))
    let object = try #require(JSONValue.parse(bytes: Array(encoded)))
    #expect(object["kind"] == Self.text("deployedField"))
    #expect(object["path"] == Self.text("MemorySize"))
    #expect(object["expected"] == .int(256))
    #expect(object["actual"] == .int(128))
    #expect(object["specFile"] == Self.text("deployment.json"))
    #expect(object["line"] == .int(18))
    #expect(object["message"] == Self.text("MemorySize: expected 256, got 128"))
  }

  /// The summary the progress file keeps names the first failure in the same words.
  @Test func summaryUsesTheSentence() {
    var report = GradeReport(
      exerciseID: "hello", language: .python, codeFile: AbsolutePath(validating: "/w/x.py")!)
    var result = CaseResult(name: "greets Ada", kind: .case, line: 3)
    result.record([GradeFailure.Kind.errorType(expected: "A", actual: "B")])
    report.results = [result, CaseResult(name: "other", kind: .case, line: 9)]
    #expect(
      GradeReportPrinter.summary(report)
        == "1/2 passed; first failure: greets Ada: errorType: expected A, got B")
    #expect(result.failures.first?.line == 3)
    #expect(result.failures.first?.specFile == "spec.json")
  }
}

/// `check --json`'s failures, encoded in-process: kinds, paths, JSON values as JSON, scope.
@Suite struct TestRunnerDocumentTests {
  static func encoded(_ report: GradeReport) throws -> [String: Any] {
    let text = GradeReportPrinter.json(report, next: nil)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any], "\(text)")
  }

  @Test func failuresKeepTheirValuesAsJSONAndTheirScenarioScope() throws {
    var report = GradeReport(
      exerciseID: "orders", language: .node, codeFile: AbsolutePath(validating: "/w/index.mjs")!)
    var scenario = CaseResult(name: "same id", kind: .scenario, line: 4, invocations: 3)
    let wanted = try GradeFailureSentenceTests.node(#"{"n": 1.5, "list": [true, null]}"#)
    let got = try GradeFailureSentenceTests.node(#"{"n": 2, "list": []}"#)
    scenario.record([
      GradeFailure(
        .each(
          invocation: 2,
          .bodyField(
            ValueMismatch(path: "body.x", rule: .equal(wanted), actual: got), lookedIn: nil)),
        line: 6),
      GradeFailure(.scenarioCount(.coldStarts, expected: 1, actual: 3, invocations: 3)),
      GradeFailure(
        .last(
          .bodyField(
            ValueMismatch(
              path: "body.y", rule: .atLeast(try GradeFailureSentenceTests.node("3")), actual: nil),
            lookedIn: nil))),
    ])
    report.results = [scenario]
    let document = try Self.encoded(report)
    #expect(document["language"] as? String == "node")
    let test = try #require((document["tests"] as? [[String: Any]])?.first)
    let failures = try #require(test["failures"] as? [[String: Any]])
    #expect(failures.map { $0["kind"] as? String } == ["bodyField", "scenarioCount", "bodyField"])
    #expect(
      failures.map { $0["path"] as? String } == ["each.2.body.x", "coldStarts", "last.body.y"])
    #expect(failures.map { $0["scope"] as? String } == ["each", nil, "last"])
    #expect(failures.map { $0["invocation"] as? Int } == [2, nil, nil])
    #expect(failures.map { $0["line"] as? Int } == [6, 4, 4])
    let expected = try #require(failures[0]["expected"] as? [String: Any])
    #expect(expected["n"] as? Double == 1.5)
    #expect((expected["list"] as? [Any])?.count == 2)
    #expect((expected["list"] as? [Any])?.last is NSNull)
    #expect((failures[0]["actual"] as? [String: Any])?["n"] as? Int == 2)
    #expect(failures[1]["expected"] as? Int == 1)
    #expect(failures[1]["actual"] as? Int == 3)
    #expect((failures[2]["expected"] as? [String: Any])?["$gte"] as? Int == 3)
    #expect(failures[2]["actual"] == nil, "nothing was there")
    #expect(
      failures.map { $0["message"] as? String } == scenario.failures.map(\.sentence))
  }
}
