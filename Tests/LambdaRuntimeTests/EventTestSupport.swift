import Foundation
import JSON

@testable import LambdaRuntime

/// Helpers shared by the event template tests: fixture files and running python3.
enum EventTestSupport {
  /// The folder holding expected event outputs.
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("EventFixtures")

  /// The python3 executable on PATH, if any.
  static let python3: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = String(folder) + "/python3"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  /// Whether python3 is available; tests using it are skipped otherwise.
  static var hasPython: Bool {
    if python3 == nil { print("skipping: python3 is not on PATH") }
    return python3 != nil
  }

  /// Runs `python3 -c script` with `input` on stdin and returns (exit status, stdout, stderr).
  static func runPython(_ script: String, input: Data) throws -> (Int32, String, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python3 ?? "/usr/bin/python3")
    process.arguments = ["-c", script]
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: out, as: UTF8.self),
      String(decoding: err, as: UTF8.self)
    )
  }

  /// The event `name` parsed back with the module's own parser.
  static func event(
    _ name: String, _ overrides: [(path: String, value: String)] = [], count: Int? = nil
  ) throws -> JSONValue {
    let data = try EventTemplates.generate(name: name, overrides: overrides, count: count)
    guard let value = JSONValue.parse(String(decoding: data, as: UTF8.self)) else {
      throw FixtureError.notJSON(name)
    }
    return value
  }

  enum FixtureError: Error { case notJSON(String) }
}
