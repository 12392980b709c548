import Foundation

/// Draws invocations on a time axis, one lane per execution environment, so cold starts
/// (init spans) and warm reuse are visible at a glance.
///
/// ```
/// env 1  ░░░███ ██ ███
/// env 2    ░░░░███
///        0 ms                    412 ms
///        ░ init  █ invocation  (P) provisioned, 2 throttled
/// ```
public struct InvocationTimeline: Sendable {
  /// Glyphs for init, invocation and error spans.
  public struct Glyphs: Sendable {
    public var initSpan: Character
    public var invocation: Character
    public var failure: Character
    public var idle: Character

    public static let unicode = Glyphs(initSpan: "░", invocation: "█", failure: "▓", idle: " ")
    public static let ascii = Glyphs(initSpan: "-", invocation: "#", failure: "x", idle: " ")
  }

  public var records: [InvocationRecord]
  public var environments: [LambdaFunction.EnvironmentSummary]

  public init(records: [InvocationRecord], environments: [LambdaFunction.EnvironmentSummary]) {
    self.records = records
    self.environments = environments
  }

  /// The picture, at most `width` columns wide.
  public func render(width: Int, glyphs: Glyphs = .unicode) -> String {
    let ids = Set(environments.map(\.id)).union(records.compactMap(\.environmentID)).sorted()
    guard !ids.isEmpty else { return "(no environment ran)\n" }
    let start =
      (environments.compactMap { $0.initSpan?.lowerBound }
      + records.map {
        $0.initSpan?.lowerBound ?? $0.invokeSpan.lowerBound
      }).min() ?? 0
    let end = Swift.max(start + 1, records.map(\.invokeSpan.upperBound).max() ?? start + 1)
    let labelWidth = 10
    let columns = Swift.max(10, width - labelWidth)
    func column(_ ms: Double) -> Int {
      Swift.min(columns - 1, Swift.max(0, Int((ms - start) / (end - start) * Double(columns))))
    }
    var lines: [String] = []
    for id in ids {
      var lane = [Character](repeating: glyphs.idle, count: columns)
      func paint(_ span: ClosedRange<Double>, _ glyph: Character) {
        for index in column(span.lowerBound)...column(span.upperBound) { lane[index] = glyph }
      }
      let summary = environments.first { $0.id == id }
      if let span = summary?.initSpan, summary?.provisioned == true { paint(span, glyphs.initSpan) }
      for record in records where record.environmentID == id {
        if let span = record.initSpan { paint(span, glyphs.initSpan) }
        paint(record.invokeSpan, record.status == .success ? glyphs.invocation : glyphs.failure)
      }
      let label = "env \(id)\(summary?.provisioned == true ? " (P)" : "")"
      let padded = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
      lines.append(
        padded
          + String(lane).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
    }
    let total = String(format: "%.0f ms", end - start)
    let axis = "0 ms".padding(
      toLength: Swift.max(5, columns - total.count), withPad: " ", startingAt: 0)
    lines.append(String(repeating: " ", count: labelWidth) + axis + total)
    var legend = "\(glyphs.initSpan) init  \(glyphs.invocation) invocation  \(glyphs.failure) error"
    if environments.contains(where: \.provisioned) { legend += "  (P) provisioned" }
    let throttled = records.filter { $0.status == .throttled }.count
    if throttled > 0 { legend += "  \(throttled) throttled (no lane)" }
    lines.append(String(repeating: " ", count: labelWidth) + legend)
    return lines.joined(separator: "\n") + "\n"
  }
}
