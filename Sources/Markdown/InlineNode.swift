/// A node of the inline arena: nodes are linked by index so wrapping a run of siblings in
/// an emphasis or link is constant time, and no reference counting happens while parsing.
struct InlineNode {
  enum Kind: UInt8 {
    case root, text, softBreak, hardBreak, code, html
    case emphasis, strong, strikethrough, link, image
  }

  var kind: Kind
  /// Literal bytes: a range of the subject, or of the parser's buffer when `inBuffer`.
  var start: Int
  var end: Int
  var inBuffer: Bool
  /// Offset in the subject where the node starts (for its source position).
  var sourceOffset: Int
  var next = -1
  var prev = -1
  var firstChild = -1
  var lastChild = -1
  /// Index into the parser's link targets, for links and images.
  var target = -1

  init(_ kind: Kind, start: Int = 0, end: Int = 0, inBuffer: Bool = false, sourceOffset: Int) {
    self.kind = kind
    self.start = start
    self.end = end
    self.inBuffer = inBuffer
    self.sourceOffset = sourceOffset
  }
}

/// A link or image destination and title, after unescaping.
struct LinkTarget {
  var destination: String
  var title: String
  var isAutolink: Bool
}

/// A run of `*`, `_` or `~` that may open or close emphasis.
struct Delimiter {
  var node: Int
  var char: UInt8
  var length: Int
  var originalLength: Int
  var canOpen: Bool
  var canClose: Bool
  var prev: Int
  var next: Int
}

/// An unmatched `[` or `![`.
struct Bracket {
  var node: Int
  var isImage: Bool
  var active = true
  var bracketAfter = false
  /// Subject offset just after the bracket.
  var textStart: Int
  /// Delimiters at or after this index belong to the bracket's text.
  var delimiterBottom: Int
}
