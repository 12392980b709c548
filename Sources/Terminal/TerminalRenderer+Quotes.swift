import Markdown

extension TerminalRenderer {
  /// A block quote with a bar down its left side, or a labelled box for a GitHub callout.
  func blockQuote(_ blocks: [Block], _ context: RenderContext, _ out: TerminalWriter) {
    if let (callout, rest) = Callout.detect(blocks) {
      calloutBox(callout, blocks: rest, context, out)
      return
    }
    // Too deep to indent further: the content goes on without another bar.
    guard context.canIndent(by: 2) else {
      renderBlocks(blocks, context, out)
      return
    }
    out.push(Array((style(glyphs.quoteBar, [.dim]) + " ").utf8))
    renderBlocks(blocks, context.narrowed(by: 2), out)
    out.pop()
  }

  /// A box open on the right (so code inside is never padded), its label in the top border:
  ///
  ///     ╭─ Note ───────
  ///     │ text
  ///     ╰──────────────
  func calloutBox(
    _ callout: Callout, blocks: [Block], _ context: RenderContext, _ out: TerminalWriter
  ) {
    let width = max(context.width, DisplayWidth.of(callout.label) + 6)
    let colour: [ANSIStyle] = [callout.color]
    let label = " " + callout.label + " "
    let top =
      style(glyphs.calloutTop + glyphs.line(1), colour)
      + style(label, [.bold, callout.color])
      + style(glyphs.line(width - 2 - DisplayWidth.of(label)), colour)
    let bottom = style(glyphs.calloutBottom + glyphs.line(width - 1), colour)
    let indent = context.canIndent(by: 2)
    out.line(top)
    if indent { out.push(Array((style(glyphs.boxVertical, colour) + " ").utf8)) }
    let before = out.lineCount
    renderBlocks(blocks, indent ? context.narrowed(by: 2) : context, out)
    if out.lineCount == before { out.emptyLine() }
    if indent { out.pop() }
    out.line(bottom)
  }
}
