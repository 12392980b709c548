import Foundation

/// Draws a delivery log on a virtual time axis, one lane per source lane (`async`, `queue`,
/// `shard 1`, ...), so the retry schedule, a message parked for its visibility timeout and a
/// blocked shard are visible at a glance.
///
/// ```
/// async     x·······x···············x>
///           +0:00:00.000          +0:03:00.020
///           █ success  x failure  · waiting  > destination  D dead-letter queue  - dropped
/// ```
public struct DeliveryTimeline: Sendable {
  /// Glyphs for each kind of mark.
  public struct Glyphs: Sendable {
    public var success: Character
    public var failure: Character
    public var waiting: Character
    public var destination: Character
    public var deadLetter: Character
    public var dropped: Character

    public static let unicode = Glyphs(
      success: "█", failure: "x", waiting: "·", destination: ">", deadLetter: "D", dropped: "-")
    public static let ascii = Glyphs(
      success: "#", failure: "x", waiting: ".", destination: ">", deadLetter: "D", dropped: "-")
  }

  public var entries: [DeliveryEntry]

  public init(entries: [DeliveryEntry]) {
    self.entries = entries
  }

  /// The picture, at most `width` columns wide.
  public func render(width: Int, glyphs: Glyphs = .unicode) -> String {
    guard !entries.isEmpty else { return "(nothing was delivered)\n" }
    var lanes: [String] = []
    for entry in entries where !lanes.contains(entry.lane) { lanes.append(entry.lane) }
    let start = entries.map(\.at).min() ?? 0
    let end = Swift.max(
      start + 0.001,
      entries.map { entry in
        entry.at + (entry.invocation.map { ($0.durationMs + ($0.initDurationMs ?? 0)) / 1000 } ?? 0)
      }.max() ?? start)
    let labelWidth = Swift.max(10, (lanes.map(\.count).max() ?? 0) + 2)
    let columns = Swift.max(20, width - labelWidth)
    // The last column is kept for marks that land on a delivery (a record sent right after
    // the last attempt), so both stay visible.
    func column(_ time: Double) -> Int {
      Swift.min(
        columns - 2, Swift.max(0, Int((time - start) / (end - start) * Double(columns - 1))))
    }
    var lines: [String] = []
    for lane in lanes {
      var row = [Character](repeating: " ", count: columns)
      let laneEntries = entries.filter { $0.lane == lane }
      // Waiting spans first (from a retry or a parked batch to the next delivery), marks on top.
      for (index, entry) in laneEntries.enumerated()
      where entry.kind == .retry || entry.kind == .parked {
        let next =
          laneEntries[(index + 1)...].first {
            $0.kind != .retry && $0.kind != .parked && $0.at > entry.at
          }?.at ?? entry.at
        if next > entry.at {
          for position in column(entry.at)...column(next) { row[position] = glyphs.waiting }
        }
      }
      func mark(_ glyph: Character, at time: Double) {
        var position = column(time)
        if row[position] == glyphs.success || row[position] == glyphs.failure {
          position = Swift.min(columns - 1, position + 1)
        }
        row[position] = glyph
      }
      for entry in laneEntries {
        switch entry.kind {
        case .delivery:
          let failed = entry.invocation?.status != .success
          row[column(entry.at)] = failed ? glyphs.failure : glyphs.success
        case .destination: mark(glyphs.destination, at: entry.at)
        case .deadLetter: mark(glyphs.deadLetter, at: entry.at)
        case .dropped: mark(glyphs.dropped, at: entry.at)
        case .retry, .parked: break
        }
      }
      let label = lane.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
      lines.append(
        label + String(row).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
      )
    }
    let left = VirtualClock.offset(start)
    let right = VirtualClock.offset(end)
    let gap = Swift.max(1, columns - left.count - right.count)
    lines.append(
      String(repeating: " ", count: labelWidth) + left + String(repeating: " ", count: gap) + right)
    // The legend, wrapped to the width.
    let items = [
      "\(glyphs.success) success", "\(glyphs.failure) failure", "\(glyphs.waiting) waiting",
      "\(glyphs.destination) destination", "\(glyphs.deadLetter) dead-letter queue",
      "\(glyphs.dropped) dropped",
    ]
    var legend = ""
    for item in items {
      if !legend.isEmpty && labelWidth + legend.count + 2 + item.count > Swift.max(width, 40) {
        lines.append(String(repeating: " ", count: labelWidth) + legend)
        legend = ""
      }
      legend += (legend.isEmpty ? "" : "  ") + item
    }
    lines.append(String(repeating: " ", count: labelWidth) + legend)
    return lines.joined(separator: "\n") + "\n"
  }
}
