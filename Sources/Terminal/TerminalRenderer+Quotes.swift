import Markdown

extension TerminalRenderer {
  /// A block quote with a bar down its left side, or a labelled box for a GitHub callout.
  func blockQuote(_ blocks: [Block], _ context: RenderContext) -> [String] {
    if let (callout, rest) = Callout.detect(blocks) {
      return calloutBox(callout, blocks: rest, context)
    }
    // Too deep to indent further: the content goes on without another bar.
    guard context.canIndent(by: 2) else { return renderBlocks(blocks, context) }
    let body = renderBlocks(blocks, context.narrowed(by: 2))
    let bar = style(glyphs.quoteBar, [.dim]) + " "
    return Self.prefixed(body, first: bar, rest: bar)
  }

  /// A box open on the right (so code inside is never padded), its label in the top border:
  ///
  ///     ╭─ Note ───────
  ///     │ text
  ///     ╰──────────────
  func calloutBox(_ callout: Callout, blocks: [Block], _ context: RenderContext) -> [String] {
    let width = max(context.width, DisplayWidth.of(callout.label) + 6)
    let colour: [ANSIStyle] = [callout.color]
    let label = " " + callout.label + " "
    let top =
      style(glyphs.calloutTop + glyphs.line(1), colour)
      + style(label, [.bold, callout.color])
      + style(glyphs.line(width - 2 - DisplayWidth.of(label)), colour)
    let bottom = style(glyphs.calloutBottom + glyphs.line(width - 1), colour)
    let bar = style(glyphs.boxVertical, colour) + " "
    let indent = context.canIndent(by: 2)
    var body = renderBlocks(blocks, indent ? context.narrowed(by: 2) : context)
    if body.isEmpty { body = [""] }
    let framed = indent ? Self.prefixed(body, first: bar, rest: bar) : body
    return [top] + framed + [bottom]
  }
}
