/// The Markdown syntax tree shared by the parser and every renderer.
///
/// Every node carries the source position (1-based line and column) where it starts.
/// The tree is plain values so renderers can pattern-match on it. The kinds are not
/// `indirect`: children live in arrays, which already give the indirection, so a node costs no
/// box of its own.

/// A 1-based line and column in the source text.
public struct SourcePosition: Sendable, Equatable, Hashable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}

/// A parsed Markdown document.
public struct Document: Sendable, Equatable {
  public var blocks: [Block]

  public init(blocks: [Block]) {
    self.blocks = blocks
  }
}

/// A block-level node with its position.
public struct Block: Sendable, Equatable {
  public var kind: BlockKind
  public var position: SourcePosition

  public init(_ kind: BlockKind, at position: SourcePosition) {
    self.kind = kind
    self.position = position
  }
}

/// The kinds of block-level node (CommonMark plus GitHub tables).
public enum BlockKind: Sendable, Equatable {
  case paragraph([Inline])
  /// ATX or setext heading, level 1...6.
  case heading(level: Int, content: [Inline])
  case thematicBreak
  case blockQuote([Block])
  case list(ListInfo, items: [ListItem])
  /// Indented (`fenced == false`) or fenced code; `info` is the full info string.
  case codeBlock(info: String, literal: String, fenced: Bool)
  case htmlBlock(String)
  /// GitHub table: one alignment per column, the header cells, then the body rows.
  case table(alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]])
}

/// Column alignment of a GitHub table, from `:--`, `:-:`, `--:`.
public enum TableAlignment: Sendable, Equatable {
  case none, left, center, right
}

/// How a list is marked and spaced.
public struct ListInfo: Sendable, Equatable {
  public var ordered: Bool
  /// First number of an ordered list (1 for bullet lists).
  public var start: Int
  /// A tight list renders its paragraphs without `<p>`.
  public var tight: Bool
  /// The bullet (`-`, `+`, `*`) or the ordered delimiter (`.`, `)`).
  public var delimiter: Character

  public init(ordered: Bool, start: Int, tight: Bool, delimiter: Character) {
    self.ordered = ordered
    self.start = start
    self.tight = tight
    self.delimiter = delimiter
  }
}

/// One item of a list; `task` is set for GitHub task list items (`[ ]` / `[x]`).
public struct ListItem: Sendable, Equatable {
  public enum Task: Sendable, Equatable { case unchecked, checked }

  public var blocks: [Block]
  public var task: Task?
  public var position: SourcePosition

  public init(blocks: [Block], task: Task? = nil, position: SourcePosition) {
    self.blocks = blocks
    self.task = task
    self.position = position
  }
}

/// An inline node with its position.
public struct Inline: Sendable, Equatable {
  public var kind: InlineKind
  public var position: SourcePosition

  public init(_ kind: InlineKind, at position: SourcePosition) {
    self.kind = kind
    self.position = position
  }
}

/// The kinds of inline node (CommonMark plus GitHub strikethrough and autolinks).
public enum InlineKind: Sendable, Equatable {
  case text(String)
  case softBreak
  case hardBreak
  case code(String)
  case emphasis([Inline])
  case strong([Inline])
  case strikethrough([Inline])
  /// Links, including `<autolinks>` and GitHub extended autolinks (`isAutolink == true`).
  case link(destination: String, title: String, children: [Inline], isAutolink: Bool)
  case image(source: String, title: String, alt: [Inline])
  case html(String)
}
