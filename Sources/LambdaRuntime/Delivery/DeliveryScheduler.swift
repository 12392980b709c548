import Foundation

/// A queue of actions due at virtual times, run in time order on one `VirtualClock`.
///
/// Actions scheduled for the same time run in the order they were scheduled. An action may
/// schedule more actions. `run` is not re-entrant: one thread drains the queue at a time.
public final class DeliveryScheduler: @unchecked Sendable {
  private struct Entry {
    var time: Double
    var order: Int
    var action: () -> Void
  }

  /// The clock the scheduler advances.
  public let clock: VirtualClock
  private let lock = NSLock()
  private var entries: [Entry] = []
  private var nextOrder = 0

  public init(clock: VirtualClock) {
    self.clock = clock
  }

  /// Runs `action` at virtual time `time` (or now, when `time` has passed).
  public func schedule(at time: Double, _ action: @escaping () -> Void) {
    lock.withLock {
      let entry = Entry(time: time, order: nextOrder, action: action)
      nextOrder += 1
      // Binary search for the first entry due later than this one: stable for equal times.
      var low = 0
      var high = entries.count
      while low < high {
        let middle = (low + high) / 2
        if entries[middle].time <= time { low = middle + 1 } else { high = middle }
      }
      entries.insert(entry, at: low)
    }
  }

  /// Runs `action` `delay` virtual seconds from now.
  public func schedule(after delay: Double, _ action: @escaping () -> Void) {
    schedule(at: clock.now + Swift.max(0, delay), action)
  }

  /// Actions waiting.
  public var pending: Int { lock.withLock { entries.count } }

  /// Runs due actions in time order, advancing the clock to each, until none is left.
  public func run() {
    while let entry = lock.withLock({ entries.isEmpty ? nil : entries.removeFirst() }) {
      clock.advance(to: entry.time)
      entry.action()
    }
  }
}
