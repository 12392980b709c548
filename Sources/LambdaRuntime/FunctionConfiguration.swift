import Foundation
import SystemSupport

/// Everything that defines a function: code, handler, runtime, limits and concurrency.
public struct FunctionConfiguration: Sendable, Equatable {
  /// The function name (used in the ARN, log group and context).
  public var name: String
  /// The code folder (`LAMBDA_TASK_ROOT`).
  public var codePath: AbsolutePath
  /// `module.function` for Python and Node, anything for `provided`.
  public var handler: String
  /// Which runtime starts the environments.
  public var runtime: LambdaRuntimeKind
  /// Seconds an invocation may run (AWS: 1-900; fractions are allowed locally).
  public var timeout: Double
  /// Memory limit in MB (128-10,240), enforced on the runtime process's resident memory.
  public var memoryMB: Int
  /// The function's own environment variables.
  public var environment: [String: String]
  /// Reserved concurrency: at most this many invocations at once; the rest are throttled.
  public var reservedConcurrency: Int?
  /// Environments initialised before traffic arrives.
  public var provisionedConcurrency: Int
  /// Seconds an unused on-demand environment is kept warm.
  public var idleTimeout: Double
  /// Region reported in `AWS_REGION`.
  public var region: String
  /// Most bytes of output kept per invocation (the rest is counted and dropped).
  public var logCapacity: Int
  /// The version that runs (`AWS_LAMBDA_FUNCTION_VERSION`): `$LATEST` or a published number.
  public var version = "$LATEST"

  /// Creates a configuration; `validate()` checks the ranges.
  public init(
    name: String = "my-function", codePath: AbsolutePath, handler: String? = nil,
    runtime: LambdaRuntimeKind, timeout: Double = 3, memoryMB: Int = 128,
    environment: [String: String] = [:], reservedConcurrency: Int? = nil,
    provisionedConcurrency: Int = 0, idleTimeout: Double = 300, region: String = "us-east-1",
    logCapacity: Int = 1 << 20
  ) {
    self.name = name
    self.codePath = codePath
    self.handler = handler ?? runtime.defaultHandler
    self.runtime = runtime
    self.timeout = timeout
    self.memoryMB = memoryMB
    self.environment = environment
    self.reservedConcurrency = reservedConcurrency
    self.provisionedConcurrency = provisionedConcurrency
    self.idleTimeout = idleTimeout
    self.region = region
    self.logCapacity = logCapacity
  }

  /// The ARN callers use: `arn:aws:lambda:<region>:123456789012:function:<name>`.
  public var functionARN: String {
    "arn:aws:lambda:\(region):123456789012:function:\(name)"
  }

  /// Throws `LambdaRuntimeError.invalidConfiguration` for values AWS would reject.
  public func validate() throws {
    func fail(_ message: String) -> LambdaRuntimeError { .invalidConfiguration(message) }
    guard timeout > 0, timeout <= 900 else {
      throw fail("timeout \(timeout) s is outside 1-900 seconds")
    }
    guard (128...10_240).contains(memoryMB) else {
      throw fail("memory \(memoryMB) MB is outside 128-10240 MB")
    }
    if let reserved = reservedConcurrency, reserved < 0 {
      throw fail("reserved concurrency \(reserved) is negative")
    }
    guard provisionedConcurrency >= 0 else {
      throw fail("provisioned concurrency \(provisionedConcurrency) is negative")
    }
    if let reserved = reservedConcurrency, provisionedConcurrency > reserved {
      throw fail(
        "provisioned concurrency \(provisionedConcurrency) exceeds reserved concurrency "
          + "\(reserved); raise the reserved concurrency or lower the provisioned one")
    }
    let size = environment.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
    guard size <= 4096 else {
      throw fail("environment variables take \(size) bytes; Lambda allows 4 KB in total")
    }
    guard !name.isEmpty, name.count <= 64 else {
      throw fail("function name '\(name)' must have 1-64 characters")
    }
  }
}
