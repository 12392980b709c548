import Foundation
import LambdaRuntime

/// Finds the line of a syntax error that the runtime reports without one: Node's ES module
/// loader gives only "SyntaxError: Unexpected token", so `node --check FILE` is asked where.
enum SyntaxCheck {
  /// The 1-based line `node --check` names for `file`, or 0 when it names none (or takes more
  /// than five seconds, or node is missing).
  static func nodeLine(_ file: String, searchPath: String?) -> Int {
    let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    guard let node = Interpreter.find("node", in: path) else { return 0 }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: node)
    process.arguments = ["--check", file]
    let pipe = Pipe()
    process.standardError = pipe
    process.standardOutput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return 0
    }
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var output = Data()
    DispatchQueue.global().async {
      output = pipe.fileHandleForReading.readDataToEndOfFile()
      done.signal()
    }
    if done.wait(timeout: .now() + 5) == .timedOut {
      process.terminate()
      return 0
    }
    process.waitUntilExit()
    return SourceLocation.line(of: file, in: [String(decoding: output, as: UTF8.self)])
  }
}
