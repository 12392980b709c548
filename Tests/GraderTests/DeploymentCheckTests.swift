import Course
import Foundation
import JSON
import SystemSupport
import Testing

@testable import Grader
@testable import LocalAWS

/// `deployment.json` checks against serve state written into a temporary folder with LocalAWS's
/// own store types (no `serve` process), and a fake function for the `invoke` checks.
@Suite struct DeploymentCheckTests {
  /// A workspace folder with a `deployment.json` next to it; removed by `cleanUp`.
  struct Fixture {
    let root: AbsolutePath
    var workspace: AbsolutePath { root.appending("ws") }
    var spec: AbsolutePath { root.appending("deployment.json") }
    var store: LocalAWSStore {
      LocalAWSStore(folder: LocalAWSStore.folder(workspace: workspace))
    }

    init(spec text: String) throws {
      let temporary = AbsolutePath(NSTemporaryDirectory(), relativeTo: .currentDirectory())
      root = temporary.appending("deploy-\(UUID().uuidString)")
      try FileManager.default.createDirectory(
        atPath: workspace.string, withIntermediateDirectories: true)
      try text.write(toFile: spec.string, atomically: true, encoding: .utf8)
    }

    /// Stores `functions` as `serve` would.
    func deploy(_ functions: FunctionState...) throws {
      var state = LocalAWSState()
      for function in functions { state.functions[function.name] = function }
      try store.save(state)
    }

    func run(
      language: Language? = .python,
      _ script: @escaping @Sendable (FakeCall) -> FakeAnswer = { _ in .result("{}") }
    ) -> [CaseResult] {
      DeploymentCheck.run(
        spec: spec, workspace: workspace, language: language,
        maker: FakeFunctionMaker(script: script))
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root.string) }
  }

  static func version(runtime: String = "python3.12", memory: Int = 128) -> VersionState {
    VersionState(
      runtime: runtime, handler: "lambda_function.lambda_handler", role: "arn:aws:iam::1:role/r",
      description: "", timeout: 3, memorySize: memory, ephemeralStorage: 512,
      environment: ["STAGE": "dev", "A": "1"], codeSha256: "x", codeID: "c1", codeSize: 1,
      lastModified: "t", revisionID: "r1", logging: nil)
  }

  static func function(
    runtime: String = "python3.12", memory: Int = 128, versions: [String: VersionState] = [:],
    aliases: [String: String] = [:], reserved: Int? = nil
  ) -> FunctionState {
    FunctionState(
      name: "hello-world", latest: version(runtime: runtime, memory: memory), versions: versions,
      lastVersion: versions.count,
      aliases: aliases.mapValues {
        AliasState(functionVersion: $0, description: "", revisionID: "a", additionalWeights: nil)
      },
      reservedConcurrency: reserved, provisioned: [:], eventInvokeConfigs: [:], permissions: nil)
  }

  /// A spec of `function` and these check lines, one check per line from line 3 on.
  static func spec(_ checks: String...) -> String {
    "{\n  \"function\": \"hello-world\",\n  \"checks\": [\n"
      + checks.map { "    \($0)" }.joined(separator: ",\n") + "\n  ]\n}\n"
  }

  /// The one deployment failure of each result, in order (nil for a pass).
  static func kinds(_ results: [CaseResult]) -> [DeploymentFailure?] {
    results.map { result in
      guard case .deployment(let failure)? = result.failures.first?.kind else { return nil }
      return failure
    }
  }

  @Test func brokenSpecNamesItsLine() throws {
    let fixture = try Fixture(
      spec: "{\n  \"function\": \"hello-world\",\n  \"checks\": [\n    {\"name\": \"x\"\n  ]\n}\n")
    defer { fixture.cleanUp() }
    let results = fixture.run()
    #expect(results.count == 1)
    let result = try #require(results.first)
    #expect(result.name == "deployed: deployment checks")
    #expect(result.location == "deployment.json:5")
    let failure = try #require(result.failures.first)
    #expect(failure.specFile == "deployment.json" && failure.line == 5)
    guard case .deployment(.invalidSpec(let file, 5, let reason?)) = failure.kind else {
      Issue.record("not a broken spec: \(failure.kind)")
      return
    }
    #expect(file == fixture.spec.string)
    #expect(reason.contains("']'"), "\(reason)")
    #expect(failure.sentence.hasPrefix("\(fixture.spec.string):5 is not a valid deployment spec"))
  }

  @Test func specOfTheWrongShapeIsOneFailure() throws {
    let fixture = try Fixture(spec: #"{"function": 3, "checks": []}"#)
    defer { fixture.cleanUp() }
    #expect(
      Self.kinds(fixture.run())
        == [.invalidSpec(file: fixture.spec.string, line: 0, reason: nil)])
    #expect(fixture.run().first?.location == "deployment.json")
  }

  @Test func unreadableStateSaysWhichFile() throws {
    let fixture = try Fixture(spec: Self.spec(#"{"name": "n", "invoked": true}"#))
    defer { fixture.cleanUp() }
    let folder = fixture.workspace.appending("serve-state")
    try FileManager.default.createDirectory(
      atPath: folder.string, withIntermediateDirectories: true)
    try "not json".write(
      toFile: folder.appending("state.json").string, atomically: true, encoding: .utf8)
    let results = fixture.run()
    #expect(results.map(\.name) == ["deployed: the serve state can be read"])
    guard case .stateUnreadable(let reason)? = Self.kinds(results).first else {
      Issue.record("\(results)")
      return
    }
    #expect(reason.hasPrefix("cannot read \(folder.appending("state.json").string): "))
  }

  @Test func functionNotDeployedPointsAtTheFunctionLine() throws {
    let fixture = try Fixture(spec: Self.spec(#"{"name": "n", "invoked": true}"#))
    defer { fixture.cleanUp() }
    let results = fixture.run()
    let result = try #require(results.first)
    #expect(results.count == 1)
    #expect(result.name == "deployed: function hello-world is deployed")
    #expect(result.location == "deployment.json")
    #expect(result.failures.first?.line == 2)
    #expect(
      Self.kinds(results)
        == [
          .notDeployed(
            function: "hello-world",
            stateFolder: fixture.workspace.appending("serve-state").string)
        ])
  }

  @Test func fieldsAreComparedAsJSONAtTheirLines() throws {
    let fixture = try Fixture(
      spec: Self.spec(
        #"{"name": "memory", "field": "MemorySize", "equals": 256}"#,
        #"{"name": "runtime", "field": "Runtime", "equals": "python3.12"}"#,
        #"{"name": "missing", "field": "Nope.Deep", "equals": "x"}"#,
        #"{"name": "text", "field": "MemorySize", "equals": "128"}"#,
        #"{"name": "variables", "field": "Environment.Variables", "equals": {"STAGE": "dev", "A": "1"}}"#,
        #"{"name": "storage", "field": "EphemeralStorage.Size", "equals": 512.0}"#,
        #"{"name": "reserved", "field": "ReservedConcurrentExecutions", "equals": 5}"#))
    defer { fixture.cleanUp() }
    try fixture.deploy(Self.function(reserved: 3))
    let results = fixture.run()
    #expect(results.map(\.line) == [4, 5, 6, 7, 8, 9, 10])
    #expect(results.allSatisfy { $0.specFile == "deployment.json" })
    #expect(results.map(\.name).first == "deployed: memory")
    #expect(
      Self.kinds(results) == [
        .field(path: "MemorySize", expected: .int(256), actual: .int(128)), nil,
        .field(path: "Nope.Deep", expected: .string("x"), actual: nil),
        .field(path: "MemorySize", expected: .string("128"), actual: .int(128)), nil, nil,
        .field(path: "ReservedConcurrentExecutions", expected: .int(5), actual: .int(3)),
      ])
    #expect(results.first?.failures.first?.line == 4)
  }

  @Test func atLeastWantsAWholeNumberAtLeastTheMinimum() throws {
    let fixture = try Fixture(
      spec: Self.spec(
        #"{"name": "published", "field": "PublishedVersions", "atLeast": 1}"#,
        #"{"name": "timeout", "field": "Timeout", "atLeast": 3}"#,
        #"{"name": "absent", "field": "Nope", "atLeast": 1}"#))
    defer { fixture.cleanUp() }
    try fixture.deploy(Self.function())
    #expect(
      Self.kinds(fixture.run()) == [
        .belowMinimum(path: "PublishedVersions", minimum: 1, actual: .int(0)), nil,
        .belowMinimum(path: "Nope", minimum: 1, actual: nil),
      ])
  }

  @Test func invokedCountsTheStartLinesOfTheLogGroup() throws {
    let fixture = try Fixture(spec: Self.spec(#"{"name": "invoked", "invoked": true}"#))
    defer { fixture.cleanUp() }
    try fixture.deploy(Self.function())
    #expect(Self.kinds(fixture.run()) == [.neverInvoked(logGroup: "/aws/lambda/hello-world")])
    LogStore(folder: fixture.store.logsFolder).append(
      group: "/aws/lambda/other", stream: "s", lines: ["START RequestId: 1 Version: $LATEST"])
    #expect(Self.kinds(fixture.run()) == [.neverInvoked(logGroup: "/aws/lambda/hello-world")])
    LogStore(folder: fixture.store.logsFolder).append(
      group: "/aws/lambda/hello-world", stream: "s",
      lines: ["START RequestId: 2 Version: $LATEST", "END RequestId: 2"])
    #expect(Self.kinds(fixture.run()) == [nil])
    #expect(fixture.store.invocationCount(function: "hello-world") == 1)
  }

  @Test func aliasesMustExistAndPointAtPublishedVersions() throws {
    let fixture = try Fixture(
      spec: Self.spec(
        #"{"name": "live", "alias": "live", "publishedVersion": true}"#,
        #"{"name": "blue", "alias": "blue"}"#,
        #"{"name": "latest", "alias": "latest", "publishedVersion": true}"#,
        #"{"name": "latest exists", "alias": "latest"}"#))
    defer { fixture.cleanUp() }
    try fixture.deploy(
      Self.function(
        versions: ["1": Self.version(), "2": Self.version()],
        aliases: ["live": "2", "latest": "$LATEST"]))
    #expect(
      Self.kinds(fixture.run()) == [
        nil, .aliasMissing(alias: "blue", function: "hello-world"),
        .aliasNotPublished(alias: "latest", version: "$LATEST", published: ["1", "2"]), nil,
      ])
  }

  @Test func invokeRunsTheStoredCodeWithTheSpecEvent() throws {
    let fixture = try Fixture(
      spec: Self.spec(
        #"{"name": "answers", "invoke": {"name": "Ada", "n": [1, 2.5]}, "resultContains": "dev"}"#,
        #"{"name": "lacks", "invoke": {}, "resultContains": "prod"}"#))
    defer { fixture.cleanUp() }
    try fixture.deploy(Self.function())
    let maker = FakeFunctionMaker { _ in .result(#"{"stage": "dev"}"#) }
    let results = DeploymentCheck.run(
      spec: fixture.spec, workspace: fixture.workspace, language: .python, maker: maker)
    #expect(
      Self.kinds(results) == [nil, .resultLacks(text: "prod", result: #"{"stage": "dev"}"#)])
    let calls = maker.calls
    #expect(calls.map(\.event) == [#"{"name":"Ada","n":[1,2.5]}"#, "{}"])
    let configuration = try #require(calls.first?.configuration)
    #expect(configuration.name == "hello-world")
    #expect(configuration.handler == "lambda_function.lambda_handler")
    #expect(configuration.environment["STAGE"] == "dev")
    #expect(configuration.codePath.string.hasSuffix("/serve-state/code/c1"))
    #expect(maker.functions.allSatisfy { $0.wasShutDown })
  }

  @Test func invokeReportsFailuresOfTheDeployedCode() throws {
    let fixture = try Fixture(spec: Self.spec(#"{"name": "answers", "invoke": {}}"#))
    defer { fixture.cleanUp() }
    try fixture.deploy(Self.function())
    let failed = fixture.run { _ in .error(type: "ValueError", message: "boom") }
    guard case .codeFailed(let result)? = Self.kinds(failed).first else {
      Issue.record("\(failed)")
      return
    }
    #expect(result.contains("\"errorMessage\":\"boom\""))
    #expect(failed.first?.failures.first?.actual?["errorType"] == .string("ValueError"))

    let missing = DeploymentCheck.run(
      spec: fixture.spec, workspace: fixture.workspace, language: .python,
      maker: FakeFunctionMaker(missingInterpreter: true) { _ in .result("{}") })
    #expect(
      Self.kinds(missing) == [.codeDidNotStart(reason: "\(FakeFunctionMaker.notFound)")])

    try fixture.deploy(Self.function(runtime: "java21"))
    #expect(Self.kinds(fixture.run()) == [.runtimeNotLocal(runtime: "java21")])
  }

  @Test func checksForAnotherLanguageAreLeftOutAndUnknownOnesFail() throws {
    let fixture = try Fixture(
      spec: Self.spec(
        #"{"name": "py", "language": "python", "field": "Runtime", "equals": "python3.12"}"#,
        #"{"name": "js", "language": "node", "field": "Runtime", "equals": "nodejs24.x"}"#,
        #"{"name": "mystery", "bogus": 1}"#))
    defer { fixture.cleanUp() }
    try fixture.deploy(Self.function())
    #expect(fixture.run(language: .python).map(\.name) == ["deployed: py", "deployed: mystery"])
    #expect(fixture.run(language: .node).map(\.name) == ["deployed: js", "deployed: mystery"])
    #expect(fixture.run(language: nil).count == 3)
    let unknown = try #require(JSONValue.parse(#"{"name": "mystery", "bogus": 1}"#))
    #expect(Self.kinds(fixture.run()).last == .unknownCheck(unknown))
  }
}
