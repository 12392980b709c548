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
  static func apply(_ input: [String: Any], to version: inout VersionState) throws(AWSError) {
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
    try checkRuntime(version.runtime)
    if version.handler.isEmpty && !version.runtime.hasPrefix("provided") {
      throw .invalid("Handler is required for the \(version.runtime) runtime")
    }
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
