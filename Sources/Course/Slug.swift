/// GitHub-style heading anchors: lower case, spaces to hyphens, punctuation dropped.
public enum Slug {
  /// The anchor GitHub gives a heading with this text.
  public static func make(_ heading: String) -> String {
    var result = ""
    for character in heading.lowercased() {
      if character.isLetter || character.isNumber || character == "-" || character == "_" {
        result.append(character)
      } else if character == " " {
        result.append("-")
      }
    }
    return result
  }

  /// Anchors of the ATX headings in Markdown text, skipping fenced code.
  public static func anchors(in markdown: String) -> Set<String> {
    Set(headings(in: markdown).keys)
  }

  /// The ATX headings of Markdown text by anchor (`"memory-and-cpu": "Memory and CPU"`),
  /// skipping fenced code; the first heading wins when two have the same anchor.
  public static func headings(in markdown: String) -> [String: String] {
    var headings: [String: String] = [:]
    var fence: String?
    for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = rawLine.trimmingWhitespace()
      if let open = fence {
        if line.hasPrefix(open) { fence = nil }
        continue
      }
      if line.hasPrefix("```") || line.hasPrefix("~~~") {
        fence = String(line.prefix(3))
        continue
      }
      guard line.hasPrefix("#") else { continue }
      let text = line.drop { $0 == "#" }
      guard text.isEmpty || text.hasPrefix(" ") else { continue }
      var title = text.trimmingWhitespace()
      while title.hasSuffix("#") { title = String(title.dropLast()).trimmingWhitespace() }
      let anchor = make(title)
      if headings[anchor] == nil { headings[anchor] = title }
    }
    return headings
  }
}

/// Identifiers of chapters, exercises and quizzes: lower case letters, digits and hyphens.
enum Identifier {
  static func isValid(_ id: String) -> Bool {
    !id.isEmpty && id.first != "-"
      && id.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
      }
  }
}
