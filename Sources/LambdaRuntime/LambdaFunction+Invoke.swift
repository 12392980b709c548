import Foundation
import SystemSupport

extension LambdaFunction {
  /// Runs one synchronous invocation (like `aws lambda invoke`) and returns its record.
  ///
  /// Never throws: throttling, oversized payloads, timeouts, crashes and handler errors are
  /// all results, shaped as AWS shapes them. A `qualifier` (a version or an alias such as
  /// `live`) is appended to the invoked function ARN the handler sees, as when a caller invokes
  /// `my-function:live`. `requestID` lets a caller that retries the same event (the
  /// asynchronous invoker) keep one request id across attempts, as Lambda does.
  public func invoke(
    event: Data, clientContext: String? = nil, qualifier: String? = nil,
    requestID: String? = nil
  ) -> InvocationRecord {
    let requestID = requestID ?? UUID().uuidString.lowercased()
    let arrival = ProcessClock.now()
    if let rejection = InvocationRejection.check(event: event) {
      return rejected(requestID, at: arrival, rejection)
    }
    guard let (pooled, expired) = acquire() else {
      return rejected(requestID, at: arrival, .throttled)
    }
    defer { pool.withLock { $0.busy -= 1 } }
    for environment in expired { environment.terminate() }
    var candidate = pooled
    while true {
      var builder = RecordBuilder(requestID: requestID, function: self)
      let environment: ExecutionEnvironment
      if let pooledEnvironment = candidate {
        environment = pooledEnvironment
        candidate = nil
      } else {
        do {
          environment = try startEnvironment(provisioned: false)
        } catch {
          builder.logs = "\(error)\n"
          return builder.failedToStart(error, at: arrival)
        }
        let outcome = environment.awaitInit(until: ProcessClock.now() + 10_000_000_000)
        finishInit(environment)
        if outcome != .ready {
          let record = builder.initFailed(outcome, environment: environment)
          release(environment)
          return record
        }
      }
      let invocation = RuntimeChannel.Invocation(
        requestID: requestID, event: Array(event),
        deadlineMs: Int64((Date().timeIntervalSince1970 + configuration.timeout) * 1000),
        functionARN: configuration.functionARN + (qualifier.map { ":\($0)" } ?? ""),
        traceID: LambdaFunction.traceID(),
        clientContext: clientContext, cognitoIdentity: nil)
      let record = builder.run(invocation, on: environment)
      release(environment)
      if let record { return record }
      // The environment ended between invocations (e.g. exit after an unhandled rejection):
      // nothing ran, so run the event on a fresh environment, as AWS would.
    }
  }

  /// Takes an idle environment (or none, meaning a cold start) and expires idle ones;
  /// nil when reserved concurrency is exhausted.
  private func acquire() -> (ExecutionEnvironment?, [ExecutionEnvironment])? {
    pool.withLock { pool -> (ExecutionEnvironment?, [ExecutionEnvironment])? in
      if let reserved = configuration.reservedConcurrency, pool.busy >= reserved { return nil }
      pool.busy += 1
      let expired = LambdaFunction.removeExpired(
        from: &pool, idleTimeout: configuration.idleTimeout)
      return (pool.idle.popLast(), expired)
    }
  }

  /// Terminates environments idle for longer than the idle timeout (and dead ones).
  /// Runs on every invocation and from the background reaper.
  func expireIdleEnvironments() {
    let expired = pool.withLock {
      LambdaFunction.removeExpired(from: &$0, idleTimeout: configuration.idleTimeout)
    }
    for environment in expired { environment.terminate() }
  }

  /// Removes stale or exited environments from the idle list of `pool` (which the caller
  /// holds locked) and returns them, to be terminated outside the lock.
  private static func removeExpired(from pool: inout Pool, idleTimeout: TimeInterval)
    -> [ExecutionEnvironment]
  {
    let now = ProcessClock.now()
    let maxIdle = UInt64(max(0, idleTimeout) * 1e9)
    var expired: [ExecutionEnvironment] = []
    var live = pool.live
    pool.idle.removeAll { environment in
      let lastUsed = environment.lastUsed
      let stale = !environment.provisioned && now > lastUsed && now - lastUsed > maxIdle
      guard stale || environment.process.exit != nil else { return false }
      expired.append(environment)
      live[environment.id] = nil
      return true
    }
    pool.live = live
    return expired
  }

  private func rejected(_ requestID: String, at arrival: UInt64, _ rejection: InvocationRejection)
    -> InvocationRecord
  {
    let at = offset(arrival)
    return InvocationRecord(
      requestID: requestID, environmentID: nil, cold: false, initDurationMs: nil, durationMs: 0,
      billedDurationMs: 0, memorySizeMB: configuration.memoryMB, maxMemoryUsedMB: 0,
      status: rejection.status, statusCode: rejection.statusCode, errorType: rejection.errorType,
      result: Data(rejection.body.utf8), logs: "", droppedLogBytes: 0, initSpan: nil,
      invokeSpan: at...at)
  }

  /// An X-Ray style trace header: `Root=1-<8 hex time>-<24 hex>;Parent=<16 hex>;Sampled=0`.
  static func traceID() -> String {
    let time = String(UInt32(Date().timeIntervalSince1970), radix: 16)
    let random = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let root = String(random.prefix(24))
    let parent = String(random.suffix(16))
    return "Root=1-\(time)-\(root);Parent=\(parent);Sampled=0"
  }
}
