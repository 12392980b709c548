/// The characters the renderer draws with: Unicode box drawing, or an ASCII fallback.
struct RenderGlyphs: Sendable {
  var bullets: [String]
  var unchecked: String
  var checked: String
  var quoteBar: String
  var rule: String
  var heavyRule: String
  var boxHorizontal: String
  var boxVertical: String
  /// Corners and junctions: top-left, top, top-right, left, cross, right, bottom-left, bottom,
  /// bottom-right.
  var boxJoints: [String]
  var calloutTop: String
  var calloutBottom: String

  static let unicode = RenderGlyphs(
    bullets: ["•", "◦", "▪"], unchecked: "☐", checked: "☑", quoteBar: "│", rule: "─",
    heavyRule: "═", boxHorizontal: "─", boxVertical: "│",
    boxJoints: ["┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘"], calloutTop: "╭",
    calloutBottom: "╰")

  static let ascii = RenderGlyphs(
    bullets: ["*", "-", "+"], unchecked: "[ ]", checked: "[x]", quoteBar: "|", rule: "-",
    heavyRule: "=", boxHorizontal: "-", boxVertical: "|",
    boxJoints: ["+", "+", "+", "+", "+", "+", "+", "+", "+"], calloutTop: "+",
    calloutBottom: "+")

  /// The bullet for a list nested `depth` levels deep (0 for the outermost).
  func bullet(depth: Int) -> String { bullets[depth % bullets.count] }

  /// A horizontal line `count` columns long.
  func line(_ count: Int, heavy: Bool = false) -> String {
    String(repeating: heavy ? heavyRule : rule, count: max(0, count))
  }
}
