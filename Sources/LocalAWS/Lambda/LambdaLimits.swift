/// Lambda's limits on configuration and code, checked as AWS checks them.
enum LambdaLimits {
  /// 50 MB zipped for a direct upload.
  static let maxZippedBytes = 52_428_800
  /// 250 MB unzipped.
  static let maxUnzippedBytes = 262_144_000
  /// 6 MB synchronous payload.
  static let maxSyncPayloadBytes = 6_291_456
  /// 1 MB asynchronous payload.
  static let maxAsyncPayloadBytes = 1_048_576
  /// 4 KB of environment variables.
  static let maxEnvironmentBytes = 4096

  static func zipTooLarge(_ operation: String) -> AWSError {
    AWSError(
      status: 413, type: "RequestEntityTooLargeException",
      message: "Request must be smaller than \(maxZippedBytes * 4 / 3 + 4) bytes for the "
        + "\(operation) operation")
  }

  /// Applies the configuration fields of a Create/UpdateFunctionConfiguration body.
  static func apply(_ input: [String: Any], to version: inout VersionState, function: String)
    throws(AWSError)
  {
    if let description = input["Description"] as? String { version.description = description }
    if let timeout = input["Timeout"] as? Int {
      guard (1...900).contains(timeout) else {
        throw .invalid(
          "'Timeout' value \(timeout) failed to satisfy constraint: Member must have value "
            + "between 1 and 900 seconds")
      }
      version.timeout = timeout
    }
    if let memory = input["MemorySize"] as? Int {
      guard (128...10_240).contains(memory) else {
        throw .invalid(
          "'MemorySize' value \(memory) failed to satisfy constraint: Member must have value "
            + "between 128 and 10240 MB")
      }
      version.memorySize = memory
    }
    if let storage = (input["EphemeralStorage"] as? [String: Any])?["Size"] as? Int {
      guard (512...10_240).contains(storage) else {
        throw .invalid(
          "'EphemeralStorage.Size' value \(storage) failed to satisfy constraint: Member must "
            + "have value between 512 and 10240 MB")
      }
      version.ephemeralStorage = storage
    }
    if let environment = input["Environment"] as? [String: Any] {
      let variables = environment["Variables"] as? [String: Any] ?? [:]
      var strings: [String: String] = [:]
      for (key, value) in variables {
        guard let text = value as? String else {
          throw .invalid("Environment variable \(key) must be a string")
        }
        strings[key] = text
      }
      let measured = JSONBody.encode(strings).count
      guard measured <= maxEnvironmentBytes else {
        throw .invalid(
          "Lambda was unable to configure your environment variables because the environment "
            + "variables you have provided exceeded the 4KB limit. String measured: \(measured) "
            + "bytes")
      }
      version.environment = strings
    }
    if let logging = input["LoggingConfig"] as? [String: Any] {
      if let group = logging["LogGroup"] as? String, group != "/aws/lambda/\(function)" {
        throw .invalid(
          "lambdalings serve writes every function's logs to /aws/lambda/\(function); "
            + "a custom LogGroup (\(group)) is not supported")
      }
      version.logging = try loggingState(logging, current: version.logging)
    }
    try checkRuntime(version.runtime)
    if version.handler.isEmpty && !version.runtime.hasPrefix("provided") {
      throw .invalid("Handler is required for the \(version.runtime) runtime")
    }
  }

  /// Applies a `LoggingConfig` over the current one: JSON or Text, and the levels, which only
  /// the JSON format takes.
  static func loggingState(_ input: [String: Any], current: LoggingState?) throws(AWSError)
    -> LoggingState
  {
    var logging = current ?? LoggingState(logFormat: "Text")
    if let format = input["LogFormat"] as? String {
      guard ["Text", "JSON"].contains(format) else {
        throw .invalid("LoggingConfig.LogFormat must be Text or JSON, not \(format)")
      }
      logging.logFormat = format
    }
    let application = input["ApplicationLogLevel"] as? String
    let system = input["SystemLogLevel"] as? String
    if let application, !["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"].contains(application)
    {
      throw .invalid(
        "LoggingConfig.ApplicationLogLevel must be TRACE, DEBUG, INFO, WARN, ERROR or FATAL, "
          + "not \(application)")
    }
    if let system, !["DEBUG", "INFO", "WARN"].contains(system) {
      throw .invalid("LoggingConfig.SystemLogLevel must be DEBUG, INFO or WARN, not \(system)")
    }
    guard logging.isJSON else {
      if application != nil || system != nil {
        throw .invalid(
          "Log levels need the JSON log format: add LogFormat=JSON to the LoggingConfig")
      }
      logging.applicationLogLevel = nil
      logging.systemLogLevel = nil
      return logging
    }
    logging.applicationLogLevel = application ?? logging.applicationLogLevel ?? "INFO"
    logging.systemLogLevel = system ?? logging.systemLogLevel ?? "INFO"
    return logging
  }

  /// Accepts the runtimes the local runtime can run: python3.x, nodejsNN.x, provided(.al2/.al2023).
  static func checkRuntime(_ runtime: String) throws(AWSError) {
    let python = runtime.hasPrefix("python3.") && Int(runtime.dropFirst(8)) != nil
    let node =
      runtime.hasPrefix("nodejs") && runtime.hasSuffix(".x")
      && Int(runtime.dropFirst(6).dropLast(2)) != nil
    let provided = ["provided", "provided.al2", "provided.al2023"].contains(runtime)
    guard python || node || provided else {
      throw .invalid(
        "Value \(runtime) at 'runtime' is not supported by lambdalings serve: use python3.x "
          + "(e.g. python3.12), nodejsNN.x (e.g. nodejs20.x) or provided.al2023")
    }
  }
}
