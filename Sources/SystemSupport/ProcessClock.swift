#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A monotonic clock in nanoseconds, for durations that must not jump with the wall clock.
public enum ProcessClock {
  /// Nanoseconds since an arbitrary fixed point (boot, on Linux).
  public static func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }

  /// Milliseconds elapsed between two readings of `now()`, as a `Double`.
  public static func milliseconds(from start: UInt64, to end: UInt64) -> Double {
    end >= start ? Double(end - start) / 1_000_000 : 0
  }
}
