extension Document {
  /// Parses CommonMark + GFM text. Never fails: any input gives a tree.
  public init(parsing text: String) {
    self.init(normalizedBytes: SourceText.normalize(string: text))
  }

  /// Parses raw bytes; invalid UTF-8 and NUL are replaced with U+FFFD.
  public init(parsing bytes: [UInt8]) {
    self.init(normalizedBytes: SourceText.normalize(bytes))
  }

  private init(normalizedBytes: [UInt8]) {
    var parser = BlockParser(normalizedBytes)
    let root = parser.parse()
    let builder = DocumentBuilder(references: parser.references)
    self.init(blocks: builder.blocks(root.children))
  }
}
