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

  public init(entries: [Entry], body: String, bodyStartLine: Int, isPresent: Bool) {
    self.entries = entries
    self.body = body
    self.bodyStartLine = bodyStartLine
    self.isPresent = isPresent
  }

  /// No header: the whole `text` is body.
  public static func absent(body text: String = "") -> FrontMatter {
    FrontMatter(entries: [], body: text, bodyStartLine: 1, isPresent: false)
  }

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
    // ASCII text (ids always are) splits on the comma byte, without breaking it into
    // Characters first: a chapter's `exercises:` list is read on every listing.
    if raw.utf8.allSatisfy({ $0 < 0x80 }) {
      return raw.utf8.split(separator: UInt8(ascii: ",")).map {
        String(Substring($0)).trimmingWhitespace()
      }.filter { !$0.isEmpty }
    }
    return raw.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
  }

  /// Splits `text` into header and body, reporting malformed header lines against `file`.
  public static func parse(_ text: String, file: String) -> (FrontMatter, [Diagnostic]) {
    // Split on the newline byte: faster than on Characters, and it also splits CRLF lines
    // (a "\r\n" pair is one Character, which a Character split never breaks).
    let lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map {
      let line = Substring($0)
      return line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
    }
    guard let first = lines.first, first.trimmingWhitespace() == "---" else {
      return (.absent(body: text), [])
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
    // Whitespace is ASCII, so byte positions are character boundaries; working on UTF-8 avoids
    // rebuilding the string scalar by scalar (the course loader's hottest call).
    let text = Substring(self)
    let utf8 = text.utf8
    func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 || byte == 10 }
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
    while start < end {
      let before = utf8.index(before: end)
      guard isSpace(utf8[before]) else { break }
      end = before
    }
    return String(Substring(utf8[start..<end]))
  }
}
