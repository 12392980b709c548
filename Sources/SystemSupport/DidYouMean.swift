/// The one "did you mean" of lambdalings: the name a user most likely meant by a mistyped one.
///
/// Commands, options, chapter and exercise ids, event templates and JSON fields all use it, so
/// every suggestion follows the same rules.
public enum DidYouMean {
  /// The candidate closest to `name`, trying in turn (case-insensitively): an exact match, the
  /// first candidate starting with `name`, the first containing it, the longest candidate that
  /// `name` starts with (`sqs-batch` gives `sqs`), the smallest edit distance (a swap of two
  /// neighbouring letters is one edit) when it is at most half the length of `name` (leading
  /// dashes not counted) plus one, and finally an abbreviation: a candidate with the same
  /// first letter holding every letter of `name` in order (`apigw` gives `apigateway-rest`). Ties go to the earlier candidate;
  /// nil when nothing is close.
  public static func closest(to name: String, among candidates: [String]) -> String? {
    let lowered = name.lowercased()
    guard !lowered.isEmpty, !candidates.isEmpty else { return nil }
    let lowerCandidates = candidates.map { $0.lowercased() }
    let rules: [(String) -> Bool] = [
      { $0 == lowered }, { $0.hasPrefix(lowered) }, { $0.contains(lowered) },
    ]
    for rule in rules {
      if let index = lowerCandidates.firstIndex(where: rule) { return candidates[index] }
    }
    let prefixes = candidates.indices.filter {
      !lowerCandidates[$0].isEmpty && lowered.hasPrefix(lowerCandidates[$0])
    }
    if let index = prefixes.max(by: { candidates[$0].count < candidates[$1].count }) {
      return candidates[index]
    }
    var best: (index: Int, score: Int)?
    for (index, candidate) in lowerCandidates.enumerated() {
      let score = distance(lowered, candidate)
      if score < (best?.score ?? Int.max) { best = (index, score) }
    }
    // Leading dashes are shared by every option and say nothing about closeness: measured
    // without them, `--wdth` is not within reach of `--help`.
    let letters = lowered.drop { $0 == "-" }.count
    if let best, best.score <= letters / 2 + 1 { return candidates[best.index] }
    if lowered.count >= 3,
      let index = lowerCandidates.firstIndex(where: { isAbbreviation(lowered, of: $0) })
    {
      return candidates[index]
    }
    return nil
  }

  /// `; did you mean 'x'?` (with `x` from `closest`) to end a message about `name`, or ""
  /// when nothing is close. `quote` wraps the suggestion (`"` for JSON keys).
  public static func clause(
    to name: String, among candidates: [String], quote: Character = "'"
  ) -> String {
    closest(to: name, among: candidates).map { "; did you mean \(quote)\($0)\(quote)?" } ?? ""
  }

  /// Edit distance where inserting, deleting or changing a character, or swapping two
  /// neighbouring ones ("lsit" -> "list"), each count as one edit.
  public static func distance(_ a: String, _ b: String) -> Int {
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

  /// Whether `short` starts like `long` and has all its letters in `long`, in order.
  static func isAbbreviation(_ short: String, of long: String) -> Bool {
    guard short.first == long.first else { return false }
    var remaining = long[...]
    for character in short {
      guard let index = remaining.firstIndex(of: character) else { return false }
      remaining = remaining[remaining.index(after: index)...]
    }
    return true
  }
}
