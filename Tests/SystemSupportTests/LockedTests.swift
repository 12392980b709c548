import Foundation
import SystemSupport
import Testing

@Suite struct LockedTests {
  private struct Pair: Sendable {
    var left = 0
    var right = 0
  }

  private struct Failure: Error {}

  @Test func withLockChangesTheStateAndReturnsTheResult() {
    let locked = Locked([1, 2])
    let count = locked.withLock { values -> Int in
      values.append(3)
      return values.count
    }
    #expect(count == 3)
    #expect(locked.withLock { $0 } == [1, 2, 3])
  }

  @Test func aThrowingBodyReleasesTheLock() {
    let locked = Locked(0)
    #expect(throws: Failure.self) {
      try locked.withLock { value in
        value = 7
        throw Failure()
      }
    }
    // A lock left held would deadlock here.
    #expect(locked.withLock { $0 } == 7)
  }

  /// Eight threads each make 20,000 changes that keep `left == right` only as a whole; readers
  /// on the same lock must never see the pair torn, and no increment may be lost.
  @Test func concurrentWritersLoseNothingAndReadersNeverSeeHalfAChange() {
    let locked = Locked(Pair())
    let torn = Locked(0)
    let writers = 8
    let rounds = 20_000
    DispatchQueue.concurrentPerform(iterations: writers + 2) { worker in
      if worker < writers {
        for _ in 0..<rounds {
          locked.withLock { pair in
            pair.left += 1
            pair.right += 1
          }
        }
      } else {
        for _ in 0..<rounds {
          let pair = locked.withLock { $0 }
          if pair.left != pair.right { torn.withLock { $0 += 1 } }
        }
      }
    }
    let pair = locked.withLock { $0 }
    #expect(pair.left == writers * rounds)
    #expect(pair.right == writers * rounds)
    #expect(torn.withLock { $0 } == 0)
  }

  @Test func waitReturnsOnceAnotherThreadMakesTheStateReady() {
    let locked = Locked<String?>(nil)
    DispatchQueue.global().async { locked.withLock { $0 = "ready" } }
    let value = locked.wait(until: ProcessClock.now() + 10_000_000_000) { $0 }
    #expect(value == "ready")
  }

  @Test func waitWithoutDeadlineWaitsForAsLongAsItTakes() {
    let locked = Locked(0)
    let producer = Thread {
      for _ in 0..<100 { locked.withLock { $0 += 1 } }
    }
    producer.start()
    let seen = locked.wait { $0 == 100 ? $0 : nil }
    #expect(seen == 100)
  }

  @Test func waitGivesNilAfterTheDeadlineWithoutAChange() {
    let locked = Locked(false)
    let start = ProcessClock.now()
    let value = locked.wait(until: start + 30_000_000) { $0 ? true : nil }
    #expect(value == nil)
    #expect(ProcessClock.now() >= start + 30_000_000)
  }

  @Test func wakeMakesWaitersLookAgain() {
    // The condition depends on something outside the state, as a child's exit does.
    let outside = Locked(false)
    let locked = Locked(0)
    DispatchQueue.global().async {
      outside.withLock { $0 = true }
      locked.wake()
    }
    let value = locked.wait(until: ProcessClock.now() + 10_000_000_000) { _ in
      outside.withLock { $0 } ? true : nil
    }
    #expect(value == true)
  }
}
