import Foundation
import Testing

/// Every exercise statement's `lambdalings invoke` commands work as written: run with `sh`
/// from the root of a fresh workspace whose exercise file holds the reference solution, each
/// prints a result, or fails with an error type the statement names (a line that shows the
/// problem, such as running out of memory at 128 MB).
@Suite struct StatementInvokeTests {
  struct Command: Sendable, CustomTestStringConvertible {
    var exercise: String
    var language: String
    var text: String
    var testDescription: String { "\(exercise) (\(language)): \(text.prefix(60))" }
  }

  /// The commands of fenced blocks that contain `lambdalings invoke`: continued lines
  /// (ending with `\`) joined, and a `# Python` or `# Node.js` line making the commands after it
  /// apply to that language only.
  static func commands(in statement: String) -> [(language: String?, text: String)] {
    var found: [(String?, String)] = []
    var block: [String]? = nil
    for raw in statement.components(separatedBy: "\n") {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("```") {
        if let lines = block, lines.contains(where: { $0.contains("lambdalings invoke") }) {
          found += split(lines)
        }
        block = block == nil ? [] : nil
        continue
      }
      block?.append(line)
    }
    return found
  }

  private static func split(_ lines: [String]) -> [(String?, String)] {
    var found: [(String?, String)] = []
    var language: String? = nil
    var current = ""
    for line in lines {
      if line == "# Python" || line == "# Node.js" {
        language = line == "# Python" ? "python" : "node"
        continue
      }
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasSuffix("\\") {
        current += line.dropLast() + " "
        continue
      }
      found.append((language, current + line))
      current = ""
    }
    return found
  }

  static let all: [Command] = {
    guard let ids = try? ShippedCourseTests.exerciseIDs() else { return [] }
    return ids.flatMap { id -> [Command] in
      let path = BinaryRunner.shippedCourse + "/exercises/\(id)/exercise.md"
      let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
      let languages = (try? ShippedCourseTests.languages(of: id)) ?? []
      return languages.flatMap { language in
        commands(in: text).filter { $0.language == nil || $0.language == language }.map {
          Command(exercise: id, language: language, text: $0.text)
        }
      }
    }
  }()

  static let runnable = all.filter {
    $0.language == "python" ? CLIInterpreters.hasPython : CLIInterpreters.hasNode
  }

  @Test func everyStatementHasAnInvokeLineForEachLanguage() throws {
    for id in try ShippedCourseTests.exerciseIDs() {
      for language in try ShippedCourseTests.languages(of: id) {
        #expect(
          Self.all.contains { $0.exercise == id && $0.language == language },
          "exercises/\(id)/exercise.md has no lambdalings invoke command for \(language)")
      }
    }
    #expect(Self.all.allSatisfy { $0.text.contains("lambdalings invoke exercises/\($0.exercise)") })
  }

  @Test(arguments: runnable)
  func invokeLineWorksFromTheWorkspace(command: Command) throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let created = try runner.run([
      "init", "ws", "--language", command.language, "--course", BinaryRunner.shippedCourse,
    ])
    try #require(created.status == 0, "\(created.stderr)")
    let workspace = runner.directory + "/ws"
    let solution =
      BinaryRunner.shippedCourse
      + "/exercises/\(command.exercise)/solution/\(command.language)"
    let target = workspace + "/exercises/\(command.exercise)"
    for file in try FileManager.default.contentsOfDirectory(atPath: solution) {
      try? FileManager.default.removeItem(atPath: "\(target)/\(file)")
      try FileManager.default.copyItem(atPath: "\(solution)/\(file)", toPath: "\(target)/\(file)")
    }
    let output = try Shell.run(command.text, in: workspace, home: runner.directory)
    let shown = "\(command.text)\nstdout: \(output.stdout)\nstderr: \(output.stderr)"
    #expect(!output.stdout.isEmpty, "printed no result: \(shown)")
    let errorTypes = Self.errorTypes(in: output.stdout)
    if errorTypes.isEmpty {
      #expect(output.status == 0, "\(shown)")
    } else {
      // The function failed: only as the statement says it would.
      #expect(output.status == 1, "\(shown)")
      let path = BinaryRunner.shippedCourse + "/exercises/\(command.exercise)/exercise.md"
      let statement = try String(contentsOfFile: path, encoding: .utf8)
      for type in errorTypes {
        #expect(statement.contains(type), "the statement does not mention \(type): \(shown)")
      }
    }
  }

  @Test func errorTypesAreFoundInResultsAndInDestinationRecords() {
    let sync = #"{"errorMessage": "bad", "errorType": "ValidationError"}"#
    let record = """
      StatusCode 202
      {
        "responsePayload": {
          "errorType": "ValueError",
        }
      }
      """
    #expect(Self.errorTypes(in: sync) == ["ValidationError"])
    #expect(Self.errorTypes(in: record) == ["ValueError"])
    #expect(Self.errorTypes(in: #"{"status": "accepted"}"#).isEmpty)
  }

  /// The `errorType` values of the JSON results on standard output, and of the indented
  /// destination records an asynchronous invoke prints (`"errorType": "ValueError",`).
  static func errorTypes(in stdout: String) -> Set<String> {
    var found: Set<String> = []
    for line in stdout.split(separator: "\n") {
      let field = line.trimmingCharacters(in: .whitespaces)
      if field.hasPrefix("\"errorType\": \"") {
        let value = field.dropFirst("\"errorType\": \"".count).prefix { $0 != "\"" }
        found.insert(String(value))
        continue
      }
      guard let data = line.data(using: .utf8),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let type = object["errorType"] as? String
      else { continue }
      found.insert(type)
    }
    return found
  }
}

/// `sh -c` with the built `lambdalings` first on PATH.
enum Shell {
  static func run(_ script: String, in folder: String, home: String) throws
    -> BinaryRunner.Output
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let bin = URL(fileURLWithPath: BinaryRunner.binary).deletingLastPathComponent().path
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    process.environment = [
      "PATH": "\(bin):\(path)", "HOME": home, "LANG": "C.UTF-8", "TERM": "dumb",
    ]
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let watchdog = Watchdog(process, seconds: 600)
    defer { watchdog.cancel() }
    nonisolated(unsafe) var errData = Data()
    let done = DispatchSemaphore(value: 0)
    Thread {
      errData = errPipe.fileHandleForReading.readDataToEndOfFile()
      done.signal()
    }.start()
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    process.waitUntilExit()
    return BinaryRunner.Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
