import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the built `lambdalings` binary like a user would, in its own temporary folder.
struct BinaryRunner {
  /// What one run printed and how it exited.
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The built binary, next to the test bundle in the build products folder.
  static let binary: String = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("lambdalings").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/lambdalings").path
  }()

  /// The fixture course used by end-to-end tests.
  static let fixtureCourse = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/course").path

  /// The course shipped in the repository.
  static let shippedCourse = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  /// A fresh folder for this runner's workspace and files.
  let directory: String

  init() throws {
    directory =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("lambdalings-e2e-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  /// Removes the runner's folder.
  func cleanUp() {
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Runs `lambdalings arguments` in the runner's folder (or `folder`, relative to it) with a
  /// clean, colourless environment; a run still going after `seconds` is killed.
  func run(
    _ arguments: [String], stdin: String = "", environment extra: [String: String] = [:],
    in folder: String? = nil, seconds: Double = 600
  ) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(
      fileURLWithPath: folder.map { $0.hasPrefix("/") ? $0 : "\(directory)/\($0)" } ?? directory)
    var environment: [String: String] = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": directory, "LANG": "C.UTF-8", "TERM": "xterm-256color",
    ]
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    // A watchdog: a command that never ends fails its test instead of stalling the whole run.
    let watchdog = Watchdog(process, seconds: seconds)
    defer { watchdog.cancel() }
    inPipe.fileHandleForWriting.write(Data(stdin.utf8))
    try? inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so a full stderr pipe cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let done = DispatchSemaphore(value: 0)
    let reader = Thread {
      errData = errPipe.fileHandleForReading.readDataToEndOfFile()
      done.signal()
    }
    reader.start()
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// Kills a test's child process (and its process group, when it leads one) if it is still
/// running after `seconds`, so that its pipes reach end-of-file and the test fails rather than
/// hangs. The test sees the kill as a signal status.
final class Watchdog {
  private let timer: DispatchSourceTimer

  init(_ process: Process, seconds: Double) {
    let pid = process.processIdentifier
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + seconds)
    timer.setEventHandler {
      guard process.isRunning else { return }
      print("watchdog: pid \(pid) still running after \(Int(seconds)) s; killing it")
      kill(-pid, SIGKILL)
      kill(pid, SIGKILL)
    }
    timer.resume()
    self.timer = timer
  }

  func cancel() { timer.cancel() }
}
