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
    RenderGlyphs.repeated(heavy ? heavyRule : rule, count: count)
  }

  /// `unit` repeated `count` times, built from bytes (much faster than `String(repeating:)`
  /// for multi-byte units such as box drawing characters).
  static func repeated(_ unit: String, count: Int) -> String {
    guard count > 0 else { return "" }
    var unit = unit
    return unit.withUTF8 { bytes in
      if bytes.count == 1 {
        return String(repeating: Character(Unicode.Scalar(bytes[0])), count: count)
      }
      return String(unsafeUninitializedCapacity: bytes.count * count) { buffer in
        var offset = 0
        for _ in 0..<count {
          for byte in bytes {
            buffer[offset] = byte
            offset += 1
          }
        }
        return offset
      }
    }
  }
}
