/// Wraps one line of command output to the terminal width so that its continuation lines start
/// under its text: under the words after a `- `, `a) `, `1. `, `✓ ` or `Next: `, and never
/// further left than the line's own indentation. Words are never cut: a word wider than the
/// line (a path, a URL) overflows on a line of its own.
public enum HangingIndent {
  /// Markers that start a list-like line.
  static let glyphs: Set<String> = [
    "-", "*", "•", "·", "✓", "✔", "✗", "✘", "▶", "○", "●", "◐", "›", ">", "+", "!", "x",
  ]

  /// The column where continuation lines of `line` (plain text) start.
  public static func column(of line: String) -> Int {
    let leading = line.prefix { $0 == " " }.count
    let rest = line.dropFirst(leading)
    guard let space = rest.firstIndex(of: " ") else { return leading }
    let token = String(rest[..<space])
    let spaces = rest[space...].prefix { $0 == " " }.count
    guard isMarker(token), rest.count > token.count + spaces else { return leading }
    return leading + DisplayWidth.of(token) + spaces
  }

  /// Whether `token` is a list marker: a glyph, `a)`, `12.`, `3)`, `[x]` or a `Word:` label.
  static func isMarker(_ token: String) -> Bool {
    if glyphs.contains(token) { return true }
    let characters = Array(token)
    guard characters.count >= 2, characters.count <= 12 else { return false }
    let last = characters[characters.count - 1]
    let body = characters.dropLast()
    if last == ")" || last == "." {
      return body.allSatisfy(\.isNumber) || (body.count == 1 && body[0].isLetter)
    }
    if characters.first == "[" && last == "]" { return characters.count <= 3 }
    if last == ":" { return body.allSatisfy(\.isLetter) && body.first?.isUppercase == true }
    return false
  }

  /// `line` (possibly styled) wrapped to `width` columns with a hanging indent; a line that fits
  /// comes back unchanged.
  public static func wrap(_ line: String, width: Int) -> [String] {
    guard DisplayWidth.of(line) > width else { return [line] }
    let plain = ANSIStyle.stripped(line)
    let leading = line.prefix { $0 == " " }.count
    let body = String(line.dropFirst(leading))
    let hanging = max(0, column(of: plain) - leading)
    let available = max(1, width - leading)
    let pad = String(repeating: " ", count: leading)
    let useful = hanging < available / 2 ? hanging : 0
    return WordWrapper.wrap(
      body, width: available, hangingIndent: useful, breakingLongWords: false
    ).map { pad + $0 }
  }
}
