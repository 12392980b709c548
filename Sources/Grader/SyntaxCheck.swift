import Foundation
import LambdaRuntime
import SystemSupport

/// Finds the line of a syntax error that the runtime reports without one: Node's ES module
/// loader gives only "SyntaxError: Unexpected token", so `node --check FILE` is asked where.
enum SyntaxCheck {
  /// The 1-based line `node --check` names for `file`, or 0 when it names none (or takes more
  /// than five seconds, or node is missing).
  static func nodeLine(_ file: AbsolutePath, searchPath: String?) -> Int {
    let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    guard let node = Interpreter.find("node", in: path) else { return 0 }
    // Through ProcessHandle, as every child of the product: its own process group, signals
    // reset to their defaults, killed with its group when it takes too long.
    guard
      let process = try? ProcessHandle.launch(
        executable: node, arguments: ["--check", file.string], environment: ["PATH": path])
    else { return 0 }
    guard process.waitForExit(until: ProcessClock.now() + 5_000_000_000) != nil else {
      process.killGroup()
      _ = process.waitForExit(until: ProcessClock.now() + 1_000_000_000)
      return 0
    }
    return SourceLocation.line(of: file.string, in: [process.takeOutput().text])
  }
}
