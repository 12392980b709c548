/// Parsing entry points.
///
/// - Positions: lines are 1-based; columns are 1-based byte offsets (UTF-8) into the source
///   line, as cmark counts them, so a tab counts as one column.
/// - Limits: at most 100 nested container blocks (block quotes, list items) and 100 nested
///   inline containers (emphasis, links); deeper markers stay text and deeper inline
///   formatting is flattened to its text, so walking the tree recursively is always safe.
/// - Extensions: `.gfm` (tables, strikethrough, autolinks, task lists) unless told otherwise.
extension Document {
  /// Parses CommonMark + GFM text. Never fails: any input gives a tree.
  public init(parsing text: String) {
    self.init(normalizedBytes: SourceText.normalize(string: text), extensions: .gfm)
  }

  /// Parses with a chosen set of GitHub extensions (`[]` gives plain CommonMark).
  public init(parsing text: String, extensions: MarkdownExtensions) {
    self.init(normalizedBytes: SourceText.normalize(string: text), extensions: extensions)
  }

  /// Parses raw bytes; invalid UTF-8 and NUL are replaced with U+FFFD.
  public init(parsing bytes: [UInt8]) {
    self.init(normalizedBytes: SourceText.normalize(bytes), extensions: .gfm)
  }

  /// Parses raw bytes with a chosen set of GitHub extensions.
  public init(parsing bytes: [UInt8], extensions: MarkdownExtensions) {
    self.init(normalizedBytes: SourceText.normalize(bytes), extensions: extensions)
  }

  private init(normalizedBytes: [UInt8], extensions: MarkdownExtensions) {
    var parser = BlockParser(
      normalizedBytes, tables: extensions.contains(.tables),
      taskLists: extensions.contains(.taskLists))
    let root = parser.parse()
    let builder = DocumentBuilder(references: parser.references, extensions: extensions)
    self.init(blocks: builder.blocks(root.children))
  }
}
