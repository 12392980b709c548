import Foundation
import SystemSupport

/// The one clock every retry, visibility timeout and batching window runs on.
///
/// Time is virtual seconds since the clock started. Waiting for a delay (`advance(to:)`) moves
/// the clock forward at once when `timeScale` is infinite (the default), so a retry that AWS makes
/// two minutes later happens here in no wall time at all; a finite `timeScale` sleeps
/// `delay / timeScale` real seconds instead, so `timeScale: 60` shows one virtual minute per real
/// second. Work that really ran (an invocation) is added with `elapse(_:)`, which never sleeps.
public final class VirtualClock: Sendable {
  /// The wall-clock date of virtual time zero, used for the timestamps in records.
  public let epoch: Date
  /// Virtual seconds per real second; `.infinity` never sleeps.
  public let timeScale: Double
  /// Virtual seconds since the clock started.
  private let current = Locked<Double>(0)

  /// A clock at virtual time zero. `timeScale` must be positive (or infinite).
  public init(epoch: Date = Date(), timeScale: Double = .infinity) {
    self.epoch = epoch
    self.timeScale = timeScale > 0 ? timeScale : .infinity
  }

  /// Virtual seconds since the clock started.
  public var now: Double { current.withLock { $0 } }

  /// Moves to `time` when it lies ahead, sleeping `delay / timeScale` real seconds first.
  public func advance(to time: Double) {
    let delay = current.withLock { time - $0 }
    guard delay > 0 else { return }
    if timeScale.isFinite {
      Thread.sleep(forTimeInterval: delay / timeScale)
    }
    current.withLock { $0 = Swift.max($0, time) }
  }

  /// Adds time that already passed for real (an invocation's duration), without sleeping.
  public func elapse(_ seconds: Double) {
    guard seconds > 0 else { return }
    current.withLock { $0 += seconds }
  }

  /// The wall-clock date of virtual time `time`.
  public func date(at time: Double) -> Date { epoch.addingTimeInterval(time) }

  /// `2019-11-14T18:16:05.568Z`: ISO 8601 in UTC with milliseconds, as Lambda's records use.
  public func timestamp(at time: Double) -> String {
    VirtualClock.iso8601(date(at: time), milliseconds: true)
  }

  /// Milliseconds since 1970 at virtual time `time`, as SQS attributes carry them.
  public func epochMilliseconds(at time: Double) -> Int64 {
    Int64((date(at: time).timeIntervalSince1970 * 1000).rounded(.down))
  }

  /// ISO 8601 in UTC, with or without milliseconds.
  public static func iso8601(_ date: Date, milliseconds: Bool) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions =
      milliseconds ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
    return formatter.string(from: date)
  }

  /// `+0:02:00.000`: a virtual time as an offset from the start, for timelines and logs.
  public static func offset(_ time: Double) -> String {
    let totalMs = Int((time * 1000).rounded())
    let hours = totalMs / 3_600_000
    let minutes = totalMs / 60_000 % 60
    let seconds = totalMs / 1000 % 60
    let ms = totalMs % 1000
    return String(format: "+%d:%02d:%02d.%03d", hours, minutes, seconds, ms)
  }
}
