import Foundation
import SystemSupport

/// A function on the local runtime: a pool of execution environments, with reserved and
/// provisioned concurrency, idle expiry and clean shutdown. `invoke` is thread-safe.
public final class LambdaFunction: @unchecked Sendable {
  /// One environment ever started, for timelines.
  public struct EnvironmentSummary: Sendable, Equatable {
    /// 1, 2, ...
    public var id: Int
    /// Created by provisioned concurrency.
    public var provisioned: Bool
    /// INIT start and end in ms since the function was created (nil while INIT runs).
    public var initSpan: ClosedRange<Double>?
    /// The runtime process id, which is also its process group id.
    public var processID: Int32
  }

  /// The configuration the function was created with.
  public let configuration: FunctionConfiguration
  /// `ProcessClock` reading at creation; record spans are relative to it.
  public let createdAt: UInt64
  let launch: RuntimeLaunch
  let lock = NSLock()
  var idle: [ExecutionEnvironment] = []
  var live: [Int: ExecutionEnvironment] = [:]
  var busy = 0
  var nextEnvironmentID = 1
  var summaries: [Int: EnvironmentSummary] = [:]
  var isShutDown = false
  /// Errors of provisioned environments whose INIT failed.
  public private(set) var provisioningErrors: [String] = []

  /// Validates the configuration, resolves the runtime, and initialises the provisioned
  /// environments (in parallel) before returning.
  public init(configuration: FunctionConfiguration) throws {
    try configuration.validate()
    self.configuration = configuration
    launch = try RuntimeLaunch.resolve(for: configuration)
    createdAt = ProcessClock.now()
    if configuration.provisionedConcurrency > 0 {
      try provision(configuration.provisionedConcurrency)
    }
  }

  deinit {
    shutdown()
  }

  /// Environments started so far (cold starts plus provisioned ones), in order.
  public var environments: [EnvironmentSummary] {
    lock.withLock { summaries.values.sorted { $0.id < $1.id } }
  }

  /// Kills every environment's process group and stops their servers.
  public func shutdown() {
    let all = lock.withLock { () -> [ExecutionEnvironment] in
      isShutDown = true
      let everything = Array(live.values)
      live.removeAll()
      idle.removeAll()
      return everything
    }
    for environment in all { environment.terminate() }
  }

  /// Starts `count` provisioned environments and waits for their INIT.
  private func provision(_ count: Int) throws {
    let environments = try (0..<count).map { _ in try startEnvironment(provisioned: true) }
    let deadline = ProcessClock.now() + 10_000_000_000
    DispatchQueue.concurrentPerform(iterations: environments.count) { index in
      let environment = environments[index]
      let outcome = environment.awaitInit(until: deadline)
      finishInit(environment)
      if outcome == .ready {
        lock.withLock { idle.append(environment) }
      } else {
        let output = environment.process.takeOutput().text
        lock.withLock {
          provisioningErrors.append("environment \(environment.id): \(outcome)\n\(output)")
        }
        release(environment)
      }
    }
  }

  /// Starts a new environment (INIT runs in the background).
  func startEnvironment(provisioned: Bool) throws -> ExecutionEnvironment {
    let id = lock.withLock { () -> Int in
      defer { nextEnvironmentID += 1 }
      return nextEnvironmentID
    }
    let environment = try ExecutionEnvironment(
      id: id, configuration: configuration, launch: launch, provisioned: provisioned)
    lock.withLock {
      live[id] = environment
      summaries[id] = EnvironmentSummary(
        id: id, provisioned: provisioned, initSpan: nil, processID: environment.process.pid)
    }
    return environment
  }

  /// Records the INIT span of an environment once INIT is over.
  func finishInit(_ environment: ExecutionEnvironment) {
    let span = offset(environment.initStarted)...offset(environment.initEnded)
    lock.withLock { summaries[environment.id]?.initSpan = span }
  }

  /// Returns an environment to the pool, or terminates it when it is dead.
  func release(_ environment: ExecutionEnvironment) {
    environment.lastUsed = ProcessClock.now()
    let keep = lock.withLock { () -> Bool in
      let keep = !environment.isDead && !isShutDown
      if keep {
        idle.append(environment)
      } else {
        live[environment.id] = nil
      }
      return keep
    }
    if !keep { environment.terminate() }
  }

  /// Milliseconds since the function was created.
  func offset(_ instant: UInt64) -> Double {
    ProcessClock.milliseconds(from: createdAt, to: instant)
  }
}
