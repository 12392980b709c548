import Foundation

/// Runs `count` jobs on `workers` threads and hands each result to `deliver` in job order, on
/// the calling thread, as soon as it and every earlier one are done (so output streams in a
/// stable order while later jobs still run).
enum ParallelRunner {
  static func run<Result>(
    _ count: Int, workers: Int, work: @escaping @Sendable (Int) -> Result,
    deliver: (Int, Result) -> Void
  ) {
    guard count > 0 else { return }
    let condition = NSCondition()
    nonisolated(unsafe) var results: [Result?] = Array(repeating: nil, count: count)
    nonisolated(unsafe) var next = 0
    for _ in 0..<min(max(1, workers), count) {
      Thread {
        while true {
          condition.lock()
          let index = next
          next += 1
          condition.unlock()
          guard index < count else { return }
          let result = work(index)
          condition.lock()
          results[index] = result
          condition.broadcast()
          condition.unlock()
        }
      }.start()
    }
    for index in 0..<count {
      condition.lock()
      while results[index] == nil { condition.wait() }
      let result = results[index]
      results[index] = nil
      condition.unlock()
      if let result { deliver(index, result) }
    }
  }
}
