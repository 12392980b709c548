import Markdown

/// Turns inline nodes into one styled string, ready for `WordWrapper`.
///
/// Styles nest through a stack: closing a style resets and reapplies the enclosing ones, so an
/// emphasis inside a coloured heading keeps the heading's colour afterwards.
struct InlineRenderer {
  let color: Bool
  let hyperlinks: Bool
  private(set) var output = ""
  private var stack: [[ANSIStyle]] = []

  init(color: Bool, hyperlinks: Bool) {
    self.color = color
    self.hyperlinks = hyperlinks && color
  }

  /// Renders `inlines` under `base` styles and returns the styled text.
  static func render(
    _ inlines: [Inline], base: [ANSIStyle] = [], color: Bool, hyperlinks: Bool
  ) -> String {
    var renderer = InlineRenderer(color: color, hyperlinks: hyperlinks)
    renderer.push(base)
    renderer.append(inlines)
    renderer.pop()
    return renderer.output
  }

  mutating func append(_ inlines: [Inline]) {
    for inline in inlines { append(inline) }
  }

  mutating func append(_ inline: Inline) {
    switch inline.kind {
    case .text(let text): output += TextSanitizer.clean(text, keepTabs: false)
    case .softBreak: output += " "
    case .hardBreak: output += "\n"
    case .code(let code):
      wrapped(in: [.yellow]) {
        $0.output += TextSanitizer.clean(code, keepTabs: false)
      }
    case .emphasis(let children):
      wrapped(in: [.italic]) { $0.append(children) }
    case .strong(let children):
      wrapped(in: [.bold]) { $0.append(children) }
    case .strikethrough(let children):
      wrapped(in: [.strikethrough]) { $0.append(children) }
    case .link(let destination, _, let children, let isAutolink):
      appendLink(destination: destination, children: children, isAutolink: isAutolink)
    case .image(let source, _, let alt):
      let label = "[image: " + Self.plainText(alt) + "]"
      styledRun(label, [.magenta])
      if !source.isEmpty { styledRun(" (" + TextSanitizer.clean(source) + ")", [.dim]) }
    case .html(let html):
      if HTMLText.isLineBreak(html) { output += "\n" }
    }
  }

  private mutating func appendLink(destination: String, children: [Inline], isAutolink: Bool) {
    let url = TextSanitizer.clean(destination)
    let text = Self.plainText(children)
    let showsURL = !isAutolink && text != url && "mailto:" + text != url && !url.isEmpty
    if hyperlinks && !url.isEmpty {
      output += ANSIStyle.hyperlinkStart(url)
      wrapped(in: [.blue, .underline]) { $0.append(children) }
      output += ANSIStyle.hyperlinkEnd
      return
    }
    wrapped(in: [.blue, .underline]) { $0.append(children) }
    if showsURL { styledRun(" (" + url + ")", [.dim]) }
  }

  /// Appends `text` in `styles` (ansi) or as it is (plain).
  private mutating func styledRun(_ text: String, _ styles: [ANSIStyle]) {
    push(styles)
    output += text
    pop()
  }

  /// Runs `body` inside `styles`. Without colour the text is plain: no `**`, `_` or
  /// backticks, so what is shown is what is measured (table cells, wrapping).
  private mutating func wrapped(in styles: [ANSIStyle], _ body: (inout InlineRenderer) -> Void) {
    push(styles)
    body(&self)
    pop()
  }

  private mutating func push(_ styles: [ANSIStyle]) {
    stack.append(styles)
    if color { ANSIStyle.appendSequence(for: CollectionOfOne(styles), to: &output) }
  }

  private mutating func pop() {
    guard let closed = stack.popLast() else { return }
    guard color, !closed.isEmpty else { return }
    output += ANSIStyle.resetSequence
    ANSIStyle.appendSequence(for: stack, to: &output)
  }

  /// The visible text of inlines with all markup removed (for alt text and link comparison).
  static func plainText(_ inlines: [Inline]) -> String {
    var text = ""
    for inline in inlines {
      switch inline.kind {
      case .text(let value), .code(let value): text += TextSanitizer.clean(value, keepTabs: false)
      case .softBreak, .hardBreak: text += " "
      case .emphasis(let children), .strong(let children), .strikethrough(let children),
        .link(_, _, let children, _), .image(_, _, let children):
        text += plainText(children)
      case .html: break
      }
    }
    return text
  }
}
