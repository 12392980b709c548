import Foundation

/// How to start a runtime process for one function: program, arguments, fixed variables.
/// Resolved once per function, so starting an environment costs only the spawn.
struct RuntimeLaunch: Sendable {
  var executable: String
  var arguments: [String]
  var executionEnvironment: String
  var runtimeDirectory: String

  /// Resolves the interpreter and bootstrap for `configuration`, or explains what is missing.
  static func resolve(for configuration: FunctionConfiguration) throws -> RuntimeLaunch {
    let code = configuration.codePath
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: code.string, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw LambdaRuntimeError.codeNotFound(
        path: code.string,
        detail: "the code folder does not exist; pass the folder or handler file")
    }
    let searchPath = configuration.environment["PATH"]
    switch configuration.runtime {
    case .provided:
      let bootstrap = code.appending("bootstrap").string
      guard FileManager.default.isExecutableFile(atPath: bootstrap) else {
        throw LambdaRuntimeError.codeNotFound(
          path: bootstrap,
          detail: "the provided runtime needs an executable file named bootstrap here "
            + "(create it and run `chmod +x bootstrap`)")
      }
      return RuntimeLaunch(
        executable: bootstrap, arguments: [],
        executionEnvironment: "AWS_Lambda_provided.al2023", runtimeDirectory: code.string)
    case .python, .nodejs:
      guard let interpreter = try Interpreter.resolve(configuration.runtime, path: searchPath),
        let script = try BootstrapCache.path(for: configuration.runtime)
      else {
        throw LambdaRuntimeError.system("no interpreter for \(configuration.runtime.rawValue)")
      }
      let arguments =
        configuration.runtime == .python ? ["-S", script.string] : [script.string]
      return RuntimeLaunch(
        executable: interpreter.path.string, arguments: arguments,
        executionEnvironment: interpreter.executionEnvironment(for: configuration.runtime),
        runtimeDirectory: script.parent.string)
    }
  }

  /// The complete environment of a runtime process (the contract's variables win over the
  /// function's own, except PATH and LANG).
  func environment(
    for configuration: FunctionConfiguration, apiAddress: String, logStream: String,
    provisioned: Bool
  ) -> [String: String] {
    let inherited = ProcessInfo.processInfo.environment
    var result: [String: String] = [
      "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
      "LANG": "en_US.UTF-8",
    ]
    if let home = inherited["HOME"] { result["HOME"] = home }
    for (key, value) in configuration.environment { result[key] = value }
    let fixed: [String: String] = [
      "AWS_LAMBDA_FUNCTION_NAME": configuration.name,
      "AWS_LAMBDA_FUNCTION_VERSION": configuration.version,
      "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(configuration.memoryMB),
      "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(configuration.name)",
      "AWS_LAMBDA_LOG_STREAM_NAME": logStream,
      "AWS_LAMBDA_RUNTIME_API": apiAddress,
      "AWS_REGION": configuration.region,
      "AWS_DEFAULT_REGION": configuration.region,
      "AWS_EXECUTION_ENV": executionEnvironment,
      "_HANDLER": configuration.handler,
      "LAMBDA_TASK_ROOT": configuration.codePath.string,
      "LAMBDA_RUNTIME_DIR": runtimeDirectory,
      "TZ": ":UTC",
      "AWS_LAMBDA_INITIALIZATION_TYPE": provisioned ? "provisioned-concurrency" : "on-demand",
    ]
    result.merge(fixed) { _, new in new }
    return result
  }
}
