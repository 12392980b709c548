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
}
