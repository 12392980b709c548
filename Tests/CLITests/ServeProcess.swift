import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `lambdalings serve --port 0` running in a test's own folder, and the tools to talk to it:
/// the real AWS CLI and boto3 from the virtual environment `.ci/run` creates.
final class ServeProcess: @unchecked Sendable {
  let process = Process()
  let runner: BinaryRunner
  private(set) var port: UInt16 = 0
  private let output = Pipe()
  nonisolated(unsafe) private var printed = Data()
  private let lock = NSLock()

  /// The venv with `aws` and boto3: `$LAMBDALINGS_CI_VENV`, else `.build/ci-venv`.
  static let venv: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [
      ProcessInfo.processInfo.environment["LAMBDALINGS_CI_VENV"],
      root.appendingPathComponent(".build/ci-venv").path,
    ].compactMap { $0 }
    return candidates.first {
      FileManager.default.isExecutableFile(atPath: $0 + "/bin/aws")
    }
  }()

  /// `venv`, or nil when the test cannot run: then, under `.ci/run` or CI
  /// (`ClientTools.required`), the test fails, since `.ci/run` creates the venv; elsewhere it
  /// prints why it skips. Callers return when this is nil.
  static func requireVenv(
    for purpose: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> String? {
    if let venv { return venv }
    if ClientTools.required {
      let message =
        "no venv with the AWS CLI and boto3 at $LAMBDALINGS_CI_VENV or .build/ci-venv, although "
        + ".ci/run should have created it: \(purpose) cannot run"
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    } else {
      print(
        "skipping \(purpose): no venv with the AWS CLI and boto3 "
          + "(run .ci/run, or set LAMBDALINGS_CI_VENV)")
    }
    return nil
  }

  /// Starts `serve` and waits (at most 20 s) for the line with its port.
  init(runner: BinaryRunner, workspace: String = "ws", extra: [String] = []) throws {
    self.runner = runner
    process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
    process.arguments =
      ["serve", "--port", "0", "--workspace", runner.directory + "/" + workspace] + extra
    process.currentDirectoryURL = URL(fileURLWithPath: runner.directory)
    process.environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": runner.directory,
      "LANG": "C.UTF-8",
    ]
    process.standardOutput = output
    process.standardError = output
    output.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      guard let self else { return }
      self.lock.withLock { self.printed.append(data) }
    }
    try process.run()
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
      let text = log
      if let range = text.range(of: "listening on http://127.0.0.1:") {
        let rest = text[range.upperBound...]
        let digits = rest.prefix { $0.isNumber }
        if let value = UInt16(digits), rest.dropFirst(digits.count).first == "\n" {
          port = value
          return
        }
      }
      if !process.isRunning { break }
      usleep(20_000)
    }
    stop()
    throw ServeProcessError(message: "serve did not print its port; it printed:\n\(log)")
  }

  /// Everything serve printed so far.
  var log: String { lock.withLock { String(decoding: printed, as: UTF8.self) } }

  var endpoint: String { "http://127.0.0.1:\(port)" }

  /// Ctrl-C, then waits (SIGKILL after 10 s); returns the exit status.
  @discardableResult
  func stop() -> Int32 {
    if process.isRunning {
      kill(process.processIdentifier, SIGINT)
      let deadline = Date().addingTimeInterval(10)
      while process.isRunning && Date() < deadline { usleep(20_000) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    process.waitUntilExit()
    output.fileHandleForReading.readabilityHandler = nil
    return process.terminationStatus
  }

  /// Runs a program of the venv (`aws`, `python`) against the endpoint, with a time bound.
  func tool(_ name: String, _ arguments: [String], timeout: Double = 60) throws
    -> BinaryRunner.Output
  {
    guard let venv = ServeProcess.venv else {
      throw ServeProcessError(message: "no venv")
    }
    return try run(
      venv + "/bin/" + name, arguments,
      environment: [
        "PATH": venv + "/bin:/usr/bin:/bin", "HOME": runner.directory, "LANG": "C.UTF-8",
        "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": endpoint,
        "LAMBDALINGS_ENDPOINT": endpoint, "AWS_PAGER": "",
      ], timeout: timeout)
  }

  /// Runs `executable` in the test's folder with exactly `environment`, killed after `timeout`.
  func run(
    _ executable: String, _ arguments: [String], environment: [String: String],
    timeout: Double = 60
  ) throws -> BinaryRunner.Output {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: executable)
    child.arguments = arguments
    child.currentDirectoryURL = URL(fileURLWithPath: runner.directory)
    child.environment = environment
    let out = Pipe()
    let err = Pipe()
    child.standardOutput = out
    child.standardError = err
    try child.run()
    let timer = DispatchWorkItem { if child.isRunning { child.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
    nonisolated(unsafe) var errData = Data()
    let done = DispatchSemaphore(value: 0)
    Thread {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      done.signal()
    }.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    child.waitUntilExit()
    timer.cancel()
    return BinaryRunner.Output(
      status: child.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// `aws ARGS --endpoint-url ENDPOINT`.
  func aws(_ arguments: [String]) throws -> BinaryRunner.Output {
    try tool("aws", arguments + ["--endpoint-url", endpoint])
  }
}

struct ServeProcessError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
