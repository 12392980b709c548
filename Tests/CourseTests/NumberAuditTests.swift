import Foundation
import Testing

/// Where python3 is, if anywhere.
enum AuditPython {
  static let path = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// `docs/tools/number-audit.py`: lists every number of chapters and quiz keys against facts.md.
@Suite(.enabled(if: AuditPython.path != nil, "python3 is not on PATH"))
struct NumberAuditTests {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/tools/number-audit.py").path

  /// Runs the script with `arguments`; returns its exit status and standard output and error.
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: AuditPython.path ?? "/usr/bin/python3")
    process.arguments = [script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func marksNumbersFactsHasAndLacks() throws {
    let course = try TempCourse([
      "lessons/course.md": "---\nid: c\ntitle: C\n---\nSummary 77.\n",
      "lessons/01-a.md":
        "---\nid: a\ntitle: A\norder: 1\n---\n# A\n\nThe maximum is 15 min; "
        + "memory reaches 10 GB.\nEach environment allows 1,024 file descriptors.\n\n"
        + "```bash\naws lambda invoke --timeout 42\n```\nRun `sleep 55` first.\n",
      "lessons/quizzes/q.md":
        "---\nid: q\ntitle: Q\nchapter: a\n---\n\n## q1\ntags: a\nexam: DVA-C02 1.2\nsee: a\n\n"
        + "How long at most? 321 is not a key.\n\n- [x] 900 s\n- [ ] 60 s\n\n"
        + "> Explanation: The maximum is 900 seconds.\n",
      "facts.md": "| Timeout | max 900 s (15 min) |\n| Memory | up to 10,240 MB |\n",
    ])
    let result = try Self.run(["--course", course.root, "--facts", course.root + "/facts.md"])
    #expect(result.status == 0, "\(result.output)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.contains("✓ lessons/01-a.md:8: 15 min  (in facts.md)"))
    #expect(lines.contains("✓ lessons/01-a.md:8: 10 GB  (in facts.md)"), "10 GB is 10,240 MB")
    #expect(lines.contains("✗ lessons/01-a.md:9: 1,024  (not in facts.md)"))
    #expect(lines.contains("✓ lessons/quizzes/q.md:14: 900 s  (in facts.md)"))
    #expect(lines.contains("✓ lessons/quizzes/q.md:17: 900 seconds  (in facts.md)"))
    #expect(!result.output.contains("42"), "code blocks are skipped")
    #expect(!result.output.contains("55"), "inline code is skipped")
    #expect(!result.output.contains("321"), "a stem is not a key")
    #expect(!result.output.contains("60 s"), "a wrong choice is not a key")
    #expect(!result.output.contains("77"), "course.md is not a chapter")
    #expect(result.output.contains("5 numbers: 4 in facts.md, 0 number only, 1 not in facts.md"))
    let missing = try Self.run([
      "--course", course.root, "--facts", course.root + "/facts.md", "--missing-only",
    ])
    #expect(!missing.output.contains("✓"))
    #expect(missing.output.contains("✗ lessons/01-a.md:9: 1,024"))
  }

  @Test func missingFactsFileIsAUsageError() throws {
    let course = try TempCourse(["lessons/course.md": "---\nid: c\ntitle: C\n---\n"])
    let result = try Self.run(["--course", course.root, "--facts", course.root + "/none.md"])
    #expect(result.status == 2)
    #expect(result.output.contains("error: no facts file at"))
    #expect(result.output.contains("pass --facts PATH"))
  }
}
