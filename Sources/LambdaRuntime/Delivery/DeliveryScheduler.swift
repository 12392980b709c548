import Foundation
import SystemSupport

/// A queue of actions due at virtual times, run in time order on one `VirtualClock`.
///
/// An action is a value (`Action`: which event to attempt, which shard to poll), not a closure:
/// the queue owns nothing but data behind its lock, and whoever runs it decides what each
/// action does (`run(_:)`). Actions scheduled for the same time run in the order they were
/// scheduled; running one may schedule more. Scheduling is safe from any thread; each `run`
/// drains on the calling thread.
public final class DeliveryScheduler<Action: Sendable>: Sendable {
  private struct Entry: Sendable {
    var time: Double
    var order: Int
    var action: Action
  }

  /// The entries, sorted by time then by order of scheduling.
  private struct Queue: Sendable {
    var entries: [Entry] = []
    var nextOrder = 0
  }

  /// The clock the scheduler advances.
  public let clock: VirtualClock
  private let queue = Locked(Queue())

  public init(clock: VirtualClock) {
    self.clock = clock
  }

  /// Schedules `action` at virtual time `time` (or now, when `time` has passed).
  public func schedule(at time: Double, _ action: Action) {
    queue.withLock { queue in
      let entry = Entry(time: time, order: queue.nextOrder, action: action)
      queue.nextOrder += 1
      // Binary search for the first entry due later than this one: stable for equal times.
      var low = 0
      var high = queue.entries.count
      while low < high {
        let middle = (low + high) / 2
        if queue.entries[middle].time <= time { low = middle + 1 } else { high = middle }
      }
      queue.entries.insert(entry, at: low)
    }
  }

  /// Schedules `action` `delay` virtual seconds from now.
  public func schedule(after delay: Double, _ action: Action) {
    schedule(at: clock.now + Swift.max(0, delay), action)
  }

  /// Actions waiting.
  public var pending: Int { queue.withLock { $0.entries.count } }

  /// Takes due actions in time order, advancing the clock to each and handing it to
  /// `perform`, until none is left.
  public func run(_ perform: (Action) -> Void) {
    while let entry = queue.withLock({ $0.entries.isEmpty ? nil : $0.entries.removeFirst() }) {
      clock.advance(to: entry.time)
      perform(entry.action)
    }
  }
}
