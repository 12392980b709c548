import Markdown

/// A GitHub alert: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]`.
enum Callout: String, CaseIterable, Sendable {
  case note, tip, important, warning, caution

  /// The label shown in the box's top border.
  var label: String {
    switch self {
    case .note: "Note"
    case .tip: "Tip"
    case .important: "Important"
    case .warning: "Warning"
    case .caution: "Caution"
    }
  }

  /// The colour of the box.
  var color: ANSIStyle {
    switch self {
    case .note: .blue
    case .tip: .green
    case .important: .magenta
    case .warning: .yellow
    case .caution: .red
    }
  }

  /// The callout kind and the quote's blocks without the marker line, or nil for a plain quote.
  static func detect(_ blocks: [Block]) -> (Callout, [Block])? {
    guard let first = blocks.first, case .paragraph(let inlines) = first.kind else { return nil }
    var marker = ""
    var rest = inlines[...]
    while let inline = rest.first {
      if case .text(let text) = inline.kind {
        marker += text
        rest = rest.dropFirst()
      } else {
        break
      }
    }
    if let breakNode = rest.first {
      guard breakNode.kind == .softBreak || breakNode.kind == .hardBreak else { return nil }
      rest = rest.dropFirst()
    }
    let trimmed = marker.trimmingCharacters(in: " \t")
    guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]") else { return nil }
    let name = trimmed.dropFirst(2).dropLast().lowercased()
    guard let callout = Callout(rawValue: name) else { return nil }
    var remaining = Array(blocks.dropFirst())
    if !rest.isEmpty {
      remaining.insert(Block(.paragraph(Array(rest)), at: first.position), at: 0)
    }
    return (callout, remaining)
  }
}

extension String {
  /// The string without leading and trailing characters from `set`.
  fileprivate func trimmingCharacters(in set: String) -> String {
    var slice = self[...]
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
