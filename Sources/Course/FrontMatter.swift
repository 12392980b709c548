/// The `---` delimited `key: value` header at the top of a course Markdown file.
///
/// Values are plain text; lists are comma separated. Parsing never throws: problems are
/// returned as diagnostics with the line they are on.
public struct FrontMatter: Sendable, Equatable {
  /// One `key: value` line.
  public struct Entry: Sendable, Equatable {
    public var key: String
    public var value: String
    public var line: Int
  }

  public var entries: [Entry]
  /// The Markdown after the header.
  public var body: String
  /// The 1-based line of the body's first line in the file.
  public var bodyStartLine: Int
  /// Whether the file had a header at all.
  public var isPresent: Bool

  /// The value of `key`, if present.
  public func value(_ key: String) -> String? {
    entries.first { $0.key == key }?.value
  }

  /// The line `key` is on, or 1 when absent (the header is at the top).
  public func line(of key: String) -> Int {
    entries.first { $0.key == key }?.line ?? 1
  }

  /// A comma-separated list value; empty when absent.
  public func list(_ key: String) -> [String] {
    guard let raw = value(key) else { return [] }
    return raw.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
  }

  /// Splits `text` into header and body, reporting malformed header lines against `file`.
  public static func parse(_ text: String, file: String) -> (FrontMatter, [Diagnostic]) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    guard let first = lines.first, first.trimmingWhitespace() == "---" else {
      let missing = FrontMatter(entries: [], body: text, bodyStartLine: 1, isPresent: false)
      return (missing, [])
    }
    var entries: [Entry] = []
    var diagnostics: [Diagnostic] = []
    var index = 1
    while index < lines.count {
      let line = lines[index]
      let number = index + 1
      index += 1
      let trimmed = line.trimmingWhitespace()
      if trimmed == "---" {
        let body = lines[index...].joined(separator: "\n")
        let matter = FrontMatter(
          entries: entries, body: body, bodyStartLine: index + 1, isPresent: true)
        return (matter, diagnostics)
      }
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let colon = trimmed.firstIndex(of: ":") else {
        diagnostics.append(
          .error(
            "header line '\(trimmed)' is not 'key: value'; write it as 'key: value' or remove it",
            file: file, line: number))
        continue
      }
      let key = trimmed[..<colon].trimmingWhitespace()
      let value = trimmed[trimmed.index(after: colon)...].trimmingWhitespace()
      if let earlier = entries.first(where: { $0.key == key }) {
        diagnostics.append(
          .error(
            "'\(key)' is set twice in the header (first on line \(earlier.line)); keep one",
            file: file, line: number))
        continue
      }
      entries.append(Entry(key: key, value: unquoted(value), line: number))
    }
    // Without its closing line the whole file would be header: use none of its keys.
    diagnostics.append(
      .error(
        "the header opened with '---' on line 1 is never closed; add a line '---' after it",
        file: file, line: 1))
    return (
      FrontMatter(entries: [], body: "", bodyStartLine: lines.count + 1, isPresent: true),
      diagnostics
    )
  }

  private static func unquoted(_ value: String) -> String {
    for quote in ["\"", "'"]
    where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
      return String(value.dropFirst().dropLast())
    }
    return value
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and newlines.
  func trimmingWhitespace() -> String {
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n"
    {
      scalars = scalars.dropFirst()
    }
    while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" {
      scalars = scalars.dropLast()
    }
    return String(String.UnicodeScalarView(scalars))
  }
}
