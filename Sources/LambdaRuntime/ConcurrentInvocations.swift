import Foundation
import SystemSupport

/// Runs many blocking invocations with a bounded number in flight: the one worker pool behind
/// `invoke --concurrency`, scenario bursts, Grader's case groups, the INIT of provisioned
/// environments, `validate`'s grading runs and the concurrency tests.
///
/// Each worker is its own thread, not a Dispatch work item: an invocation blocks for as long as
/// the handler runs, and a pool sized to the CPU cores would run fewer at once than asked for.
public enum ConcurrentInvocations {
  /// Runs `job(0)`, `job(1)`, ... `job(count - 1)` with at most `concurrency` running at once,
  /// workers taking the next index in order, and returns the results in index order.
  ///
  /// `completed` (optional) sees each result as it finishes, one at a time, in completion order.
  public static func run<Value: Sendable>(
    count: Int, concurrency: Int,
    completed: (@Sendable (_ index: Int, _ result: Value) -> Void)? = nil,
    _ job: @escaping @Sendable (_ index: Int) -> Value
  ) -> [Value] {
    guard count > 0 else { return [] }
    let state = Locked(Progress<Value>(results: Array(repeating: nil, count: count)))
    let group = start(count: count, concurrency: concurrency, state: state, job: job) {
      index, result in
      state.withLock { progress in
        progress.results[index] = result
        completed?(index, result)
      }
    }
    group.wait()
    return state.withLock { $0.results.compactMap { $0 } }
  }

  /// Runs the jobs as `run` does and hands each result to `deliver` on the calling thread, in
  /// index order, as soon as it and every earlier one are done: output streams in a stable
  /// order while later jobs still run (`validate` prints each verdict this way). Results are
  /// not kept once delivered.
  public static func run<Value: Sendable>(
    count: Int, concurrency: Int, _ job: @escaping @Sendable (_ index: Int) -> Value,
    deliverInOrder deliver: (_ index: Int, _ result: Value) -> Void
  ) {
    guard count > 0 else { return }
    let state = Locked(Progress<Value>(results: Array(repeating: nil, count: count)))
    let group = start(count: count, concurrency: concurrency, state: state, job: job) {
      index, result in
      state.withLock { $0.results[index] = result }
    }
    for index in 0..<count {
      let result = state.wait { progress -> Value? in
        defer { progress.results[index] = nil }
        return progress.results[index]
      }
      if let result { deliver(index, result) }
    }
    group.wait()
  }

  /// Starts the worker threads; each takes the next index, runs `job` and hands the result to
  /// `finished`. The group is left when every worker has stopped.
  private static func start<Value: Sendable>(
    count: Int, concurrency: Int, state: Locked<Progress<Value>>,
    job: @escaping @Sendable (Int) -> Value,
    finished: @escaping @Sendable (Int, Value) -> Void
  ) -> DispatchGroup {
    let group = DispatchGroup()
    for _ in 0..<max(1, min(concurrency, count)) {
      group.enter()
      let worker = Thread {
        defer { group.leave() }
        while let index = state.withLock({ $0.claim() }) {
          finished(index, job(index))
        }
      }
      worker.start()
    }
    return group
  }

  /// Which indexes are taken and what finished.
  private struct Progress<Value: Sendable>: Sendable {
    var next = 0
    var results: [Value?]

    /// The next index nobody took yet, or nil when all are taken.
    mutating func claim() -> Int? {
      guard next < results.count else { return nil }
      defer { next += 1 }
      return next
    }
  }
}
