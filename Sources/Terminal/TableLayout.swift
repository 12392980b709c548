/// Chooses column widths for a table that must fit in a given number of columns.
enum TableLayout {
  /// The narrowest a column is squeezed to before the table switches to a stacked layout.
  static let minimumColumn = 3

  /// Widths for columns whose content wants `natural` columns and whose longest words are
  /// `longestWord`, in a table at most `available` columns wide (borders included).
  ///
  /// Columns that fit keep their natural width. Otherwise the widest columns give up space first,
  /// none below its longest word or `minimumColumn`, so an identifier is never cut in two.
  /// Returns nil when even those widths do not fit (the caller stacks the table instead).
  static func columnWidths(natural: [Int], longestWord: [Int], available: Int) -> [Int]? {
    let count = natural.count
    guard count > 0 else { return [] }
    let content = available - (3 * count + 1)
    var widths = natural.map { max($0, 1) }
    var excess = widths.reduce(0, +) - content
    if excess <= 0 { return widths }
    let floors = zip(widths, longestWord).map { width, word in
      min(width, max(minimumColumn, word))
    }
    excess = shrink(&widths, toward: floors, by: excess)
    return excess > 0 ? nil : widths
  }

  /// Takes `excess` columns away, always from the column furthest above its floor, and returns
  /// what could not be taken.
  private static func shrink(_ widths: inout [Int], toward floors: [Int], by excess: Int) -> Int {
    var excess = excess
    while excess > 0 {
      var widest = -1
      for index in widths.indices where widths[index] > floors[index] {
        if widest < 0 || widths[index] > widths[widest] { widest = index }
      }
      guard widest >= 0 else { break }
      // Take a step toward the next widest column at once to keep this linear in practice.
      let second = widths.indices.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
      let step = max(1, min(excess, widths[widest] - max(second, floors[widest])))
      widths[widest] -= step
      excess -= step
    }
    return excess
  }
}
