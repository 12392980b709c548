import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every command's output on a narrow pseudo-terminal: lines fit the width (so the terminal
/// never cuts a word), except a single word wider than the line (a path), which stays whole,
/// and the welcome screen's `alias lambdalings="..."` line, a command to copy, which stays
/// whole like a code block.
@Suite(.timeLimit(.minutes(6))) struct LayoutTerminalTests {
  /// The lines of `text` that are wider than `width` and are not one unbreakable word.
  /// (Every character of this output takes one column, so `count` is the width.)
  static func overflowing(_ text: String, width: Int) -> [String] {
    text.split(separator: "\n").map(String.init).filter { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      return line.count > width && trimmed.contains(" ")
        && !trimmed.hasPrefix("alias lambdalings=\"")
    }
  }

  /// Runs `arguments` on a `width`-column terminal and returns what it showed.
  static func screen(
    _ arguments: [String], runner: BinaryRunner, width: Int, status: Int32 = 0,
    environment: [String: String] = [:]
  ) throws -> String {
    let terminal = try PseudoTerminal(
      arguments, directory: runner.directory, columns: width, rows: 200,
      environment: environment)
    defer { terminal.close() }
    let code = try terminal.waitForExit(seconds: 60)
    #expect(code == status, "\(arguments): \(terminal.text)")
    return terminal.text
  }

  @Test(arguments: [40, 80])
  func learnerCommandsFitTheTerminal(width: Int) throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let course = ["--course", BinaryRunner.shippedCourse]
    var commands: [[String]] = [
      [], ["list"], ["progress"], ["help"], ["invoke", "--help"], ["events", "--help"],
      ["quiz", "--help"], ["watch", "--help"], ["quiz", "--list"], ["events", "list"],
    ]
    if CLIInterpreters.hasPython { commands.append(["check", "hello-api"]) }
    for command in commands {
      let expected: Int32 = command.first == "check" ? 1 : 0
      let text = try Self.screen(command + course, runner: runner, width: width, status: expected)
      #expect(!text.isEmpty)
      let wide = Self.overflowing(text, width: width)
      #expect(wide.isEmpty, "\(command) at \(width) columns:\n\(wide.joined(separator: "\n"))")
    }
  }

  @Test(arguments: [40, 80])
  func chapterTextAndFooterFitWhileCodeStaysWhole(width: Int) throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let text = try Self.screen(
      ["read", "what-is-lambda", "--no-pager", "--course", BinaryRunner.shippedCourse],
      runner: runner, width: width)
    // Code blocks are never wrapped (so commands copy whole); everything outside them fits.
    let lessons = BinaryRunner.shippedCourse + "/lessons"
    let file = try #require(
      try FileManager.default.contentsOfDirectory(atPath: lessons).first {
        $0.hasSuffix("what-is-lambda.md")
      })
    var code: Set<String> = []
    var inCode = false
    for line in try String(contentsOfFile: lessons + "/" + file, encoding: .utf8)
      .split(separator: "\n")
    {
      if line.hasPrefix("```") {
        inCode.toggle()
      } else if inCode {
        code.insert(String(line))
      }
    }
    let outside = text.split(separator: "\n").map(String.init).filter { !code.contains($0) }
      .joined(separator: "\n")
    #expect(text.contains("What next"))
    let wide = Self.overflowing(outside, width: width)
    #expect(wide.isEmpty, "at \(width) columns:\n\(wide.joined(separator: "\n"))")
  }

  @Test func suggestedCommandsAndTitlesStayWholeAtFortyColumns() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try runner.run(["init", "--course", BinaryRunner.shippedCourse]).status == 0)
    let course = ["--course", BinaryRunner.shippedCourse]
    // Whole lines as shown (trailing spaces aside): a command or title split at a space, or
    // a title pulled up beside its id, would not match.
    var expected: [([String], Int32, [String])] = [
      ([], 0, ["    lambdalings read what-is-lambda", "All steps: lambdalings list"]),
      (["read", "what-is-lambda", "--no-pager"], 0, ["  lambdalings read first-function"]),
      (["list"], 0, ["    ○ exercise  http-api-hello", "      An HTTP API with CORS in"]),
      (["events", "list"], 0, ["apigateway-rest", "    lambdalings events generate NAME"]),
    ]
    if CLIInterpreters.hasPython {
      expected.append((["check", "hello-api"], 1, ["    lambdalings check hello-api"]))
    }
    for (command, status, wanted) in expected {
      let text = try Self.screen(command + course, runner: runner, width: 40, status: status)
      let lines = text.split(separator: "\n").map {
        String($0.reversed().drop { $0 == " " }.reversed())
      }
      for line in wanted {
        #expect(lines.contains(line), "\(command): no line \"\(line)\":\n\(text)")
      }
      // (Chapters hold code blocks, which overflow by design; see the test above.)
      guard command.first != "read" else { continue }
      let wide = Self.overflowing(text, width: 40)
      #expect(wide.isEmpty, "\(command):\n\(wide.joined(separator: "\n"))")
    }
  }

  @Test func theListCommandWithAWorkspaceFlagMovesDownWholeAtFortyColumns() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let flags = ["--workspace", "ws", "--course", BinaryRunner.shippedCourse]
    #expect(try runner.run(["init"] + flags).status == 0)
    let text = try Self.screen(flags, runner: runner, width: 40)
    let lines = text.split(separator: "\n").map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
    // "All steps: lambdalings list --workspace ws" is 42 columns: the command goes to the
    // next line whole instead of breaking after "--workspace".
    #expect(lines.contains("lambdalings list --workspace ws"), "\(text)")
    #expect(lines.contains("All steps:"), "\(text)")
    #expect(Self.overflowing(text, width: 40).isEmpty, "\(text)")
  }

  /// The commands `serve` suggests: on one line when they fit, else broken at a space with a
  /// trailing backslash (so pasted lines still run one command); never cut by the terminal.
  @Test(arguments: [40, 80])
  func serveBannerCommandsAreNeverCutMidCommand(width: Int) throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let terminal = try PseudoTerminal(
      ["serve", "--port", "0", "--workspace", runner.directory + "/ws"],
      directory: runner.directory, columns: width, rows: 100)
    defer { terminal.close() }
    try terminal.waitFor("Press Ctrl-C to stop.", seconds: 60)
    terminal.send("\u{3}")
    _ = try terminal.waitForExit(seconds: 30)
    let text = terminal.text
    #expect(Self.overflowing(text, width: width).isEmpty, "at \(width) columns:\n\(text)")
    // Shell continuation lines joined back: each suggested command, whole.
    var joined: [String] = []
    var pending = ""
    for line in text.split(separator: "\n").map(String.init) {
      let piece = line.trimmingCharacters(in: .whitespaces)
      if piece.hasSuffix(" \\") {
        pending += String(piece.dropLast(2)) + " "
      } else {
        joined.append(pending + piece)
        pending = ""
      }
    }
    let port = try #require(
      text.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression).map { text[$0] })
    for command in [
      "aws lambda list-functions --endpoint-url http://\(port)",
      "export AWS_ENDPOINT_URL=http://\(port)",
      "aws configure set aws_access_key_id local",
      "aws configure set aws_secret_access_key local", "aws configure set region us-east-1",
      "aws configure set cli_binary_format raw-in-base64-out",
    ] {
      #expect(joined.contains(command), "no \"\(command)\" at \(width) columns:\n\(text)")
    }
    if width == 40 {
      #expect(text.contains("cli_binary_format \\\n    raw-in-base64-out\n"), "\(text)")
    }
  }

  @Test func quizChoicesHangUnderTheirText() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["quiz", "mini", "--topic", "errors"] + options, directory: runner.directory,
      columns: 14, environment: ["NO_COLOR": "1"])
    defer { terminal.close() }
    try terminal.waitFor("submits)")
    // At 14 columns "  a) Amazon SQS" wraps, and "SQS" goes under "Amazon", not under "a)".
    let lines = terminal.text.split(separator: "\n").map(String.init)
    let index = try #require(lines.firstIndex(of: "  a) Amazon"), "\(terminal.text)")
    #expect(lines[index + 1] == "     SQS")
    // (The status line of toggles, redrawn in place, is one line by design.)
    let text = lines.filter { !$0.contains("[ ]") }.joined(separator: "\n")
    #expect(Self.overflowing(text, width: 14).isEmpty, "\(terminal.text)")
    terminal.send("\u{1b}")
    _ = try terminal.waitForExit()
  }

  @Test func quittingAQuizAtFortyColumnsWrapsWhatItSays() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["quiz", "mini", "--seed", "1"] + options, directory: runner.directory, columns: 40,
      environment: ["NO_COLOR": "1"])
    defer { terminal.close() }
    try terminal.waitFor("Esc quits)")
    terminal.send("\u{1b}")
    try terminal.waitFor("next --skip")
    #expect(try terminal.waitForExit() == 1)
    let text = terminal.text
    // Nothing was answered yet, so the short message; the next one shows the wrapping.
    #expect(text.contains("\nQuiz stopped before any answer.\n"), "\(text)")
    #expect(text.contains("No question was answered, so there is no\nscore."), "\(text)")
    #expect(Self.overflowing(text, width: 40).isEmpty, "\(text)")
  }

  @Test func aQuizFollowsTheTerminalWhenItIsResized() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let options = try QuizTestCourse.setUp(runner)
    let terminal = try PseudoTerminal(
      ["quiz", "mini", "--seed", "1"] + options, directory: runner.directory, columns: 100,
      environment: ["NO_COLOR": "1"])
    defer { terminal.close() }
    let start = try terminal.waitFor("Esc quits)")
    terminal.resize(columns: 30, rows: 24)
    terminal.send("b")
    try terminal.waitFor("Enter submits)", after: start)
    // Everything after the resize fits 30 columns (the toggles' status line is redrawn in
    // place, one line by design).
    let after = String(Array(terminal.text)[start...])
    let lines = after.split(separator: "\n").map(String.init).filter { !$0.contains("[ ]") }
    #expect(Self.overflowing(lines.joined(separator: "\n"), width: 30).isEmpty, "\(after)")
    terminal.send("\u{1b}")
    _ = try terminal.waitForExit()
  }

  @Test func noColorChaptersArePlainText() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let output = try runner.run(
      ["read", "what-is-lambda", "--course", BinaryRunner.shippedCourse],
      environment: ["NO_COLOR": "1"])
    #expect(output.status == 0)
    #expect(!output.stdout.contains("**"))
    #expect(!output.stdout.contains("`"))
    #expect(!output.stdout.contains("\u{1B}"))
  }
}

/// Output into a pipe whose reader goes away, and confirmations typed on a terminal.
@Suite(.timeLimit(.minutes(6))) struct PipeAndPromptTests {
  @Test func aClosedPipeEndsOutputQuietlyWithStatusZero() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let file = runner.directory + "/big.md"
    let paragraph = "A paragraph of text that goes on for a while about Lambda.\n\n"
    try String(repeating: paragraph, count: 40_000).write(
      toFile: file, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
    process.arguments = ["render", file]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read the first line, then go away like `head -1`.
    var first = Data()
    while !first.contains(10) {
      let chunk = out.fileHandleForReading.readData(ofLength: 1)
      if chunk.isEmpty { break }
      first.append(chunk)
    }
    try out.fileHandleForReading.close()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(String(decoding: first, as: UTF8.self).hasPrefix("A paragraph"))
    #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus)")
    #expect(process.terminationStatus == 0)
    #expect(errors.isEmpty, "\(String(decoding: errors, as: UTF8.self))")
  }

  /// `lambdalings render big.md | head -1` in a real shell pipeline. Python's `subprocess`
  /// puts SIGPIPE back to its default action for bash and everything bash starts (a test
  /// runner may ignore it, and an ignored SIGPIPE would hide the bug this guards against).
  @Test(
    .enabled(if: CLIInterpreters.hasPython && CLIInterpreters.onPath("bash"), "no python3/bash"))
  func aShellPipelineIntoHeadExitsZeroQuietly() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let file = runner.directory + "/big.md"
    let paragraph = "A paragraph of text that goes on for a while about Lambda.\n\n"
    try String(repeating: paragraph, count: 40_000).write(
      toFile: file, atomically: true, encoding: .utf8)
    let script = """
      import subprocess, sys
      line = '"$0" render "$1" | head -1; echo "status=${PIPESTATUS[0]}"'
      done = subprocess.run(["bash", "-c", line, sys.argv[1], sys.argv[2]],
                            capture_output=True, text=True, timeout=120)
      print(done.stdout, end="")
      print("stderr=" + repr(done.stderr))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, BinaryRunner.binary, file]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 3, "\(text)")
    #expect(lines.first?.hasPrefix("A paragraph") == true, "\(text)")
    #expect(lines.contains("status=0"), "\(text)")
    #expect(lines.last == "stderr=''", "\(text)")
  }

  @Test func progressResetAsksWithinAFortyColumnTerminal() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let course = BinaryRunner.fixtureCourse
    #expect(try runner.run(["read", "basics", "--no-pager", "--course", course]).status == 0)
    let terminal = try PseudoTerminal(
      ["progress", "reset", "--course", course], directory: runner.directory, columns: 40)
    defer { terminal.close() }
    try terminal.waitFor("[y/N]")
    #expect(LayoutTerminalTests.overflowing(terminal.text, width: 40).isEmpty, "\(terminal.text)")
    terminal.send("n\r")
    try terminal.waitFor("Nothing changed.")
    #expect(try terminal.waitForExit() == 0)
    #expect(lineDisciplineFlags(terminal.modes()) == lineDisciplineFlags(terminal.initialModes))
  }

  @Test func resetAsksOnTheTerminalAndKeepsABackup() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let course = BinaryRunner.fixtureCourse
    #expect(try runner.run(["init", "--course", course]).status == 0)
    let file = runner.directory + "/lambdalings-workspace/exercises/echo/lambda_function.py"
    try "# my own work\n".write(toFile: file, atomically: true, encoding: .utf8)
    let no = try PseudoTerminal(
      ["reset", "echo", "--course", course], directory: runner.directory, columns: 40)
    defer { no.close() }
    try no.waitFor("[y/N]")
    no.send("n\r")
    try no.waitFor("Nothing changed.")
    #expect(try no.waitForExit() == 0)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "# my own work\n")
    #expect(LayoutTerminalTests.overflowing(no.text, width: 40).isEmpty, "\(no.text)")
    let yes = try PseudoTerminal(
      ["reset", "echo", "--course", course], directory: runner.directory)
    defer { yes.close() }
    try yes.waitFor("[y/N]")
    yes.send("y\r")
    try yes.waitFor("Your previous file is kept as")
    #expect(try yes.waitForExit() == 0)
    #expect(try String(contentsOfFile: file, encoding: .utf8) != "# my own work\n")
    let folder = runner.directory + "/lambdalings-workspace/exercises/echo"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    let backups = try names.filter { $0 != "lambda_function.py" }.map {
      try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)
    }
    #expect(backups.contains("# my own work\n"))
    #expect(lineDisciplineFlags(yes.modes()) == lineDisciplineFlags(yes.initialModes))
  }
}
