extension Document {
  /// The same document with each link's destination replaced by what `rewrite` returns for
  /// it (kept when it returns nil): for a renderer that should show where a link leads in
  /// terms of its own program (a course's chapter link as the command that opens it).
  /// Autolinks and images are left alone.
  public func rewritingLinks(_ rewrite: (String) -> String?) -> Document {
    Document(blocks: blocks.map { $0.rewritingLinks(rewrite) })
  }
}

extension Block {
  fileprivate func rewritingLinks(_ rewrite: (String) -> String?) -> Block {
    func inlines(_ list: [Inline]) -> [Inline] { list.map { $0.rewritingLinks(rewrite) } }
    let kind: BlockKind
    switch self.kind {
    case .paragraph(let content): kind = .paragraph(inlines(content))
    case .heading(let level, let content): kind = .heading(level: level, content: inlines(content))
    case .blockQuote(let children): kind = .blockQuote(children.map { $0.rewritingLinks(rewrite) })
    case .list(let info, let items):
      kind = .list(
        info,
        items: items.map { item in
          ListItem(
            blocks: item.blocks.map { $0.rewritingLinks(rewrite) }, task: item.task,
            position: item.position)
        })
    case .table(let alignments, let header, let rows):
      kind = .table(
        alignments: alignments, header: header.map(inlines), rows: rows.map { $0.map(inlines) })
    case .thematicBreak, .codeBlock, .htmlBlock: return self
    }
    return Block(kind, at: position)
  }
}

extension Inline {
  fileprivate func rewritingLinks(_ rewrite: (String) -> String?) -> Inline {
    func inlines(_ list: [Inline]) -> [Inline] { list.map { $0.rewritingLinks(rewrite) } }
    let kind: InlineKind
    switch self.kind {
    case .link(let destination, let title, let children, let isAutolink):
      let target = isAutolink ? destination : (rewrite(destination) ?? destination)
      kind = .link(
        destination: target, title: title, children: inlines(children), isAutolink: isAutolink)
    case .emphasis(let children): kind = .emphasis(inlines(children))
    case .strong(let children): kind = .strong(inlines(children))
    case .strikethrough(let children): kind = .strikethrough(inlines(children))
    case .text, .softBreak, .hardBreak, .code, .html, .image: return self
    }
    return Inline(kind, at: position)
  }
}
