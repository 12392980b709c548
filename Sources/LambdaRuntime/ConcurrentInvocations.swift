import Foundation
import SystemSupport

/// Runs many blocking invocations with a bounded number in flight: the one worker pool behind
/// `invoke --concurrency`, scenario bursts and the concurrency tests.
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
    let workers = max(1, min(concurrency, count))
    let state = Locked(Progress<Value>(results: Array(repeating: nil, count: count)))
    let group = DispatchGroup()
    for _ in 0..<workers {
      group.enter()
      let worker = Thread {
        defer { group.leave() }
        while let index = state.withLock({ $0.claim() }) {
          let result = job(index)
          state.withLock { progress in
            progress.results[index] = result
            completed?(index, result)
          }
        }
      }
      worker.start()
    }
    group.wait()
    return state.withLock { $0.results.compactMap { $0 } }
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
