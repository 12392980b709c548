import Foundation
import Testing

/// Every `lambdalings ...` command in the shipped chapters' code blocks works for a learner
/// who copies it into their own workspace, made outside the course folder.
@Suite(
  .enabled(
    if: InvokeSetup.hasPython && InvokeSetup.hasNode,
    "python3 or node is not on PATH: the chapters' commands run both"))
struct ChapterCommandTests {
  /// One command as a chapter shows it.
  struct ChapterCommand: CustomStringConvertible {
    var file: String
    var line: Int
    var words: [String]
    /// The status the lesson announces (`# ... exit status 1`), else 0.
    var expectedStatus: Int32

    var description: String { "\(file):\(line): \(words.joined(separator: " "))" }
  }

  /// Commands that wait for the learner (a pager, an editor, key presses, a server): not run
  /// here; the pseudo-terminal tests cover them.
  static let interactive: Set<String> = [
    "read", "watch", "edit", "quiz", "serve", "review", "reset",
  ]

  /// The `lambdalings` lines of every fenced code block of `lessons/*.md` in `course`, with
  /// backslash continuations joined and `# comments` dropped; a comment on the command's line,
  /// or the comment lines just above it, may announce its `exit status N`.
  static func commands(course: String) throws -> [ChapterCommand] {
    let lessons = course + "/lessons"
    let names = try FileManager.default.contentsOfDirectory(atPath: lessons)
      .filter { $0.hasSuffix(".md") }.sorted()
    var result: [ChapterCommand] = []
    for name in names {
      let text = try String(contentsOfFile: lessons + "/" + name, encoding: .utf8)
      var inBlock = false
      var pending: (line: Int, text: String)?
      var commentAbove = ""
      for (index, raw) in text.components(separatedBy: "\n").enumerated() {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
          inBlock.toggle()
          pending = nil
          commentAbove = ""
          continue
        }
        guard inBlock else { continue }
        var current: (line: Int, text: String)
        if let started = pending {
          current = (started.line, started.text + " " + trimmed)
        } else if trimmed.hasPrefix("lambdalings ") {
          current = (index + 1, trimmed)
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
          ChapterCommand(
            file: "lessons/" + name, line: current.line, words: Array(words.dropFirst()),
            expectedStatus: status(in: comment.isEmpty ? commentAbove : comment)))
        commentAbove = ""
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

  @Test func theExtractorJoinsLinesAndReadsTheAnnouncedStatus() {
    let (words, comment) = Self.split(
      #"lambdalings invoke 'a b.py' --set x="1 2"  # exit status 1"#)
    #expect(words == ["lambdalings", "invoke", "a b.py", "--set", "x=1 2"])
    #expect(Self.status(in: comment) == 1)
    #expect(Self.status(in: " see the event") == 0)
    let runner = try? BinaryRunner()
    defer { runner?.cleanUp() }
    guard let folder = runner?.directory else { return }
    let chapter = """
      Text with lambdalings invoke outside.py

      ```bash
      # fails on purpose: exit status 1
      lambdalings invoke a.py \\
        --times 2
      lambdalings events list   # all of them
      ```
      """
    #expect(throws: Never.self) {
      try FileManager.default.createDirectory(
        atPath: folder + "/lessons", withIntermediateDirectories: true)
      try Data(chapter.utf8).write(to: URL(fileURLWithPath: folder + "/lessons/01-x.md"))
      let found = try Self.commands(course: folder)
      #expect(found.map(\.words) == [["invoke", "a.py", "--times", "2"], ["events", "list"]])
      #expect(found.map(\.expectedStatus) == [1, 0])
      #expect(found.first?.line == 5)
    }
  }

  @Test func everyChapterCommandWorksFromAFreshWorkspace() throws {
    let course = BinaryRunner.shippedCourse
    let commands = try Self.commands(course: course)
    #expect(commands.count >= 15, "found only \(commands.count) commands in the chapters")
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    // The learner's own folder, outside the course; the workspace remembers the course.
    let learner = runner.directory + "/learner"
    try FileManager.default.createDirectory(atPath: learner, withIntermediateDirectories: true)
    let made = try runner.run(["init", "--course", course], in: learner)
    try #require(made.status == 0, "\(made.stderr)")
    let workspace = learner + "/lambdalings-workspace"
    for command in commands {
      guard let verb = command.words.first, !Self.interactive.contains(verb) else { continue }
      let output = try runner.run(command.words, in: workspace, seconds: 60)
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
