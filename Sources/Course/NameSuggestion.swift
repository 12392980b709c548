/// The closest known name to a mistyped one, for "did you mean" messages.
public enum NameSuggestion {
  /// The candidate within a small edit distance of `input` (case-insensitive), if any.
  public static func closest(to input: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, distance(input.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    if best.1 <= max(2, input.count / 3) { return best.0 }
    return candidates.first { !input.isEmpty && $0.lowercased().hasPrefix(input.lowercased()) }
  }

  /// Edit distance; swapping two neighbouring letters counts as one edit.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
