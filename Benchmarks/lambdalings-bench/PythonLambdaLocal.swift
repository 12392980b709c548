import Foundation
import LambdaRuntime

/// Runs python-lambda-local (PyPI), which starts a fresh interpreter for every call.
enum PythonLambdaLocal {
  /// Median milliseconds per call, or nil when it is not installed.
  static func measure(python: Interpreter, folder: String, runs: Int) throws -> Double? {
    let besideInterpreter =
      (python.path as NSString).deletingLastPathComponent + "/python-lambda-local"
    let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let script =
      FileManager.default.isExecutableFile(atPath: besideInterpreter)
      ? besideInterpreter : Interpreter.find("python-lambda-local", in: searchPath)
    guard let script else { return nil }
    var times: [Double] = []
    for _ in 0..<runs {
      times.append(
        try RuntimeBenchmark.spawnTime(
          python.path,
          [script, "-f", "handler", "\(folder)/noop.py", "\(folder)/event.json"]))
    }
    return RuntimeBenchmark.median(times)
  }
}
