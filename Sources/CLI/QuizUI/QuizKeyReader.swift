import Foundation
import SystemSupport

/// One key press read in raw mode.
enum QuizKey: Equatable {
  case character(Character)
  case enter, space, backspace, up, down
  /// Escape, Ctrl-C, Ctrl-D or Ctrl-\: leave the quiz.
  case quit
  /// Input ended (the terminal closed).
  case end
}

/// Reads single keys from a terminal in raw mode (typed answers too, a key at a time).
///
/// Raw mode (no echo, no line buffering, Ctrl-C delivered as a key) is switched on only while
/// `withRawMode` runs, and the original settings are always restored.
final class QuizKeyReader {
  let descriptor: Int32

  /// A reader for `descriptor`, or nil when it is not a terminal.
  init?(descriptor: Int32 = Platform.standardInput) {
    guard Platform.isTerminal(descriptor) else { return nil }
    self.descriptor = descriptor
  }

  /// Runs `body` with the terminal in raw mode, restoring the previous mode afterwards (and on
  /// a signal or crash meanwhile: see `TerminalModes`).
  func withRawMode<T>(_ body: () throws -> T) rethrows -> T {
    try TerminalModes.withRawMode(descriptor, body)
  }

  /// Reads one key (call inside `withRawMode`).
  func readKey() -> QuizKey {
    guard let byte = readByte() else { return .end }
    switch byte {
    case 3, 4, 28: return .quit  // Ctrl-C, Ctrl-D, Ctrl-\ (raw mode turns off their signals)
    case 10, 13: return .enter
    case 32: return .space
    case 8, 127: return .backspace
    case 27:
      guard waitForByte(milliseconds: 30), let next = readByte(), next == 91 || next == 79,
        let final = readByte()
      else { return .quit }
      switch final {
      case 65: return .up
      case 66: return .down
      default: return readKey()
      }
    case 0xC0...0xF7:
      // The first byte of a UTF-8 sequence: read the rest so `é` is one key.
      var bytes = [byte]
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      while bytes.count < length, waitForByte(milliseconds: 30), let next = readByte() {
        bytes.append(next)
      }
      return String(decoding: bytes, as: UTF8.self).first.map { .character($0) } ?? readKey()
    default:
      return .character(Character(Unicode.Scalar(byte)))
    }
  }

  /// Reads one key, or nil when none comes within `timeoutMilliseconds` (call inside
  /// `withRawMode`).
  func readKey(timeoutMilliseconds: Int32) -> QuizKey? {
    waitForByte(milliseconds: timeoutMilliseconds) ? readKey() : nil
  }

  private func readByte() -> UInt8? { Platform.readByte(descriptor) }

  private func waitForByte(milliseconds: Int32) -> Bool {
    Platform.waitForInput(descriptor, milliseconds: milliseconds)
  }
}
