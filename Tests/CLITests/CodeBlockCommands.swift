import Foundation
import Testing

/// One `lambdalings ...` command as a Markdown file's fenced code block shows it, ready to run
/// as a reader who copies it would; the chapters' and the README's command tests share it.
struct CodeBlockCommand: CustomStringConvertible {
  var file: String
  var line: Int
  /// The words after `lambdalings`; empty for the bare `lambdalings` (the dashboard).
  var words: [String]
  /// The status the text announces (`# ... exit status 1`), else 0.
  var expectedStatus: Int32

  var description: String { "\(file):\(line): lambdalings \(words.joined(separator: " "))" }

  /// Commands that wait for the reader (a pager, an editor, key presses, a server): not run
  /// by the command tests; the pseudo-terminal tests cover them.
  static let interactive: Set<String> = ["read", "watch", "edit", "quiz", "review", "serve"]

  /// The `lambdalings` lines of every fenced code block of `text` (from `file`), with
  /// backslash continuations joined and `# comments` dropped; a comment on the command's line,
  /// or the comment lines just above it, may announce its `exit status N`.
  static func commands(in text: String, file: String) -> [CodeBlockCommand] {
    var result: [CodeBlockCommand] = []
    var pending: (line: Int, text: String)?
    var commentAbove = ""
    for (number, line) in codeLines(in: text) {
      guard let trimmed = line else {
        pending = nil
        commentAbove = ""
        continue
      }
      var current: (line: Int, text: String)
      if let started = pending {
        current = (started.line, started.text + " " + trimmed)
      } else if trimmed == "lambdalings" || trimmed.hasPrefix("lambdalings ") {
        current = (number, trimmed)
      } else {
        commentAbove = trimmed.hasPrefix("#") ? commentAbove + " " + trimmed : ""
        continue
      }
      if current.text.hasSuffix("\\") {
        current.text.removeLast()
        pending = current
        continue
      }
      pending = nil
      let (words, comment) = split(current.text)
      result.append(
        CodeBlockCommand(
          file: file, line: current.line, words: Array(words.dropFirst()),
          expectedStatus: status(in: comment.isEmpty ? commentAbove : comment)))
      commentAbove = ""
    }
    return result
  }

  /// The lines inside the fenced code blocks of `text`, trimmed, with their numbers (from 1);
  /// each fence gives a nil line, where a block starts or ends.
  static func codeLines(in text: String) -> [(number: Int, text: String?)] {
    var result: [(number: Int, text: String?)] = []
    var inBlock = false
    for (index, raw) in text.components(separatedBy: "\n").enumerated() {
      let trimmed = raw.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inBlock.toggle()
        result.append((index + 1, nil))
      } else if inBlock {
        result.append((index + 1, trimmed))
      }
    }
    return result
  }

  /// Shell words (single and double quotes honoured) and the `# comment` after them.
  static func split(_ line: String) -> (words: [String], comment: String) {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    var characters = Substring(line)
    while let character = characters.popFirst() {
      if let open = quote {
        if character == open { quote = nil } else { word.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        inWord = true
      } else if character == " " || character == "\t" {
        if inWord { words.append(word) }
        word = ""
        inWord = false
      } else if character == "#" && !inWord {
        return (words, String(characters))
      } else {
        word.append(character)
        inWord = true
      }
    }
    if inWord { words.append(word) }
    return (words, "")
  }

  /// `exit status N` in a comment, else 0.
  static func status(in comment: String) -> Int32 {
    guard let range = comment.range(of: "exit status ") else { return 0 }
    return Int32(comment[range.upperBound...].prefix { $0.isNumber }) ?? 0
  }

  /// Runs each command, in order, in `folder` with the built binary, 60 s at most each, except
  /// those whose verb is in `skipping`; each must exit with its announced status and print no
  /// `error:` line.
  static func runEach(
    _ commands: [CodeBlockCommand], runner: BinaryRunner, in folder: String,
    skipping: Set<String> = interactive
  ) throws {
    for command in commands {
      if let verb = command.words.first, skipping.contains(verb) { continue }
      let output = try runner.run(command.words, in: folder, seconds: 60)
      #expect(
        output.status == command.expectedStatus,
        "\(command): exit \(output.status)\n\(output.stderr)")
      let lines = (output.stdout + "\n" + output.stderr).split(separator: "\n")
      #expect(
        !lines.contains { $0.hasPrefix("error:") }, "\(command) printed an error:\n\(output.stderr)"
      )
    }
  }
}
