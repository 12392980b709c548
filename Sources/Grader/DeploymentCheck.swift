import Course
import Foundation
import JSON
import LambdaRuntime
import LocalAWS
import SystemSupport

/// Grades what a learner deployed to `lambdalings serve`: an exercise's `deployment.json`
/// lists checks on the state `serve` stores in `<workspace>/serve-state/` (read through
/// LocalAWS), and may invoke the deployed code (from the stored zip, on the local runtime,
/// without writing to the learner's logs).
///
/// ```json
/// { "function": "hello-world",
///   "checks": [
///     { "name": "runtime is python3.12", "field": "Runtime", "equals": "python3.12" },
///     { "name": "STAGE is dev", "field": "Environment.Variables.STAGE", "equals": "dev" },
///     { "name": "it was invoked", "invoked": true },
///     { "name": "it answers", "invoke": {"name": "Ada"}, "resultContains": "Ada" },
///     { "name": "alias live", "alias": "live", "publishedVersion": true },
///     { "name": "reserved 5", "field": "ReservedConcurrentExecutions", "equals": 5 } ] }
/// ```
/// `atLeast` compares a whole number instead of `equals`. A check with `"language": "python"`
/// (or `"node"`) applies only to a learner working in that language, e.g. the runtime and
/// handler. `field` paths read the function's `$LATEST` configuration as
/// `GetFunctionConfiguration` shows it, plus `ReservedConcurrentExecutions` and
/// `PublishedVersions` (a count). Course's `DeploymentSpecReader` reports a malformed file when
/// the course loads; the checks here still answer for one, as a failed result.
public enum DeploymentCheck {
  /// The file name of the checks inside an exercise folder.
  public static let fileName = "deployment.json"

  /// Runs the checks of `spec` against the serve state of `workspace`, leaving out those for
  /// another language than `language`. Each check is a case result named `deployed: NAME`
  /// at its line of `deployment.json`; a spec that cannot be used, a state that cannot be
  /// read and a function that is not deployed are each a single failed result. `maker` makes
  /// the function that runs the deployed code for `invoke` checks.
  public static func run(
    spec: AbsolutePath, workspace: AbsolutePath, language: Language?,
    maker: any GradedFunctionMaker = RuntimeFunctionMaker()
  ) -> [CaseResult] {
    let parsed: DeploymentSpec
    switch DeploymentSpec.read(spec) {
    case .spec(let read): parsed = read
    case .invalid(let problem, let line):
      return [result("deployment checks", line: line, [problem])]
    }
    let store = LocalAWSStore(folder: LocalAWSStore.folder(workspace: workspace))
    let state: LocalAWSState
    do {
      state = try store.load()
    } catch {
      return [result("the serve state can be read", [.stateUnreadable(reason: "\(error)")])]
    }
    guard let function = state.functions[parsed.function] else {
      let missing = DeploymentFailure.notDeployed(
        function: parsed.function, stateFolder: workspace.appending("serve-state").string)
      var graded = result("function \(parsed.function) is deployed", [])
      graded.record([GradeFailure(.deployment(missing), line: parsed.functionLine)])
      return [graded]
    }
    let deployed = Deployed(function: function, store: store, maker: maker)
    return parsed.checks.filter { $0.applies(to: language) }.map { check in
      result(check.name, line: check.line, deployed.failures(check.kind))
    }
  }

  /// A result of `deployment.json` named `deployed: NAME`, failing with `failures`.
  private static func result(_ name: String, line: Int = 0, _ failures: [DeploymentFailure])
    -> CaseResult
  {
    var graded = CaseResult(name: "deployed: \(name)", kind: .case, line: line, invocations: 0)
    graded.specFile = fileName
    graded.record(failures.map { GradeFailure(.deployment($0)) })
    return graded
  }
}

/// `deployment.json` as the checks read it: the function's name and each check, with lines.
struct DeploymentSpec {
  /// What one check looks at.
  enum Kind: Equatable {
    /// `field` with `equals`.
    case equals(path: String, expected: JSONValue)
    /// `field` with `atLeast`.
    case atLeast(path: String, minimum: Int)
    /// `"invoked": true`.
    case invoked
    /// `alias`, and whether it must point at a published version.
    case alias(String, published: Bool)
    /// `invoke` with this event, and the text the result must contain.
    case invoke(event: JSONValue, resultContains: String?)
    /// None of the above: the check as written.
    case unknown(JSONValue)
  }

  struct Check {
    var name: String
    var line: Int
    /// `python` or `node` when the check is for one language only.
    var language: String?
    var kind: Kind

    func applies(to learner: Language?) -> Bool {
      guard let language, let learner else { return true }
      return language == learner.rawValue
    }
  }

  var function: String
  /// The line of `"function"`'s value.
  var functionLine: Int
  var checks: [Check]

  /// What reading the file gave.
  enum Reading {
    case spec(DeploymentSpec)
    /// Why the spec cannot be used, and its line (0 for the whole file).
    case invalid(DeploymentFailure, line: Int)
  }

  /// Reads `file`: the spec, or why it cannot be used (with the line when the JSON is broken).
  static func read(_ file: AbsolutePath) -> Reading {
    let shape = Reading.invalid(.invalidSpec(file: file.string, line: 0, reason: nil), line: 0)
    guard let data = FileManager.default.contents(atPath: file.string) else { return shape }
    let root: JSONValue.Located
    do {
      root = try JSONValue.Located(parsing: data)
    } catch {
      let broken = DeploymentFailure.invalidSpec(
        file: file.string, line: error.line, reason: error.message)
      return .invalid(broken, line: error.line)
    }
    guard let name = root["function"], let function = name.stringValue,
      let list = root["checks"]?.arrayValue, list.allSatisfy({ $0.members != nil })
    else { return shape }
    return .spec(
      DeploymentSpec(function: function, functionLine: name.line, checks: list.map(check)))
  }

  /// One check object; the first of `field`, `invoked`, `alias` and `invoke` it has decides
  /// its kind.
  private static func check(_ node: JSONValue.Located) -> Check {
    let check = node.value
    let kind: Kind
    if let path = check["field"]?.stringValue {
      if let minimum = check["atLeast"]?.intValue {
        kind = .atLeast(path: path, minimum: minimum)
      } else if let expected = check["equals"] {
        kind = .equals(path: path, expected: expected)
      } else {
        kind = .unknown(check)
      }
    } else if check["invoked"]?.boolValue == true {
      kind = .invoked
    } else if let alias = check["alias"]?.stringValue {
      kind = .alias(alias, published: check["publishedVersion"]?.boolValue == true)
    } else if let event = check["invoke"] {
      kind = .invoke(event: event, resultContains: check["resultContains"]?.stringValue)
    } else {
      kind = .unknown(check)
    }
    return Check(
      name: check["name"]?.stringValue ?? "check", line: node.line,
      language: check["language"]?.stringValue, kind: kind)
  }
}

/// A deployed function and what the checks read about it.
private struct Deployed {
  let function: FunctionState
  let store: LocalAWSStore
  let maker: any GradedFunctionMaker

  func failures(_ kind: DeploymentSpec.Kind) -> [DeploymentFailure] {
    switch kind {
    case .equals(let path, let expected):
      let actual = value(at: path)
      guard let actual, actual.sameJSON(as: expected) else {
        return [.field(path: path, expected: expected, actual: actual)]
      }
      return []
    case .atLeast(let path, let minimum):
      let actual = value(at: path)
      guard let number = actual?.intValue, number >= minimum else {
        return [.belowMinimum(path: path, minimum: minimum, actual: actual)]
      }
      return []
    case .invoked:
      guard store.invocationCount(function: function.name) > 0 else {
        return [.neverInvoked(logGroup: LocalAWSStore.logGroup(function: function.name))]
      }
      return []
    case .alias(let alias, let published):
      guard let target = function.aliases[alias] else {
        return [.aliasMissing(alias: alias, function: function.name)]
      }
      if published, function.versions[target.functionVersion] == nil {
        return [
          .aliasNotPublished(
            alias: alias, version: target.functionVersion,
            published: function.versions.keys.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) })
        ]
      }
      return []
    case .invoke(let event, let contains):
      return invoke(event, contains)
    case .unknown(let check):
      return [.unknownCheck(check)]
    }
  }

  /// Runs the deployed `$LATEST` once with `event`.
  private func invoke(_ event: JSONValue, _ contains: String?) -> [DeploymentFailure] {
    guard let configuration = store.localConfiguration(of: function) else {
      return [.runtimeNotLocal(runtime: function.latest.runtime)]
    }
    do {
      let runtime = try maker.make(configuration)
      defer { runtime.shutdown() }
      let record = runtime.invoke(Data(event.compactBytes()), qualifier: nil, requestID: nil)
      if record.isError {
        return [.codeFailed(result: record.resultText)]
      }
      if let contains, !record.resultText.contains(contains) {
        return [.resultLacks(text: contains, result: record.resultText)]
      }
      return []
    } catch {
      return [.codeDidNotStart(reason: "\(error)")]
    }
  }

  /// The value at a dotted `field` path of the function's configuration as
  /// `GetFunctionConfiguration` shows it, plus `ReservedConcurrentExecutions` and
  /// `PublishedVersions`; nil when there is none.
  private func value(at path: String) -> JSONValue? {
    switch path {
    case "ReservedConcurrentExecutions": return function.reservedConcurrency.map(JSONValue.int)
    case "PublishedVersions": return .int(function.versions.count)
    default: break
    }
    let latest = function.latest
    let variables = latest.environment.sorted { $0.key < $1.key }.map {
      (key: $0.key, value: JSONValue.string($0.value))
    }
    let configuration: JSONValue = .object([
      ("FunctionName", .string(function.name)), ("Runtime", .string(latest.runtime)),
      ("Handler", .string(latest.handler)), ("Role", .string(latest.role)),
      ("Description", .string(latest.description)), ("Timeout", .int(latest.timeout)),
      ("MemorySize", .int(latest.memorySize)),
      ("EphemeralStorage", .object([("Size", .int(latest.ephemeralStorage))])),
      ("Environment", .object([("Variables", .object(variables))])),
    ])
    return configuration.value(atPath: path)
  }
}
