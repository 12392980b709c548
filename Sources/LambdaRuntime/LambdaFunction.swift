import Foundation
import SystemSupport

/// A function on the local runtime: a pool of execution environments, with reserved and
/// provisioned concurrency, idle expiry and clean shutdown. `invoke` is thread-safe.
public final class LambdaFunction: Sendable {
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
  /// The pool, behind the lock that owns it.
  let pool = Locked(Pool())

  /// The environments and counters every invocation shares.
  struct Pool: Sendable {
    /// Environments waiting for an invocation (the last one is reused first).
    var idle: [ExecutionEnvironment] = []
    /// Every environment not yet terminated, by id.
    var live: [Int: ExecutionEnvironment] = [:]
    /// Invocations running now (for reserved concurrency).
    var busy = 0
    var nextEnvironmentID = 1
    var summaries: [Int: EnvironmentSummary] = [:]
    var isShutDown = false
    var provisioningErrors: [String] = []
  }

  /// Errors of provisioned environments whose INIT failed.
  public var provisioningErrors: [String] { pool.withLock { $0.provisioningErrors } }

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
    scheduleReaper(every: min(max(configuration.idleTimeout / 4, 0.05), 60))
  }

  /// Expires idle environments in the background, checking four times per idle timeout,
  /// until the function is shut down or released.
  private func scheduleReaper(every interval: Double) {
    DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + interval) {
      [weak self] in
      guard let self, !pool.withLock({ $0.isShutDown }) else { return }
      expireIdleEnvironments()
      scheduleReaper(every: interval)
    }
  }

  deinit {
    shutdown()
  }

  /// Environments started so far (cold starts plus provisioned ones), in order.
  public var environments: [EnvironmentSummary] {
    pool.withLock { $0.summaries.values.sorted { $0.id < $1.id } }
  }

  /// How long `shutdown()` lets the runtimes end by themselves after SIGTERM.
  static let shutdownGrace: UInt64 = 500_000_000

  /// Ends every environment the function started, as one set: SIGTERM to every process group,
  /// one grace period (`shutdownGrace`) for all of them together, then SIGKILL to each group,
  /// its server stopped and its process reaped. Safe to call more than once and from any
  /// thread; `deinit` calls it, so a function nobody shut down cannot leave processes behind.
  public func shutdown() {
    let all = pool.withLock { pool -> [ExecutionEnvironment] in
      pool.isShutDown = true
      let everything = Array(pool.live.values)
      pool.live.removeAll()
      pool.idle.removeAll()
      return everything
    }
    guard !all.isEmpty else { return }
    for environment in all { environment.requestStop() }
    let deadline = ProcessClock.now() + LambdaFunction.shutdownGrace
    for environment in all { _ = environment.process.waitForExit(until: deadline) }
    for environment in all { environment.terminate() }
  }

  /// Starts `count` provisioned environments and waits for their INIT.
  private func provision(_ count: Int) throws {
    let environments = try (0..<count).map { _ in try startEnvironment(provisioned: true) }
    let deadline = ProcessClock.now() + 10_000_000_000
    _ = ConcurrentInvocations.run(count: environments.count, concurrency: environments.count) {
      [self] index in
      let environment = environments[index]
      let outcome = environment.awaitInit(until: deadline)
      finishInit(environment)
      if outcome == .ready {
        pool.withLock { $0.idle.append(environment) }
      } else {
        let output = environment.process.takeOutput().text
        pool.withLock {
          $0.provisioningErrors.append("environment \(environment.id): \(outcome)\n\(output)")
        }
        release(environment)
      }
    }
  }

  /// Starts a new environment (INIT runs in the background).
  func startEnvironment(provisioned: Bool) throws -> ExecutionEnvironment {
    let id = pool.withLock { pool -> Int in
      defer { pool.nextEnvironmentID += 1 }
      return pool.nextEnvironmentID
    }
    let environment = try ExecutionEnvironment(
      id: id, configuration: configuration, launch: launch, provisioned: provisioned)
    pool.withLock {
      $0.live[id] = environment
      $0.summaries[id] = EnvironmentSummary(
        id: id, provisioned: provisioned, initSpan: nil, processID: environment.process.pid)
    }
    return environment
  }

  /// Records the INIT span of an environment once INIT is over.
  func finishInit(_ environment: ExecutionEnvironment) {
    let span = offset(environment.initStarted)...offset(environment.initEnded)
    pool.withLock { $0.summaries[environment.id]?.initSpan = span }
  }

  /// Returns an environment to the pool, or terminates it when it is dead.
  func release(_ environment: ExecutionEnvironment) {
    environment.markUsed()
    let keep = pool.withLock { pool -> Bool in
      let keep = !environment.isDead && !pool.isShutDown
      if keep {
        pool.idle.append(environment)
      } else {
        pool.live[environment.id] = nil
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
