#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A value guarded by a mutex that owns it: the value can only be read or changed inside
/// `withLock`, so no access can forget the lock.
///
/// Waiters can sleep until the value reaches a state (`wait(until:_:)`); every `withLock` wakes
/// them when it ends, so a change made under the lock is always seen by a waiter.
///
/// The mutex is a `pthread_mutex_t` with a `pthread_cond_t` (on Linux and macOS alike), kept at a
/// fixed heap address because a pthread mutex must never move. `Synchronization.Mutex` would do
/// the same job but needs macOS 15, and this package supports macOS 13.
///
/// Do not call `withLock` on the same instance from inside its own `body` (the mutex is not
/// recursive), and do not hand out references to mutable state from `body`.
public final class Locked<State> {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let condition: UnsafeMutablePointer<pthread_cond_t>
  private var state: State

  /// A lock owning `state`.
  public init(_ state: State) {
    self.state = state
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
    condition = .allocate(capacity: 1)
    condition.initialize(to: pthread_cond_t())
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    condition.deinitialize(count: 1)
    condition.deallocate()
    pthread_mutex_destroy(mutex)
    mutex.deinitialize(count: 1)
    mutex.deallocate()
  }

  /// Runs `body` with exclusive access to the state, then wakes every waiter.
  public func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
    pthread_mutex_lock(mutex)
    defer {
      pthread_cond_broadcast(condition)
      pthread_mutex_unlock(mutex)
    }
    return try body(&state)
  }

  /// Waits until `ready` returns a value (checked under the lock, first at once and then each
  /// time a `withLock` ends or `wake()` is called), or until `deadline` (a `ProcessClock`
  /// reading) passes; nil on timeout. Without a deadline it waits for as long as it takes.
  public func wait<Result>(
    until deadline: UInt64? = nil, _ ready: (inout State) throws -> Result?
  ) rethrows -> Result? {
    pthread_mutex_lock(mutex)
    defer {
      pthread_cond_broadcast(condition)
      pthread_mutex_unlock(mutex)
    }
    while true {
      if let value = try ready(&state) { return value }
      guard let deadline else {
        pthread_cond_wait(condition, mutex)
        continue
      }
      let now = ProcessClock.now()
      if now >= deadline { return nil }
      var wall = timespec()
      clock_gettime(CLOCK_REALTIME, &wall)
      let total = UInt64(wall.tv_nsec) + (deadline - now)
      wall.tv_sec += Int(total / 1_000_000_000)
      wall.tv_nsec = Int(total % 1_000_000_000)
      // A wall-clock jump only makes this wake early or late once: the loop re-checks
      // `ready` and the monotonic deadline.
      pthread_cond_timedwait(condition, mutex, &wall)
    }
  }

  /// Wakes every waiter so that it checks its condition again (e.g. after something outside
  /// the state changed, such as a child process exiting).
  public func wake() {
    pthread_mutex_lock(mutex)
    pthread_cond_broadcast(condition)
    pthread_mutex_unlock(mutex)
  }
}

// Audited: `state` is private and only touched between `pthread_mutex_lock` and
// `pthread_mutex_unlock` (in `withLock` and `wait`); the pointers never change after `init`.
// Only a `Sendable` state may cross threads this way, because `withLock` can return parts of it.
extension Locked: @unchecked Sendable where State: Sendable {}
