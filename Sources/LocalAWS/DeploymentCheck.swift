import Foundation
import LambdaRuntime

/// Grades what a learner deployed to `lambdalings serve`: an exercise's `deployment.json`
/// lists checks on the stored state in `<workspace>/serve-state/`, and may invoke the deployed
/// code (from the stored zip, on the local runtime, without writing to the learner's logs).
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
/// `atLeast` compares a number instead of `equals`. A check with `"language": "python"` (or
/// `"node"`) applies only to a learner working in that language, e.g. the runtime and handler. `field` paths read the function's `$LATEST` configuration as `GetFunctionConfiguration`
/// shows it, plus `ReservedConcurrentExecutions` and `PublishedVersions` (a count).
public enum DeploymentCheck {
  /// The outcome of one check: its name and what was wrong (empty when it passed).
  public struct Result: Sendable, Equatable {
    public var name: String
    public var failures: [String]
  }

  /// The file name of the checks inside an exercise folder.
  public static let fileName = "deployment.json"

  /// Runs the checks of `specFile` against the state of `workspace`, leaving out those for
  /// another `language` than the learner's. A broken spec is a single failed result naming
  /// the file (course authors see it in `validate` too).
  public static func run(specFile: String, workspace: String, language: String? = nil)
    -> [Result]
  {
    guard let data = FileManager.default.contents(atPath: specFile),
      let spec = try? JSONBody.object(Array(data)),
      let name = spec["function"] as? String, let checks = spec["checks"] as? [[String: Any]]
    else {
      return [
        Result(
          name: "deployment checks",
          failures: ["\(specFile) is not a valid deployment spec (function + checks)"])
      ]
    }
    let store = LocalAWSStore(directory: LocalAWSStore.directory(workspace: workspace))
    let state: LocalAWSState
    do {
      state = try store.load()
    } catch {
      return [Result(name: "the serve state can be read", failures: ["\(error)"])]
    }
    guard let function = state.functions[name] else {
      return [
        Result(
          name: "function \(name) is deployed",
          failures: [
            "no function named \(name) in \(store.directory.path); start 'lambdalings serve' "
              + "in this workspace and create it with the AWS CLI (--endpoint-url)"
          ])
      ]
    }
    let logs = LogStore(folder: store.logsFolder)
    let mine = checks.filter { check in
      guard let only = check["language"] as? String, let language else { return true }
      return only == language
    }
    return mine.map { check in
      let title = check["name"] as? String ?? "check"
      return Result(name: title, failures: failures(check, function, store: store, logs: logs))
    }
  }

  private static func failures(
    _ check: [String: Any], _ function: FunctionState, store: LocalAWSStore, logs: LogStore
  ) -> [String] {
    if let path = check["field"] as? String {
      let actual = value(at: path, function)
      if let minimum = check["atLeast"] as? Int {
        guard let number = actual as? Int, number >= minimum else {
          return ["\(path): expected at least \(minimum), got \(describe(actual))"]
        }
        return []
      }
      let expected = check["equals"]
      guard let expected, same(actual, expected) else {
        return ["\(path): expected \(describe(expected)), got \(describe(actual))"]
      }
      return []
    }
    if check["invoked"] as? Bool == true {
      let group = logs.group("/aws/lambda/\(function.name)")
      let starts = group?.streams.values.reduce(0) { total, stream in
        total + stream.events.filter { $0.message.hasPrefix("START RequestId:") }.count
      }
      return (starts ?? 0) > 0
        ? [] : ["no invocation in /aws/lambda/\(function.name) yet; run aws lambda invoke"]
    }
    if let alias = check["alias"] as? String {
      guard let target = function.aliases[alias] else {
        return ["no alias \(alias) on \(function.name); create it with aws lambda create-alias"]
      }
      if check["publishedVersion"] as? Bool == true,
        function.versions[target.functionVersion] == nil
      {
        return ["alias \(alias) points at \(target.functionVersion), not a published version"]
      }
      return []
    }
    if let event = check["invoke"] {
      return invokeFailures(event, check["resultContains"] as? String, function, store: store)
    }
    return ["unknown check \(check)"]
  }

  private static func invokeFailures(
    _ event: Any, _ contains: String?, _ function: FunctionState, store: LocalAWSStore
  ) -> [String] {
    let version = function.latest
    guard let kind = LambdaRuntimeKind(name: version.runtime) else {
      return ["runtime \(version.runtime) cannot run locally"]
    }
    let payload = Data(JSONBody.jsonValue(event)?.compactBytes() ?? Array("{}".utf8))
    let configuration = FunctionConfiguration(
      name: function.name, codePath: store.codePath(version), handler: version.handler,
      runtime: kind, timeout: Double(version.timeout), memoryMB: version.memorySize,
      environment: version.runtimeEnvironment)
    do {
      let runtime = try LambdaFunction(configuration: configuration)
      defer { runtime.shutdown() }
      let record = runtime.invoke(event: payload)
      if record.isError {
        return ["the deployed code failed: \(record.resultText)"]
      }
      if let contains, !record.resultText.contains(contains) {
        return ["the result \(record.resultText) does not contain \(contains)"]
      }
      return []
    } catch {
      return ["the deployed code could not start: \(error)"]
    }
  }

  private static func value(at path: String, _ function: FunctionState) -> Any? {
    switch path {
    case "ReservedConcurrentExecutions": return function.reservedConcurrency
    case "PublishedVersions": return function.versions.count
    default: break
    }
    let latest = function.latest
    let root: [String: Any] = [
      "FunctionName": function.name, "Runtime": latest.runtime, "Handler": latest.handler,
      "Role": latest.role, "Description": latest.description, "Timeout": latest.timeout,
      "MemorySize": latest.memorySize, "EphemeralStorage": ["Size": latest.ephemeralStorage],
      "Environment": ["Variables": latest.environment],
    ]
    var current: Any? = root
    for part in path.split(separator: ".") {
      current = (current as? [String: Any])?[String(part)]
    }
    return current
  }

  private static func same(_ actual: Any?, _ expected: Any) -> Bool {
    if let number = expected as? NSNumber, let int = actual as? Int {
      return number.intValue == int
    }
    if let text = expected as? String, let string = actual as? String { return text == string }
    return false
  }

  private static func describe(_ value: Any?) -> String {
    switch value {
    case nil: return "nothing"
    case let text as String: return "\"\(text)\""
    case let some?: return "\(some)"
    }
  }
}
