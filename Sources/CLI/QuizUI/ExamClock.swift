import Foundation
import Quiz

/// The running clock of a timed exam on a terminal: the real time left, redrawn every second
/// while the learner thinks, and the moment the exam ends even if no key is pressed.
final class ExamClock {
  /// When time is up (wall clock, not the overridable "now" of the context).
  let deadline: Date
  /// Set by the key readers when they stopped waiting because time ran out.
  private(set) var expired = false

  init(seconds: TimeInterval, from start: Date = Date()) {
    deadline = start.addingTimeInterval(seconds)
  }

  /// Seconds left now (never negative).
  var remaining: TimeInterval { max(0, deadline.timeIntervalSinceNow) }

  /// What the status line shows: `time left 12:34`.
  var label: String { "time left \(MockExam.clock(remaining))" }

  /// Waits for a key, calling `redraw` once a second; nil (and `expired` set) when time is up.
  func nextKey(_ keys: QuizKeyReader, redraw: () -> Void) -> QuizKey? {
    while true {
      let left = remaining
      if left <= 0 {
        expired = true
        return nil
      }
      // Wake at the next whole second of the countdown so the clock ticks evenly.
      let fraction = left - left.rounded(.down)
      let wait = fraction > 0.01 ? fraction : min(1, left)
      if let key = keys.readKey(timeoutMilliseconds: Int32((wait * 1000).rounded(.up))) {
        return key
      }
      redraw()
    }
  }

  /// Reads a typed answer in raw mode with the clock in front of it (`[time left 0:42] > 15 s`),
  /// redrawn every second: Backspace deletes, Ctrl-U clears, Enter sends, Esc or Ctrl-C quits.
  /// Returns nil when the learner quits or time is up (then `expired` is set).
  func typedLine(_ keys: QuizKeyReader, width: Int, write: @escaping (String) -> Void)
    -> String?
  {
    keys.withRawMode {
      var typed = ""
      var status = StatusLine(write: write, terminalWidth: width)
      func draw() { status.show("[\(label)] > " + typed, keepingEnd: true) }
      draw()
      while true {
        guard let key = nextKey(keys, redraw: draw) else {
          status.finish()
          return nil
        }
        switch key {
        case .character("\u{15}"): typed = ""
        case .character(let character) where !(character.asciiValue.map { $0 < 32 } ?? false):
          typed.append(character)
        case .space: typed.append(" ")
        case .backspace: _ = typed.popLast()
        case .enter:
          status.finish()
          return typed
        case .quit, .end:
          status.finish()
          return nil
        default: break
        }
        draw()
      }
    }
  }
}
