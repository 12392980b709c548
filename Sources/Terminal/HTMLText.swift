import Foundation

/// Reduces raw HTML to its visible text, so the terminal never shows markup soup.
enum HTMLText {
  /// Whether an inline HTML fragment is a line break tag (`<br>`, `<br/>`, `<br />`).
  static func isLineBreak(_ html: String) -> Bool {
    let compact = html.lowercased().filter { !$0.isWhitespace && $0 != "/" }
    return compact == "<br>"
  }

  /// The text of an HTML block with tags and comments removed, common entities decoded and
  /// blank lines collapsed; empty when nothing visible remains.
  static func visibleText(_ html: String) -> String {
    var text = ""
    var index = html.startIndex
    while index < html.endIndex {
      if html[index...].hasPrefix("<!--") {
        let rest = html[html.index(index, offsetBy: 4)...]
        index = rest.range(of: "-->")?.upperBound ?? html.endIndex
        continue
      }
      if html[index] == "<" {
        let close = html[index...].firstIndex(of: ">") ?? html.endIndex
        let tag = html[index..<close].lowercased()
        if tag.hasPrefix("<br") || tag.hasPrefix("<p") || tag.hasPrefix("</p") { text += "\n" }
        index = close < html.endIndex ? html.index(after: close) : close
        continue
      }
      text.append(html[index])
      index = html.index(after: index)
    }
    let lines = decodeEntities(text).split(separator: "\n", omittingEmptySubsequences: true)
      .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
      .filter { !$0.isEmpty }
    return lines.joined(separator: "\n")
  }

  /// Entities decoded in this order (`&amp;` last, so `&amp;lt;` stays `&lt;`).
  private static let entities: [(String, String)] = [
    ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
    ("&nbsp;", " "), ("&amp;", "&"),
  ]

  private static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = text
    for (entity, replacement) in entities {
      result = result.replacingOccurrences(of: entity, with: replacement)
    }
    return result
  }
}
