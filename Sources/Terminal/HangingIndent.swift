/// Wraps one line of command output to the terminal width so that its continuation lines start
/// under its text: under the words after a `- `, `a) `, `1. `, `✓ ` or `Next: `, and never
/// further left than the line's own indentation. Words are never cut: a word wider than the
/// line (a path, a URL) overflows on a line of its own.
public enum HangingIndent {
  /// Markers that start a list-like line.
  static let glyphs: Set<String> = [
    "-", "*", "•", "·", "✓", "✔", "✗", "✘", "▶", "○", "●", "◐", "›", ">", "+", "!", "x",
  ]

  /// The column where continuation lines of `line` (plain text) start: after its marker, or
  /// after both when a glyph is followed by a number or label (`✓ 1. `, `▶ Next: `).
  public static func column(of line: String) -> Int {
    let leading = line.prefix { $0 == " " }.count
    // An indented `label:` is a detail under a heading (`  exercises: 3 of 31, ...`), whatever
    // its case; at the start of a line a lower-case one is a message (`error: ...`).
    guard let first = marker(at: line.dropFirst(leading), anyLabel: leading > 0) else {
      return leading
    }
    let column = leading + first
    guard glyphs.contains(String(line.dropFirst(leading).prefix { $0 != " " })),
      let second = marker(at: line.dropFirst(column))
    else { return column }
    return column + second
  }

  /// The width of the marker that starts `text` and the spaces after it, when text follows.
  private static func marker(at text: Substring, anyLabel: Bool = false) -> Int? {
    guard let space = text.firstIndex(of: " ") else { return nil }
    let token = String(text[..<space])
    let spaces = text[space...].prefix { $0 == " " }.count
    guard isMarker(token) || (anyLabel && isLabel(token)), text.count > token.count + spaces
    else { return nil }
    return DisplayWidth.of(token) + spaces
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
    if last == ":" { return isLabel(token) && body.first?.isUppercase == true }
    return false
  }

  /// Whether `token` is a word and a colon (`Next:`, `quizzes:`).
  static func isLabel(_ token: String) -> Bool {
    guard token.count >= 2, token.count <= 12, token.last == ":" else { return false }
    return token.dropLast().allSatisfy(\.isLetter)
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
    // A glued command (`CommandText`) stays on one line unless it is wider than a line.
    let loose = CommandText.loosened(body, width: available - useful)
    return WordWrapper.wrap(
      loose, width: available, hangingIndent: useful, breakingLongWords: false
    ).map { pad + $0 }
  }
}
