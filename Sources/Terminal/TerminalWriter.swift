/// The one output buffer of a `TerminalRenderer` run (through `TerminalWriter`): every line goes straight into it, behind
/// the prefixes of the containers it sits in (quote bars, list markers and indents).
///
/// A container pushes a prefix for its first line and one for the rest; each line written is
/// preceded by every open prefix. A line with no content gets the prefixes without their
/// trailing spaces, so no line ends in padding. The blank line between two blocks is written
/// only once the second block writes something, so a block that shows nothing (an HTML comment)
/// leaves no gap.
struct LineWriter {
  /// The output so far: whole lines, each ending with a newline.
  private(set) var bytes: [UInt8] = []
  /// Lines written so far, blank separators included.
  private(set) var lineCount = 0
  /// A style each line written by `takeLine` is wrapped in (HTML blocks are dim).
  var lineStyle: [UInt8] = []
  /// When set, the widest line's content (prefixes left out) is kept in `widestLine`.
  var measuresLines = false
  private(set) var widestLine = 0

  private struct Frame {
    var first: [UInt8]
    var rest: [UInt8]
    var used = false
  }

  private var frames: [Frame] = []
  /// The number of frames a blank line waiting to be written sits in, or -1.
  private var pendingBlank = -1
  /// Where the current line starts, and where its content starts (after the prefixes).
  private var lineStart = 0
  private var contentStart = 0

  init(capacity: Int) {
    bytes.reserveCapacity(max(0, capacity))
  }

  /// Opens a container: its first line starts with `first`, the others with `rest`.
  mutating func push(first: [UInt8], rest: [UInt8]) {
    frames.append(Frame(first: first, rest: rest))
  }

  /// Opens a container whose lines all start with `prefix`.
  mutating func push(_ prefix: [UInt8]) {
    frames.append(Frame(first: prefix, rest: prefix))
  }

  mutating func pop() {
    frames.removeLast()
  }

  /// Asks for a blank line before whatever is written next in the current container.
  mutating func requestBlank() {
    pendingBlank = frames.count
  }

  /// Drops a blank line asked for that nothing followed.
  mutating func cancelBlank() {
    pendingBlank = -1
  }

  /// Starts a line: the blank line asked for, if any, then the prefixes.
  mutating func beginLine() {
    if pendingBlank >= 0 {
      let depth = pendingBlank
      pendingBlank = -1
      startLine(depth: depth)
      endLine()
    }
    startLine(depth: frames.count)
  }

  private mutating func startLine(depth: Int) {
    lineStart = bytes.count
    for index in 0..<depth {
      if frames[index].used {
        bytes.append(contentsOf: frames[index].rest)
      } else {
        bytes.append(contentsOf: frames[index].first)
        frames[index].used = true
      }
    }
    contentStart = bytes.count
  }

  /// Ends the line begun last; an empty line loses its prefixes' trailing spaces.
  mutating func endLine() {
    if bytes.count == contentStart {
      while bytes.count > lineStart && bytes[bytes.count - 1] == UInt8(ascii: " ") {
        bytes.removeLast()
      }
    } else if measuresLines {
      let width = bytes.withUnsafeBufferPointer {
        DisplayWidth.of(bytes: UnsafeBufferPointer(rebasing: $0[contentStart...]))
      }
      widestLine = max(widestLine, width)
    }
    bytes.append(UInt8(ascii: "\n"))
    lineCount += 1
    if flush != nil && bytes.count >= Self.pieceSize { flushAll() }
  }

  /// Where whole lines go once `pieceSize` bytes have gathered, when set (else they stay in
  /// `bytes`).
  var flush: ((UnsafeBufferPointer<UInt8>) -> Void)?
  static let pieceSize = 1 << 16

  /// Hands every finished line to `flush` and empties the buffer.
  mutating func flushAll() {
    guard let flush, !bytes.isEmpty else { return }
    bytes.withUnsafeBufferPointer { flush($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  /// Appends bytes to the current line.
  mutating func append(_ content: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: content)
  }

  mutating func append(_ content: [UInt8]) {
    bytes.append(contentsOf: content)
  }

  mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends `unit` `count` times (nothing for a count below 1).
  mutating func appendRepeated(_ unit: String, count: Int) {
    guard count > 0 else { return }
    let length = unit.utf8.count * count
    if unit != repeatedUnit || repeated.count < length {
      repeatedUnit = unit
      repeated = []
      repeated.reserveCapacity(max(length, unit.utf8.count * 128))
      while repeated.count < repeated.capacity - unit.utf8.count + 1 {
        repeated.append(contentsOf: unit.utf8)
      }
    }
    repeated.withUnsafeBufferPointer {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<length]))
    }
  }

  /// A run of one unit that `appendRepeated` copies from.
  private var repeated: [UInt8] = []
  private var repeatedUnit = ""

  /// Writes one whole line.
  mutating func line(_ text: String) {
    beginLine()
    bytes.append(contentsOf: text.utf8)
    endLine()
  }

  /// Writes a line with no content.
  mutating func emptyLine() {
    beginLine()
    endLine()
  }

  /// A wrapped line: `indent` spaces, then `head` and `body`, in `lineStyle` when set and the
  /// line is not empty.
  mutating func takeLine(indent: Int, _ head: [UInt8], _ body: UnsafeBufferPointer<UInt8>) {
    beginLine()
    let styled = !lineStyle.isEmpty && (indent > 0 || !head.isEmpty || !body.isEmpty)
    if styled { bytes.append(contentsOf: lineStyle) }
    for _ in 0..<indent { bytes.append(UInt8(ascii: " ")) }
    bytes.append(contentsOf: head)
    bytes.append(contentsOf: body)
    if styled { bytes.append(contentsOf: ANSIStyle.resetBytes) }
    endLine()
  }

  /// The widest line measured since the last call (see `measuresLines`).
  mutating func takeWidestLine() -> Int {
    defer { widestLine = 0 }
    return widestLine
  }

}

/// The renderer's handle on a `LineWriter` and its reused scratch buffers. The lines live in
/// one struct, so each call makes one exclusive access to them rather than one per field.
final class TerminalWriter: WrappedLineSink {
  private(set) var lines: LineWriter
  /// The inline renderer's buffers, reused by every paragraph, heading and cell.
  var inline = InlineRenderer.Storage()
  /// The wrapper's line buffer, reused by every wrap.
  var wrapLine: [UInt8] = []
  /// A scratch buffer for code (see `takeScratch`).
  private var scratch: [UInt8] = []

  static let pieceSize = LineWriter.pieceSize

  init(capacity: Int) {
    lines = LineWriter(capacity: capacity)
  }

  var bytes: [UInt8] { lines.bytes }
  var lineCount: Int { lines.lineCount }
  var lineStyle: [UInt8] {
    get { lines.lineStyle }
    set { lines.lineStyle = newValue }
  }
  var measuresLines: Bool {
    get { lines.measuresLines }
    set { lines.measuresLines = newValue }
  }
  var flush: ((UnsafeBufferPointer<UInt8>) -> Void)? {
    get { lines.flush }
    set { lines.flush = newValue }
  }

  func push(first: [UInt8], rest: [UInt8]) { lines.push(first: first, rest: rest) }
  func push(_ prefix: [UInt8]) { lines.push(prefix) }
  func pop() { lines.pop() }
  func requestBlank() { lines.requestBlank() }
  func cancelBlank() { lines.cancelBlank() }
  func beginLine() { lines.beginLine() }
  func endLine() { lines.endLine() }
  func flushAll() { lines.flushAll() }
  func append(_ content: UnsafeBufferPointer<UInt8>) { lines.append(content) }
  func append(_ content: [UInt8]) { lines.append(content) }
  func append(_ text: String) { lines.append(text) }
  func appendRepeated(_ unit: String, count: Int) { lines.appendRepeated(unit, count: count) }
  func line(_ text: String) { lines.line(text) }
  func emptyLine() { lines.emptyLine() }
  func takeWidestLine() -> Int { lines.takeWidestLine() }

  func takeLine(indent: Int, _ head: [UInt8], _ body: UnsafeBufferPointer<UInt8>) {
    lines.takeLine(indent: indent, head, body)
  }

  /// Hands out the scratch buffer, emptied; give it back with `returnScratch`.
  func takeScratch() -> [UInt8] {
    var taken: [UInt8] = []
    swap(&taken, &scratch)
    taken.removeAll(keepingCapacity: true)
    return taken
  }

  func returnScratch(_ buffer: [UInt8]) {
    scratch = buffer
  }
}
