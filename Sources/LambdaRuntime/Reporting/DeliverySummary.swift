import Foundation

/// Counts over a delivery log: invocations, retries, duplicates, records kept, drops.
public struct DeliverySummary: Sendable, Equatable {
  /// Invocations of the function (every attempt and every batch).
  public var invocations: Int
  /// Invocations that failed (error, timeout, throttle).
  public var failedInvocations: Int
  /// Invocations that were another attempt at something already delivered (an asynchronous
  /// retry, a batch holding a message received before, a stream batch tried again), not
  /// counting duplicates. A failure whose items go to a dead-letter queue or a destination
  /// next is not a retry: three deliveries of one message are two retries.
  public var retries: Int
  /// Duplicate deliveries (the seeded fault).
  public var duplicates: Int
  /// Records sent to each destination, by `TYPE:NAME`.
  public var destinations: [String: Int]
  /// Events or messages sent to a dead-letter queue, by `TYPE:NAME`.
  public var deadLetters: [String: Int]
  /// Events or records discarded without being kept.
  public var dropped: Int
  /// Virtual seconds from the first to the last entry.
  public var virtualSeconds: Double

  public init(entries: [DeliveryEntry]) {
    invocations = entries.filter { $0.kind == .delivery }.count
    failedInvocations =
      entries.filter { $0.kind == .delivery && $0.invocation?.status != .success }.count
    retries = entries.filter { $0.kind == .delivery && $0.attempt > 1 && !$0.duplicate }.count
    duplicates = entries.filter(\.duplicate).count
    var destinations: [String: Int] = [:]
    var deadLetters: [String: Int] = [:]
    for entry in entries {
      guard let target = entry.target else { continue }
      if entry.kind == .destination { destinations[target, default: 0] += 1 }
      if entry.kind == .deadLetter { deadLetters[target, default: 0] += max(1, entry.items.count) }
    }
    self.destinations = destinations
    self.deadLetters = deadLetters
    dropped = entries.filter { $0.kind == .dropped }.map { max(1, $0.items.count) }.reduce(0, +)
    let end = entries.map { entry -> Double in
      entry.at + (entry.invocation.map { (($0.initDurationMs ?? 0) + $0.durationMs) / 1000 } ?? 0)
    }.max()
    virtualSeconds = (end ?? 0) - (entries.map(\.at).min() ?? 0)
  }

  /// Human-friendly virtual duration: `3 min 0.2 s`, `1 h 2 min`, `12.3 s`.
  public static func duration(_ seconds: Double) -> String {
    if seconds < 60 { return String(format: "%.1f s", seconds) }
    if seconds < 3600 {
      return String(
        format: "%d min %.1f s", Int(seconds) / 60, seconds.truncatingRemainder(dividingBy: 60))
    }
    return "\(Int(seconds) / 3600) h \(Int(seconds) / 60 % 60) min"
  }

  /// A few aligned lines.
  public var text: String {
    func list(_ counts: [String: Int]) -> String {
      counts.isEmpty
        ? "none"
        : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
          separator: ", ")
    }
    return [
      "invocations   \(invocations) (\(failedInvocations) failed, \(duplicates) duplicate"
        + "\(duplicates == 1 ? "" : "s"))",
      "retries       \(retries)",
      "destinations  \(list(destinations))",
      "dead letters  \(list(deadLetters))",
      "dropped       \(dropped)",
      "virtual time  \(DeliverySummary.duration(virtualSeconds))",
    ].joined(separator: "\n") + "\n"
  }
}
