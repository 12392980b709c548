import Foundation
import SystemSupport
import Terminal

/// Where a command writes: standard output or standard error, with the colour decision attached.
public final class OutputWriter: Sendable {
  private let descriptor: Int32
  /// Set once a write found the pipe closed. Writes happen inside its lock, so the output of
  /// two threads never interleaves within one `write`.
  private let readerGone = Locked(false)
  /// Settings of this stream (colour, width, Unicode) decided once at start-up.
  public let settings: TerminalSettings

  init(descriptor: Int32, settings: TerminalSettings) {
    self.descriptor = descriptor
    self.settings = settings
  }

  /// Writes `text` as is (callers add newlines).
  ///
  /// When the reader has gone (`lambdalings render big.md | head -1`), output stops quietly:
  /// no SIGPIPE, no error, the rest of this run's output is dropped and the command still
  /// finishes (saving progress) and exits with its own status.
  public func write(_ text: String) {
    // Suggested commands were glued so wrapping keeps them whole; spaces again from here on.
    var text = CommandText.unglued(text)
    text.withUTF8 { write(buffer: $0) }
  }

  /// Writes bytes as they are (rendered HTML, for instance; never glued).
  public func write(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { write(buffer: $0) }
  }

  private func write(buffer: UnsafeBufferPointer<UInt8>) {
    readerGone.withLock { readerGone in
      guard !readerGone else { return }
      if !PipeWriter.write(buffer, to: descriptor) && PipeWriter.readerHasGone {
        readerGone = true
      }
    }
  }

  /// Writes `text` and a newline. On a terminal each line of `text` is wrapped to its width
  /// with a hanging indent (`HangingIndent`), so no word is cut by the terminal; piped output
  /// is left as it is.
  public func line(_ text: String = "") { write(fitted(text) + "\n") }

  /// Writes a block of lines (each ending with a newline) as `line` would, wrapped on a
  /// terminal. Use `write` for text that is laid out already (rendered Markdown, code).
  public func lines(_ text: String) {
    // Off a terminal nothing is wrapped: the text goes out as it is, without a copy.
    if columns == nil, text.hasSuffix("\n") { return write(text) }
    let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
    line(body)
  }

  /// The terminal's width now (asked each time: a terminal resized during `watch` gets the new
  /// width); nil off a terminal, where lines are not wrapped.
  var columns: Int? {
    guard settings.isTTY else { return nil }
    return TerminalSize.current(descriptor: descriptor)?.columns ?? settings.width
  }

  /// Whether `line` is shown on one row: always off a terminal.
  func fits(_ line: String) -> Bool {
    guard let columns else { return true }
    return DisplayWidth.of(line) <= columns
  }

  /// `text` wrapped to the terminal's width, line by line; unchanged off a terminal.
  func fitted(_ text: String) -> String {
    guard let width = columns else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap { HangingIndent.wrap(String($0), width: width) }
      .joined(separator: "\n")
  }

  /// Styling helper bound to this stream's colour decision.
  public var styler: Styler { Styler(enabled: settings.useColor) }
}
