import Quiz
import Terminal

extension QuizConsole {
  /// Reads an answer in single-key mode: a letter, t/f, toggles, or a typed line.
  func askWithKeys(_ item: PresentedQuestion, _ keys: QuizKeyReader) -> String? {
    switch item.question.kind {
    case .numeric, .text:
      return typedLine(keys)
    case .single, .trueFalse:
      let allowed = item.question.kind == .single ? letters(item) : ["t", "f"]
      return keys.withRawMode {
        var status = StatusLine(write: write, terminalWidth: width)
        func draw() {
          if let clock { status.show(clock.label) }
        }
        draw()
        while true {
          guard let next = nextKey(keys, redraw: draw) else {
            status.clear()
            return nil
          }
          switch next {
          case .character(let character):
            let key = String(character).lowercased()
            if allowed.contains(key) {
              status.clear()
              write(key + "\n")
              return key
            }
          case .quit, .end:
            status.clear()
            return nil
          default: continue
          }
        }
      }
    case .multiple:
      return keys.withRawMode { toggle(item, keys) }
    case .ordering:
      return keys.withRawMode { arrange(item, keys) }
    }
  }

  /// Reads a typed answer in raw mode, as the choice prompts read keys: Backspace deletes,
  /// Ctrl-U clears, Enter sends (an empty line is not sent), Esc, Ctrl-C, Ctrl-D or Ctrl-\
  /// quit. In a timed exam the clock stands in front of it (`[time left 0:42] > 15 s`),
  /// redrawn every second. Nil when the learner quits or time is up (then `clock.expired`).
  func typedLine(_ keys: QuizKeyReader) -> String? {
    keys.withRawMode {
      var typed = ""
      var status = StatusLine(write: write, terminalWidth: width)
      func draw() {
        status.show((clock.map { "[\($0.label)] " } ?? "") + "> " + typed, keepingEnd: true)
      }
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
        case .enter where !typed.trimmingCharacters(in: .whitespaces).isEmpty:
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

  /// The next key; nil when a timed exam's clock runs out first. While waiting, `redraw` is
  /// called every second so the clock on the status line keeps running.
  func nextKey(_ keys: QuizKeyReader, redraw: () -> Void) -> QuizKey? {
    guard let clock else { return keys.readKey() }
    return clock.nextKey(keys, redraw: redraw)
  }

  /// `  · 12:34 left` after a status line during a timed exam.
  var clockSuffix: String { clock.map { "  · " + MockExam.clock($0.remaining) + " left" } ?? "" }

  func letters(_ item: PresentedQuestion) -> [String] {
    item.options.map(\.letter)
  }

  /// Multiple response: letters toggle, ↑/↓ move, space toggles, Enter submits.
  func toggle(_ item: PresentedQuestion, _ keys: QuizKeyReader) -> String? {
    let all = letters(item)
    var picked: Set<String> = []
    var cursor = 0
    var status = StatusLine(write: write, terminalWidth: width)
    func draw(_ note: String = "") {
      let marks = all.enumerated().map { index, letter in
        let box = picked.contains(letter) ? "[x]" : "[ ]"
        return (index == cursor ? "›" : " ") + "\(letter)\(box)"
      }
      status.show(
        marks.joined(separator: " ") + (note.isEmpty ? "" : "  \(note)") + clockSuffix)
    }
    draw()
    while true {
      guard let key = nextKey(keys, redraw: { draw() }) else {
        status.finish()
        return nil
      }
      switch key {
      case .character(let character) where all.contains(String(character).lowercased()):
        let letter = String(character).lowercased()
        if picked.remove(letter) == nil { picked.insert(letter) }
        cursor = all.firstIndex(of: letter) ?? cursor
      case .up: cursor = max(0, cursor - 1)
      case .down: cursor = min(all.count - 1, cursor + 1)
      case .space:
        if picked.remove(all[cursor]) == nil { picked.insert(all[cursor]) }
      case .enter:
        if picked.count == item.choose {
          status.finish()
          return all.filter(picked.contains).joined(separator: ",")
        }
        draw("choose \(item.choose)")
        continue
      case .quit, .end:
        status.finish()
        return nil
      default: break
      }
      draw()
    }
  }

  /// Ordering: letters are added in order, Backspace removes the last, Enter submits.
  func arrange(_ item: PresentedQuestion, _ keys: QuizKeyReader) -> String? {
    let all = letters(item)
    var order: [String] = []
    var status = StatusLine(write: write, terminalWidth: width)
    func draw() {
      let slots = order + Array(repeating: "_", count: all.count - order.count)
      status.show("Order: " + slots.joined(separator: ", ") + clockSuffix)
    }
    draw()
    while true {
      guard let key = nextKey(keys, redraw: draw) else {
        status.finish()
        return nil
      }
      switch key {
      case .character(let character):
        let letter = String(character).lowercased()
        if all.contains(letter), !order.contains(letter) { order.append(letter) }
      case .backspace: _ = order.popLast()
      case .enter where order.count == all.count:
        status.finish()
        return order.joined(separator: ",")
      case .quit, .end:
        status.finish()
        return nil
      default: break
      }
      draw()
    }
  }
}

/// One line redrawn in place with a carriage return (no escape codes needed).
struct StatusLine {
  let write: (String) -> Void
  /// The most columns the line may take: one less than the terminal, so it never wraps (a
  /// wrapped line could not be redrawn in place).
  let limit: Int
  private var width = 0

  init(write: @escaping (String) -> Void, terminalWidth: Int = 80) {
    self.write = write
    self.limit = max(1, terminalWidth - 1)
  }

  /// Redraws the line with `text`; too long, it is cut at the end, or, with `keepingEnd` (a
  /// line being typed, where the cursor is), at the start.
  mutating func show(_ text: String, keepingEnd: Bool = false) {
    let shown =
      DisplayWidth.of(text) > limit ? StatusLine.cut(text, to: limit, keepingEnd: keepingEnd) : text
    // Spaces over what is left of a longer line, then the cursor back after the text.
    let line = DisplayWidth.padded(shown, to: width)
    write("\r" + line + (line == shown ? "" : "\r" + shown))
    width = DisplayWidth.of(shown)
  }

  /// `text` cut to at most `limit` columns (wide characters take two), at the end or, with
  /// `keepingEnd`, at the start behind a `…`.
  static func cut(_ text: String, to limit: Int, keepingEnd: Bool) -> String {
    var kept: [Character] = []
    var used = keepingEnd ? 1 : 0
    for character in keepingEnd ? Array(text.reversed()) : Array(text) {
      let columns = DisplayWidth.of(character)
      if used + columns > limit { break }
      kept.append(character)
      used += columns
    }
    return keepingEnd ? "…" + String(kept.reversed()) : String(kept)
  }

  func finish() { write("\n") }

  /// Blanks the line and puts the cursor back at its start.
  mutating func clear() {
    guard width > 0 else { return }
    write("\r" + String(repeating: " ", count: width) + "\r")
    width = 0
  }
}
