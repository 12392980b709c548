import LambdaRuntime

// What readers outside `serve` learn from the stored state: Grader's deployment checks ask
// whether a function was invoked and run its deployed code the way `serve` would.

extension LocalAWSStore {
  /// How many invocations of `function` started, counted from the `START RequestId:` lines
  /// of its log group `/aws/lambda/NAME` (0 when the group does not exist).
  public func invocationCount(function: String) -> Int {
    let group = LogStore(folder: logsFolder).group(Self.logGroup(function: function))
    return group?.streams.values.reduce(0) { total, stream in
      total + stream.events.filter { $0.message.hasPrefix("START RequestId:") }.count
    } ?? 0
  }

  /// The log group `serve` writes a function's invocations to.
  public static func logGroup(function: String) -> String { "/aws/lambda/\(function)" }

  /// The configuration that runs `function`'s `$LATEST` on the local runtime, as `serve`
  /// runs it (stored code, handler, limits, variables); nil when its runtime has no local
  /// runtime.
  public func localConfiguration(of function: FunctionState) -> FunctionConfiguration? {
    localConfiguration(name: function.name, version: function.latest)
  }

  /// The configuration that runs one stored `version` of the function `name` on the local
  /// runtime (serve adds its region, version and provisioned concurrency); nil when its
  /// runtime has no local runtime.
  func localConfiguration(name: String, version: VersionState) -> FunctionConfiguration? {
    guard let kind = LambdaRuntimeKind(name: version.runtime) else { return nil }
    return FunctionConfiguration(
      name: name, codePath: codePath(version), handler: version.handler,
      runtime: kind, timeout: Double(version.timeout), memoryMB: version.memorySize,
      environment: version.runtimeEnvironment)
  }
}
