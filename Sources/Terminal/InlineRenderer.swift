import Markdown

/// Turns inline nodes into one styled run of UTF-8 bytes, ready for `WordWrapper`.
///
/// Styles nest through a stack: closing a style resets and reapplies the enclosing ones, so an
/// emphasis inside a coloured heading keeps the heading's colour afterwards.
struct InlineRenderer {
  let color: Bool
  let hyperlinks: Bool
  private(set) var output: [UInt8]
  /// The SGR parameters of every open style, joined by `;` (what a pop reapplies).
  private var codes: [UInt8] = []
  /// `codes.count` before each open style was pushed.
  private var marks: [Int] = []

  init(color: Bool, hyperlinks: Bool, buffer: [UInt8] = []) {
    self.color = color
    self.hyperlinks = hyperlinks && color
    output = buffer
  }

  /// Renders `inlines` under `base` styles and returns the styled text.
  static func render(
    _ inlines: [Inline], base: [ANSIStyle] = [], color: Bool, hyperlinks: Bool
  ) -> String {
    let bytes = render(inlines, base: base, color: color, hyperlinks: hyperlinks, into: [])
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Renders `inlines` under `base` styles after the bytes already in `buffer`.
  static func render(
    _ inlines: [Inline], base: [ANSIStyle], color: Bool, hyperlinks: Bool, into buffer: [UInt8]
  ) -> [UInt8] {
    var storage = Storage(output: buffer)
    render(inlines, base: base, color: color, hyperlinks: hyperlinks, storage: &storage)
    return storage.output
  }

  /// The buffers of a renderer, kept between runs so that each run allocates nothing.
  struct Storage {
    var output: [UInt8] = []
    var codes: [UInt8] = []
    var marks: [Int] = []
  }

  /// Renders `inlines` under `base` styles after the bytes in `storage.output`.
  static func render(
    _ inlines: [Inline], base: [ANSIStyle], color: Bool, hyperlinks: Bool,
    storage: inout Storage
  ) {
    var renderer = InlineRenderer(color: color, hyperlinks: hyperlinks)
    swap(&renderer.output, &storage.output)
    swap(&renderer.codes, &storage.codes)
    swap(&renderer.marks, &storage.marks)
    renderer.codes.removeAll(keepingCapacity: true)
    renderer.marks.removeAll(keepingCapacity: true)
    renderer.push(base)
    renderer.append(inlines)
    renderer.pop()
    swap(&renderer.output, &storage.output)
    swap(&renderer.codes, &storage.codes)
    swap(&renderer.marks, &storage.marks)
  }

  private static let code: [ANSIStyle] = [.yellow]
  private static let emphasis: [ANSIStyle] = [.italic]
  private static let strong: [ANSIStyle] = [.bold]
  private static let strikethrough: [ANSIStyle] = [.strikethrough]
  private static let link: [ANSIStyle] = [.blue, .underline]
  private static let image: [ANSIStyle] = [.magenta]
  private static let dim: [ANSIStyle] = [.dim]

  mutating func append(_ inlines: [Inline]) {
    for inline in inlines { append(inline) }
  }

  mutating func append(_ inline: Inline) {
    switch inline.kind {
    case .text(let text): TextSanitizer.append(text, keepTabs: false, to: &output)
    case .softBreak: output.append(UInt8(ascii: " "))
    case .hardBreak: output.append(UInt8(ascii: "\n"))
    case .code(let code):
      push(Self.code)
      TextSanitizer.append(code, keepTabs: false, to: &output)
      pop()
    case .emphasis(let children):
      wrapped(in: Self.emphasis, children)
    case .strong(let children):
      wrapped(in: Self.strong, children)
    case .strikethrough(let children):
      wrapped(in: Self.strikethrough, children)
    case .link(let destination, _, let children, let isAutolink):
      appendLink(destination: destination, children: children, isAutolink: isAutolink)
    case .image(let source, _, let alt):
      styledRun("[image: " + Self.plainText(alt) + "]", Self.image)
      if !source.isEmpty { styledRun(" (" + TextSanitizer.clean(source) + ")", Self.dim) }
    case .html(let html):
      if HTMLText.isLineBreak(html) { output.append(UInt8(ascii: "\n")) }
    }
  }

  private mutating func appendLink(destination: String, children: [Inline], isAutolink: Bool) {
    let url = TextSanitizer.clean(destination)
    // Only a URL with a scheme is something a terminal can open; a relative destination (a
    // course's own chapter, a file next to the text) is shown after the text instead.
    if hyperlinks && Self.hasScheme(url) {
      output.append(contentsOf: ANSIStyle.hyperlinkStart(url).utf8)
      wrapped(in: Self.link, children)
      output.append(contentsOf: ANSIStyle.hyperlinkEnd.utf8)
      return
    }
    wrapped(in: Self.link, children)
    guard !isAutolink && !url.isEmpty else { return }
    let text = Self.plainText(children)
    if text != url && "mailto:" + text != url { styledRun(" (" + url + ")", Self.dim) }
  }

  /// Whether `text` starts with a URL scheme (`https:`, `mailto:`): a letter, then letters,
  /// digits, `+`, `-` or `.`, then a colon.
  static func hasScheme(_ text: String) -> Bool {
    guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII,
      first.isLetter
    else { return false }
    return text[..<colon].allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".")
    }
  }

  /// Appends `text` in `styles` (ansi) or as it is (plain).
  private mutating func styledRun(_ text: String, _ styles: [ANSIStyle]) {
    push(styles)
    output.append(contentsOf: text.utf8)
    pop()
  }

  /// Appends `children` inside `styles`. Without colour the text is plain: no `**`, `_` or
  /// backticks, so what is shown is what is measured (table cells, wrapping).
  private mutating func wrapped(in styles: [ANSIStyle], _ children: [Inline]) {
    push(styles)
    append(children)
    pop()
  }

  private mutating func push(_ styles: [ANSIStyle]) {
    guard color else { return }
    marks.append(codes.count)
    guard !styles.isEmpty else { return }
    if !codes.isEmpty { codes.append(UInt8(ascii: ";")) }
    ANSIStyle.appendCodes(styles, to: &codes)
    ANSIStyle.appendSequence(for: styles, to: &output)
  }

  private mutating func pop() {
    guard color, let mark = marks.popLast(), codes.count > mark else { return }
    codes.removeSubrange(mark...)
    output.append(contentsOf: ANSIStyle.resetBytes)
    guard !codes.isEmpty else { return }
    output.append(0x1B)
    output.append(UInt8(ascii: "["))
    output.append(contentsOf: codes)
    output.append(UInt8(ascii: "m"))
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
