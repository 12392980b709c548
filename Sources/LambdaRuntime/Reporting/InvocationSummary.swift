import Foundation

/// Statistics over many invocations: counts, duration percentiles, init durations.
public struct InvocationSummary: Sendable, Equatable {
  public var invocations: Int
  public var coldStarts: Int
  public var throttles: Int
  public var errors: Int
  public var environments: Int
  /// Duration percentiles (ms) over invocations that ran.
  public var p50: Double
  public var p95: Double
  public var max: Double
  /// Init durations (ms) of the cold starts, in order.
  public var initDurations: [Double]
  /// Wall-clock span of the whole run in ms.
  public var wallMs: Double

  /// Summarises `records`.
  public init(records: [InvocationRecord]) {
    invocations = records.count
    coldStarts = records.filter(\.cold).count
    throttles = records.filter { $0.status == .throttled }.count
    errors = records.filter { $0.status == .error || $0.status == .timeout }.count
    environments = Set(records.compactMap(\.environmentID)).count
    let ran = records.filter { $0.environmentID != nil }.map(\.durationMs).sorted()
    p50 = InvocationSummary.percentile(ran, 0.50)
    p95 = InvocationSummary.percentile(ran, 0.95)
    max = ran.last ?? 0
    initDurations = records.sorted { $0.invokeSpan.lowerBound < $1.invokeSpan.lowerBound }
      .compactMap(\.initDurationMs)
    let start = records.map { $0.initSpan?.lowerBound ?? $0.invokeSpan.lowerBound }.min() ?? 0
    let end = records.map(\.invokeSpan.upperBound).max() ?? 0
    wallMs = end - start
  }

  /// Nearest-rank percentile of sorted values (0 when empty).
  public static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
  }

  /// The summary as a few aligned lines.
  public var text: String {
    func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }
    var lines = [
      "invocations   \(invocations) (\(environments) environment\(environments == 1 ? "" : "s"),"
        + " \(String(format: "%.0f", wallMs)) ms wall clock)",
      "cold starts   \(coldStarts)",
      "throttles     \(throttles)",
      "errors        \(errors)",
      "duration      p50 \(ms(p50))  p95 \(ms(p95))  max \(ms(max))",
    ]
    if !initDurations.isEmpty {
      let shown = initDurations.prefix(8).map { String(format: "%.1f", $0) }
      let more = initDurations.count > 8 ? ", ..." : ""
      lines.append("init duration \(shown.joined(separator: ", "))\(more) ms")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
