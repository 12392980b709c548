import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Interpreters and paths for the invoke tests.
enum InvokeSetup {
  static func onPath(_ program: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
      .contains { access("\($0)/\(program)", X_OK) == 0 }
  }
  static let hasPython = onPath("python3")
  static let hasNode = onPath("node")
}

/// `lambdalings invoke` end to end, through the built binary.
@Suite(.enabled(if: InvokeSetup.hasPython, "python3 is not on PATH"))
struct InvokeCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = root.appendingPathComponent("Tests/LambdaRuntimeTests/Fixtures").path
  static let solution = root.appendingPathComponent("exercises/hello-api/solution").path

  private func run(_ arguments: [String], stdin: String = "") throws -> BinaryRunner.Output {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    return try runner.run(arguments, stdin: stdin)
  }

  private func json(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
  }

  @Test func seedSolutionWithATemplateEvent() throws {
    let output = try run([
      "invoke", "\(Self.solution)/python", "--event-template", "apigateway-rest", "--set",
      "queryStringParameters.name=Ada",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let response = json(output.stdout)
    #expect(response["statusCode"] as? Int == 200)
    #expect((response["headers"] as? [String: String])?["Access-Control-Allow-Origin"] == "*")
    let body = json(response["body"] as? String ?? "")
    #expect(body["message"] as? String == "Hello, Ada!")
    #expect(body["function"] as? String == "hello-api")
    let requestID = try #require(body["requestId"] as? String)
    let lines = output.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == "START RequestId: \(requestID) Version: $LATEST")
    #expect(lines.contains("END RequestId: \(requestID)"))
    let report = lines.last ?? ""
    #expect(report.hasPrefix("REPORT RequestId: \(requestID)\tDuration: "))
    #expect(report.contains("\tMemory Size: 128 MB\tMax Memory Used: "))
    #expect(report.split(separator: "\t").last?.hasPrefix("Init Duration: ") == true)
  }

  @Test(.enabled(if: InvokeSetup.hasNode, "node is not on PATH"))
  func nodeSolutionWithEventFromStandardInput() throws {
    let output = try run(
      ["invoke", "\(Self.solution)/node/index.mjs", "--event", "-"],
      stdin: "{\"queryStringParameters\":{\"name\":\"Grace\"}}")
    #expect(output.status == 0, "\(output.stderr)")
    let body = json(json(output.stdout)["body"] as? String ?? "")
    #expect(body["message"] as? String == "Hello, Grace!")
    #expect(output.stderr.contains("\tInit Duration: "))
  }

  @Test func repeatedInvocationsPrintSummaryAndTimeline() throws {
    let output = try run([
      "invoke", "\(Self.fixtures)/python/counter.py", "--handler", "handler", "--times", "4",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    // Summary and timeline go to stderr, so stdout holds only the results, one per line.
    #expect(output.stderr.contains("invocations   4 (1 environment"))
    #expect(output.stderr.contains("cold starts   1\n"))
    #expect(output.stderr.contains("throttles     0\n"))
    #expect(output.stderr.contains("env 1"))
    #expect(output.stdout.contains("\"count\": 4"))
    let results = output.stdout.split(separator: "\n").map { json(String($0)) }
    #expect(results.map { $0["count"] as? Int } == [1, 2, 3, 4])
    #expect(output.stderr.components(separatedBy: "REPORT RequestId: ").count == 5)
    #expect(output.stderr.components(separatedBy: "Init Duration: ").count == 2)
  }

  @Test func aSinglePipedResultEndsWithANewlineAndHelpExplainsSet() throws {
    let output = try run(["invoke", "\(Self.fixtures)/python/counter.py", "--handler", "handler"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.hasSuffix("}\n"))
    let help = try run(["invoke", "--help"])
    #expect(help.stdout.contains("template parameter"))
  }

  @Test func timelineIsColouredOnlyWhenAsked() throws {
    let arguments = [
      "invoke", "\(Self.fixtures)/python/counter.py", "--handler", "handler", "--times", "2",
    ]
    let plain = try run(arguments)
    #expect(!plain.stderr.contains("\u{1B}["))
    let coloured = try run(arguments + ["--color", "always"])
    #expect(coloured.stderr.contains("\u{1B}["))
    #expect(coloured.stderr.contains("env 1"))
  }

  @Test func jsonPrintsOneRecordPerInvocation() throws {
    let output = try run([
      "invoke", "\(Self.fixtures)/python/counter.py", "--handler", "handler", "--times", "3",
      "--concurrency", "3", "--json",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let records = output.stdout.split(separator: "\n").map { json(String($0)) }
    #expect(records.count == 3)
    #expect(records.filter { $0["cold"] as? Bool == true }.count == 3)
    #expect(Set(records.compactMap { $0["environmentId"] as? Int }).count == 3)
    #expect(records.allSatisfy { ($0["logs"] as? String)?.contains("REPORT") == true })
  }

  @Test func handlerErrorExitsWithOneAndShowsTheTraceback() throws {
    let output = try run(["invoke", "\(Self.fixtures)/python/raises.py", "--handler", "handler"])
    #expect(output.status == 1)
    #expect(json(output.stdout)["errorType"] as? String == "ValueError")
    #expect(output.stderr.contains("[ERROR] ValueError: boom\nTraceback (most recent call last):"))
  }

  @Test func timeoutLeavesNoProcessBehind() throws {
    let marker = String(format: "%d.%03d", Int.random(in: 500...900), Int.random(in: 0...999))
    let output = try run(
      [
        "invoke", "\(Self.fixtures)/python/spawn_and_wait.py", "--handler", "handler",
        "--timeout", "1", "--event", "-",
      ], stdin: "{\"seconds\":\"\(marker)\"}")
    #expect(output.status == 1)
    #expect(output.stdout.contains("Task timed out after 1.00 seconds"))
    #expect(output.stderr.contains("child started"))
    #expect(output.stderr.contains("\tStatus: timeout"))
    #expect(Self.waitUntilGone(marker))
  }

  @Test func interruptKillsEveryProcessGroup() throws {
    let marker = String(format: "%d.%03d", Int.random(in: 500...900), Int.random(in: 0...999))
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
    process.arguments = [
      "invoke", "\(Self.fixtures)/python/spawn_and_wait.py", "--handler", "handler",
      "--timeout", "60", "--event", "\(runner.directory)/event.json",
    ]
    try "{\"seconds\":\"\(marker)\"}".write(
      toFile: "\(runner.directory)/event.json", atomically: true, encoding: .utf8)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(20)
    while Self.pids(withMarker: marker).isEmpty && Date() < deadline { usleep(50_000) }
    #expect(!Self.pids(withMarker: marker).isEmpty)
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    #expect(Self.waitUntilGone(marker))
  }

  @Test func usageErrorsExitWithTwo() throws {
    let file = "\(Self.fixtures)/python/counter.py"
    let cases: [([String], String)] = [
      (["invoke"], "needs FILE"),
      (["invoke", "missing.py"], "no such file"),
      (["invoke", file, "--event", "a.json", "--event-template", "sqs"], "not both"),
      (["invoke", file, "--env", "NOEQUALS"], "KEY=VALUE"),
      (["invoke", file, "--memory", "64"], "128"),
      (["invoke", file, "--runtime", "cobol"], "python, nodejs or provided"),
      (["invoke", file, "--event-template", "no-such-template"], "no-such-template"),
    ]
    for (arguments, fragment) in cases {
      let output = try run(arguments)
      #expect(output.status == 2, "\(arguments)")
      #expect(output.stderr.contains(fragment), "\(arguments): \(output.stderr)")
    }
  }

  @Test func brokenEventFileIsReportedWithItsLine() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try "{\n  \"a\": 1,\n  \"b\": nope\n}\n".write(
      toFile: "\(runner.directory)/bad.json", atomically: true, encoding: .utf8)
    let output = try runner.run([
      "invoke", "\(Self.fixtures)/python/counter.py", "--handler", "handler", "--event", "bad.json",
    ])
    #expect(output.status == 2)
    #expect(output.stderr.contains("bad.json:3: the event is not valid JSON"))
  }

  /// Live processes whose command line contains `marker`.
  static func pids(withMarker marker: String) -> [Int32] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.compactMap { name -> Int32? in
      guard let pid = Int32(name),
        let data = FileManager.default.contents(atPath: "/proc/\(name)/cmdline"),
        String(decoding: data, as: UTF8.self).contains(marker),
        let stat = FileManager.default.contents(atPath: "/proc/\(name)/stat"),
        !String(decoding: stat, as: UTF8.self).contains(") Z ")
      else { return nil }
      return pid
    }
  }

  static func waitUntilGone(_ marker: String) -> Bool {
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      if pids(withMarker: marker).isEmpty { return true }
      usleep(50_000)
    }
    return false
  }
}
