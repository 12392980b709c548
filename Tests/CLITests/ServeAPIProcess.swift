import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `lambdalings serve --port 0 --api-port 0` running in a runner's folder, for end-to-end tests
/// of the API Gateway front; `stop()` sends Ctrl-C (SIGINT) and waits, killing after a bound.
final class ServeAPIProcess: @unchecked Sendable {
  let process = Process()
  let runner: BinaryRunner
  private let lock = NSLock()
  private var output = ""
  private var errors = ""
  /// The API port read from the banner.
  private(set) var apiPort = 0

  /// Starts serve in `runner.directory` (or `folder`) and waits up to 20 s for the API banner.
  init(_ runner: BinaryRunner, folder: String? = nil, extra: [String] = []) throws {
    self.runner = runner
    process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
    process.arguments =
      ["serve", "--port", "0", "--api-port", "0", "--workspace", runner.directory + "/ws"] + extra
    process.currentDirectoryURL = URL(fileURLWithPath: folder ?? runner.directory)
    process.environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": runner.directory, "LANG": "C.UTF-8", "NO_COLOR": "1",
    ]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    for (pipe, isError) in [(out, false), (err, true)] {
      let handle = pipe.fileHandleForReading
      Thread { [weak self] in
        while true {
          let data = handle.availableData
          if data.isEmpty { return }
          guard let self else { return }
          self.lock.withLock {
            if isError {
              self.errors += String(decoding: data, as: UTF8.self)
            } else {
              self.output += String(decoding: data, as: UTF8.self)
            }
          }
        }
      }.start()
    }
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline && process.isRunning {
      if let port = Self.apiPort(in: stdout) {
        apiPort = port
        return
      }
      usleep(50_000)
    }
    if let port = Self.apiPort(in: stdout) {
      apiPort = port
      return
    }
    _ = stop()
    throw ServeAPIError.didNotStart(stdout + stderr)
  }

  enum ServeAPIError: Error { case didNotStart(String) }

  static func apiPort(in text: String) -> Int? {
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("API Gateway for") }),
      let range = line.range(of: "http://127.0.0.1:")
    else { return nil }
    return Int(line[range.upperBound...].prefix { $0.isNumber })
  }

  var stdout: String { lock.withLock { output } }
  var stderr: String { lock.withLock { errors } }
  var baseURL: String { "http://127.0.0.1:\(apiPort)" }

  /// Waits until stdout contains `text` (up to `seconds`).
  func waitForOutput(_ text: String, seconds: Double = 10) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if stdout.contains(text) { return true }
      usleep(50_000)
    }
    return stdout.contains(text)
  }

  /// Ctrl-C, then SIGKILL after 10 s; returns the exit status.
  @discardableResult
  func stop() -> Int32 {
    if process.isRunning { kill(process.processIdentifier, SIGINT) }
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return process.terminationStatus
  }

  deinit { if process.isRunning { stop() } }
}

/// One curl call: status, headers (lower-cased names), body bytes.
struct CurlResult {
  var status: Int
  var headers: [(String, String)]
  var body: Data
  var text: String { String(decoding: body, as: UTF8.self) }
  func header(_ name: String) -> String? {
    headers.first { $0.0 == name.lowercased() }?.1
  }
  func headers(_ name: String) -> [String] {
    headers.filter { $0.0 == name.lowercased() }.map(\.1)
  }
}

enum Curl {
  /// The curl executable on PATH, if any.
  static let path: String? = ClientTools.locate(["curl"], for: "the curl tests")

  /// Whether the curl tests run: curl and python3 are here, or CI requires them (and a
  /// missing one then fails the test).
  static var available: Bool { (path != nil && python3) || ClientTools.required }

  static let python3: Bool = {
    let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return search.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: String($0) + "/python3")
    }
  }()

  /// Runs `curl -s -D <headers> -o <body> arguments` with a 60 s bound.
  static func run(_ arguments: [String], in folder: String) throws -> CurlResult {
    let headerFile = folder + "/curl-headers-\(UUID().uuidString)"
    let bodyFile = folder + "/curl-body-\(UUID().uuidString)"
    defer {
      try? FileManager.default.removeItem(atPath: headerFile)
      try? FileManager.default.removeItem(atPath: bodyFile)
    }
    let curl = try #require(path, ClientTools.missing("curl"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: curl)
    process.arguments = ["-s", "--max-time", "60", "-D", headerFile, "-o", bodyFile] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let head = (try? String(contentsOfFile: headerFile, encoding: .utf8)) ?? ""
    var status = 0
    var headers: [(String, String)] = []
    for line in head.components(separatedBy: "\r\n") {
      if line.hasPrefix("HTTP/") {
        status = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        headers = []
      } else if let colon = line.firstIndex(of: ":") {
        headers.append(
          (
            line[..<colon].lowercased(),
            line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
          ))
      }
    }
    let body = FileManager.default.contents(atPath: bodyFile) ?? Data()
    return CurlResult(status: status, headers: headers, body: body)
  }
}
