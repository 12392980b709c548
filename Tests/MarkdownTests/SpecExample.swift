import Foundation

/// One example from the CommonMark or GFM conformance data.
struct SpecExample: Decodable {
  let example: Int
  let section: String
  let markdown: String
  let html: String
  let extensions: [String]?

  /// The fixture directory next to this file.
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func load(_ name: String) throws -> [SpecExample] {
    let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
    return try JSONDecoder().decode([SpecExample].self, from: data)
  }
}

/// The comparison the conformance test uses.
///
/// First an exact comparison. Failing that, the normalisation upstream's `normalize.py`
/// applies where it matters for cmark output: whitespace next to block-level tags is
/// dropped, and the attributes of `<input>` tags are sorted with the XHTML ` /` removed (the
/// GFM spec file lists task-list checkboxes in that normalised form).
enum HTMLComparison {
  static let blockTags: Set<String> = [
    "p", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "div",
  ]

  static func matches(_ actual: String, _ expected: String) -> (exact: Bool, normalized: Bool) {
    if actual == expected { return (true, true) }
    return (false, normalize(actual) == normalize(expected))
  }

  static func normalize(_ html: String) -> String {
    var tokens: [(text: String, isBlockTag: Bool)] = []
    var current = ""
    var inTag = false
    for character in html {
      if character == "<" && !inTag {
        if !current.isEmpty { tokens.append((current, false)) }
        current = "<"
        inTag = true
      } else if character == ">" && inTag {
        current.append(">")
        tokens.append((normalizeTag(current), isBlockTag(current)))
        current = ""
        inTag = false
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { tokens.append((current, false)) }
    var result = ""
    for (index, token) in tokens.enumerated() {
      var text = token.text
      if !token.isBlockTag {
        let previousIsBlock = index > 0 && tokens[index - 1].isBlockTag
        let nextIsBlock = index + 1 < tokens.count && tokens[index + 1].isBlockTag
        if previousIsBlock { text = String(text.drop { $0.isWhitespace }) }
        if nextIsBlock {
          while let last = text.last, last.isWhitespace { text.removeLast() }
        }
      }
      result += text
    }
    return result
  }

  static func isBlockTag(_ tag: String) -> Bool {
    let name = tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
    return blockTags.contains(name.lowercased())
  }

  static func normalizeTag(_ tag: String) -> String {
    guard tag.hasPrefix("<input ") else { return tag }
    var body = tag.dropFirst("<input ".count).dropLast()
    if body.hasSuffix("/") { body = body.dropLast() }
    let attributes = body.split(separator: " ").map(String.init).sorted()
    return "<input " + attributes.joined(separator: " ") + ">"
  }
}
