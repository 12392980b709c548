import Foundation
import HTTP
import LambdaRuntime
import SystemSupport
import Testing

@testable import Grader

/// API exercises: `api.json` parsing and grading through real HTTP requests.
@Suite struct APIGraderTests {
  func folder(_ files: [String: String]) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("api-grader-\(UUID().uuidString.prefix(8))").path
    for (name, text) in files {
      let file = path + "/" + name
      try FileManager.default.createDirectory(
        atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
    return path
  }

  static let spec = """
    {
      "template": "serverless.yml",
      "requests": [
        {"name": "greets", "path": "/hello?name=Ada",
         "expect": {"status": 200, "json": {"message": "Hello, Ada!"}}},
        {"name": "cors", "path": "/hello", "headers": {"Origin": "http://x.test"},
         "expect": {"headers": {"Access-Control-Allow-Origin": "*"}, "absentHeaders": ["X-Debug"]}}
      ]
    }
    """

  static let handler = """
    import json
    def hello(event, context):
        name = (event.get("queryStringParameters") or {}).get("name", "World")
        return {"statusCode": 200, "body": json.dumps({"message": f"Hello, {name}!"})}
    """

  static func template(cors: Bool) -> String {
    "service: s\nprovider:\n  runtime: python3.12\n"
      + (cors ? "  httpApi:\n    cors: true\n" : "")
      + "functions:\n  hello:\n    handler: app.hello\n    events:\n      - httpApi: GET /hello\n"
  }

  @Test func specParsesRequestsAndLines() throws {
    let directory = try folder(["api.json": Self.spec])
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let spec = try #require(
      try APICheckSpec.load(exerciseDirectory: AbsolutePath(validating: directory)!))
    #expect(spec.template == "serverless.yml")
    #expect(spec.requests.map(\.name) == ["greets", "cors"])
    #expect(spec.requests[0].method == "GET")
    #expect(spec.requests[0].status == 200)
    #expect(spec.requests[0].line == 4)
    #expect(spec.requests[1].absentHeaders == ["X-Debug"])
  }

  @Test func specErrorsNameTheFile() throws {
    let missing = try folder(["spec.json": "{}"])
    defer { try? FileManager.default.removeItem(atPath: missing) }
    let none = try APICheckSpec.load(exerciseDirectory: AbsolutePath(validating: missing)!)
    #expect(none == nil)
    for bad in [
      "not json", #"{"requests": []}"#, #"{"requests": [{"name": "x", "path": "nope"}]}"#,
      #"{"requests": [{"name": "x", "path": "/a"}]}"#,
    ] {
      let directory = try folder(["api.json": bad])
      defer { try? FileManager.default.removeItem(atPath: directory) }
      #expect(throws: (any Error).self) {
        try APICheckSpec.load(exerciseDirectory: AbsolutePath(validating: directory)!)
      }
      do {
        _ = try APICheckSpec.load(exerciseDirectory: AbsolutePath(validating: directory)!)
      } catch {
        #expect("\(error)".contains("api.json"), "\(error)")
      }
    }
  }

  static var hasPython: Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: String($0) + "/python3")
    }
  }

  @Test(.enabled(if: hasPython)) func passesAndFailsThroughHTTP() throws {
    let directory = try folder([
      "api.json": Self.spec, "good/serverless.yml": Self.template(cors: true),
      "good/app.py": Self.handler, "bad/serverless.yml": Self.template(cors: false),
      "bad/app.py": Self.handler,
    ])
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let spec = try #require(
      try APICheckSpec.load(exerciseDirectory: AbsolutePath(validating: directory)!))
    let (good, goodError) = APIGrader.run(
      spec, folder: AbsolutePath(validating: directory + "/good")!, starterFolder: nil)
    #expect(goodError == nil)
    #expect(good.count == 2)
    #expect(good.allSatisfy { $0.passed }, "\(good.map(\.sentences))")
    let (bad, _) = APIGrader.run(
      spec, folder: AbsolutePath(validating: directory + "/bad")!, starterFolder: nil)
    #expect(bad[0].passed)
    #expect(!bad[1].passed)
    #expect(
      bad[1].sentences == ["GET /hello: header Access-Control-Allow-Origin: expected *, got none"])
    // The failure points at the request in api.json, not at spec.json.
    #expect(bad[1].specFile == "api.json")
    #expect(bad[1].line == spec.requests[1].line)
  }

  @Test(.enabled(if: hasPython)) func missingTemplateComesFromTheStarter() throws {
    let directory = try folder([
      "api.json": Self.spec, "starter/serverless.yml": Self.template(cors: false),
      "learner/app.py": Self.handler, "broken/serverless.yml": "service: [\n",
      "broken/app.py": Self.handler,
    ])
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let spec = try #require(
      try APICheckSpec.load(exerciseDirectory: AbsolutePath(validating: directory)!))
    let (results, _) = APIGrader.run(
      spec, folder: AbsolutePath(validating: directory + "/learner")!,
      starterFolder: AbsolutePath(validating: directory + "/starter")!)
    #expect(FileManager.default.fileExists(atPath: directory + "/learner/serverless.yml"))
    #expect(results.first?.passed == true)
    #expect(results.last?.sentences.first?.contains("was copied to") == true)
    // A template of the learner's is never replaced; its problems are reported.
    let (none, error) = APIGrader.run(
      spec, folder: AbsolutePath(validating: directory + "/broken")!,
      starterFolder: AbsolutePath(validating: directory + "/starter")!)
    #expect(none.isEmpty)
    #expect(
      error?.contains("serverless.yml:1:10: this '[' is never closed") == true, "\(error ?? "")")
    let kept = try String(contentsOfFile: directory + "/broken/serverless.yml", encoding: .utf8)
    #expect(kept == "service: [\n")
  }

  /// The request a test sends, by name.
  static func request(_ name: String) -> APICheckSpec.Request {
    APICheckSpec.Request(
      name: name, method: "GET", path: "/hello", headers: [], body: "", status: 200,
      expectedHeaders: [], absentHeaders: [], json: nil, line: 7)
  }

  @Test func anUnansweredRequestSaysWhetherItCouldNotConnectOrTheConnectionClosed() throws {
    // Refused: a server that stopped listening.
    let gone = try HTTPServer(port: 0) { _ in .text(200, "") }
    gone.stop()
    let refused = APIGrader.check(Self.request("refused"), port: gone.port)
    #expect(!refused.passed)
    #expect(refused.line == 7)
    let refusal = try #require(refused.failures.first?.kind)
    guard case .requestUnanswered(let label, let reason) = refusal else {
      Issue.record("expected an unanswered request, got \(refusal)")
      return
    }
    #expect(label == "GET /hello")
    #expect(reason.contains("connect 127.0.0.1:\(gone.port) failed"), "\(reason)")

    // Closed: a server that hangs up instead of answering.
    let slot = Locked<HTTPServer?>(nil)
    let rude = try HTTPServer(port: 0) { _ in
      slot.withLock { $0?.stop() }
      return .text(200, "")
    }
    slot.withLock { $0 = rude }
    defer { slot.withLock { $0 = nil } }
    let closed = APIGrader.check(Self.request("closed"), port: rude.port)
    let sentence = try #require(closed.failures.first?.sentence)
    #expect(
      sentence.hasPrefix("GET /hello: no answer from the local API (the connection closed after "))
  }

  @Test func subsetMatchingOfJSONBodies() {
    let expected: [(String, String, Int)] = [
      (#"{"a":1}"#, #"{"a":1,"b":2}"#, 0), (#"{"a":1}"#, #"{"a":2}"#, 1),
      (#"{"a":{"b":1}}"#, #"{"a":{"b":1,"c":2}}"#, 0), (#"{"a":1}"#, "[1]", 1),
      (#"{"a":1,"z":1}"#, #"{"b":1}"#, 2),
    ]
    for (want, got, count) in expected {
      let found = APIGrader.mismatches(
        .parse(want) ?? .null, .parse(got) ?? .null, path: "body")
      #expect(found.count == count, "\(want) vs \(got): \(found)")
    }
  }
}
