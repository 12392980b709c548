import Foundation
import SystemSupport
import Testing

@testable import LambdaRuntime

@Suite struct ConcurrentInvocationsTests {
  private struct Flight: Sendable {
    var inFlight = 0
    var maxInFlight = 0
    var started = 0
  }

  @Test func resultsComeBackInIndexOrder() {
    let results = ConcurrentInvocations.run(count: 50, concurrency: 7) { index in index * index }
    #expect(results == (0..<50).map { $0 * $0 })
  }

  @Test func nothingToDoRunsNothing() {
    let results = ConcurrentInvocations.run(count: 0, concurrency: 4) { index in index }
    #expect(results.isEmpty)
  }

  /// Jobs hold on until `concurrency` of them run together (or nothing is left to start), so
  /// the helper must reach exactly that many at once and never more.
  @Test func runsExactlyTheAskedNumberAtOnce() {
    let flight = Locked(Flight())
    let count = 12
    let concurrency = 4
    let completions = Locked<[Int]>([])
    let results = ConcurrentInvocations.run(
      count: count, concurrency: concurrency,
      completed: { index, _ in completions.withLock { $0.append(index) } }
    ) { index in
      flight.withLock { flight in
        flight.inFlight += 1
        flight.started += 1
        flight.maxInFlight = max(flight.maxInFlight, flight.inFlight)
      }
      _ = flight.wait(until: ProcessClock.now() + 10_000_000_000) { flight in
        flight.inFlight >= concurrency || flight.started == count ? true : nil
      }
      flight.withLock { $0.inFlight -= 1 }
      return index
    }
    #expect(results == Array(0..<count))
    #expect(flight.withLock { $0.maxInFlight } == concurrency)
    #expect(completions.withLock { $0.sorted() } == Array(0..<count))
  }

  @Test func concurrencyAboveTheCountStartsOneWorkerPerJob() {
    let flight = Locked(Flight())
    let results = ConcurrentInvocations.run(count: 3, concurrency: 10) { index in
      flight.withLock { flight in
        flight.inFlight += 1
        flight.maxInFlight = max(flight.maxInFlight, flight.inFlight)
      }
      _ = flight.wait(until: ProcessClock.now() + 10_000_000_000) { $0.inFlight == 3 ? true : nil }
      return index
    }
    #expect(results == [0, 1, 2])
    #expect(flight.withLock { $0.maxInFlight } == 3)
  }
}
