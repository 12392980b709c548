import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `serve` failing to start: a port taken by another program, whichever of the two it is,
/// ends `serve` with exit 2, one message naming the port and the flag to change, and nothing
/// of what had started still listening.
@Suite(.serialized) struct ServeStartupFailureTests {
  static let template = """
    service: x
    provider: {runtime: python3.12}
    functions:
      hello:
        handler: app.hello
        events: [{httpApi: GET /hello}]
    """

  /// A runner whose folder holds a small serverless.yml and its handler.
  static func runnerWithTemplate() throws -> BinaryRunner {
    let runner = try BinaryRunner()
    try template.write(
      toFile: runner.directory + "/serverless.yml", atomically: true, encoding: .utf8)
    try "def hello(event, context):\n    return {}\n".write(
      toFile: runner.directory + "/app.py", atomically: true, encoding: .utf8)
    return runner
  }

  @Test(.timeLimit(.minutes(2))) func busyLambdaPortStopsTheAPIFrontItStarted() throws {
    let runner = try Self.runnerWithTemplate()
    defer { runner.cleanUp() }
    let busy = try #require(ListeningSocket())
    defer { busy.release() }
    let apiPort = try #require(ListeningSocket.freePort())
    let result = try runner.run(
      [
        "serve", "--port", String(busy.port), "--api-port", String(apiPort), "--workspace",
        runner.directory + "/ws",
      ], seconds: 60)
    #expect(result.status == 2, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "error: serve could not start the Lambda endpoint: port \(busy.port) on 127.0.0.1 is in"
          + " use by another program; pass --port N"), "\(result.stderr)")
    #expect(result.stderr.contains("--port 0 lets the system pick a free one"))
    // One message, no banner, and the API front that had started is gone.
    #expect(result.stderr.components(separatedBy: "error:").count == 2, "\(result.stderr)")
    #expect(!result.stdout.contains("Press Ctrl-C"), "\(result.stdout)")
    #expect(!ListeningSocket.accepts(port: apiPort), "the API port \(apiPort) still listens")
    // The port taken is still the other program's.
    #expect(ListeningSocket.accepts(port: busy.port))
  }

  @Test(.timeLimit(.minutes(2))) func busyAPIPortNamesTheAPIPortFlag() throws {
    let runner = try Self.runnerWithTemplate()
    defer { runner.cleanUp() }
    let busy = try #require(ListeningSocket())
    defer { busy.release() }
    let lambdaPort = try #require(ListeningSocket.freePort())
    let result = try runner.run(
      [
        "serve", "--port", String(lambdaPort), "--api-port", String(busy.port), "--workspace",
        runner.directory + "/ws",
      ], seconds: 60)
    #expect(result.status == 2, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "error: serve could not start the API Gateway front: port \(busy.port) on 127.0.0.1 is"
          + " in use by another program; pass --api-port N"), "\(result.stderr)")
    #expect(!result.stdout.contains("Press Ctrl-C"), "\(result.stdout)")
    #expect(!ListeningSocket.accepts(port: lambdaPort), "the Lambda port \(lambdaPort) listens")
  }
}

/// A socket of the test's own listening on a port the system chose on 127.0.0.1.
struct ListeningSocket {
  let fd: Int32
  let port: Int

  init?() {
    guard let (fd, port) = Self.openListening() else { return nil }
    self.fd = fd
    self.port = port
  }

  func release() { _ = close(fd) }

  /// A port that was free a moment ago (bound, read and closed).
  static func freePort() -> Int? {
    guard let (fd, port) = openListening() else { return nil }
    _ = close(fd)
    return port
  }

  /// Whether something accepts connections on 127.0.0.1:`port`.
  static func accepts(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { _ = close(fd) }
    var address = loopback(port: port)
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    } == 0
  }

  private static func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }

  private static func openListening() -> (Int32, Int)? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    var address = loopback(port: 0)
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
    }
    var length = size
    guard bound == 0, listen(fd, 8) == 0,
      withUnsafeMutablePointer(
        to: &address,
        {
          $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }) == 0
    else {
      _ = close(fd)
      return nil
    }
    return (fd, Int(UInt16(bigEndian: address.sin_port)))
  }
}

/// `serve --api` errors a learner meets after start-up is fine: `--template` naming a folder,
/// and Ctrl-C while a function is still answering.
@Suite(.serialized) struct ServeAPIErrorPathTests {
  @Test(.timeLimit(.minutes(2))) func templateFolderServesTheTemplateInIt() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try FileManager.default.createDirectory(
      atPath: runner.directory + "/api", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: runner.directory + "/empty", withIntermediateDirectories: true)
    try ServeStartupFailureTests.template.write(
      toFile: runner.directory + "/api/serverless.yml", atomically: true, encoding: .utf8)
    try "def hello(event, context):\n    return {}\n".write(
      toFile: runner.directory + "/api/app.py", atomically: true, encoding: .utf8)
    let empty = try runner.run(["serve", "--port", "0", "--template", "empty"], seconds: 60)
    #expect(empty.status == 2)
    #expect(
      empty.stderr.contains(
        "--template empty is a folder with no serverless.yml or template.yaml in it"),
      "\(empty.stderr)")
    let serve = try ServeAPIProcess(runner, extra: ["--template", "api"])
    defer { serve.stop() }
    #expect(
      serve.stdout.contains("API Gateway for serverless.yml api/serverless.yml"), "\(serve.stdout)")
  }

  @Test(.timeLimit(.minutes(2))) func ctrlCDuringARequestExits130QuietlyAndLeavesNoHandler()
    throws
  {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    try ServeStartupFailureTests.template.write(
      toFile: runner.directory + "/serverless.yml", atomically: true, encoding: .utf8)
    try "import time\n\ndef hello(event, context):\n    time.sleep(60)\n    return {}\n".write(
      toFile: runner.directory + "/app.py", atomically: true, encoding: .utf8)
    let serve = try ServeAPIProcess(runner)
    defer { serve.stop() }
    let port = UInt16(serve.apiPort)
    Thread { _ = HTTPProbe(port: port).get("/hello") }.start()
    // The handler's process is running when its children appear.
    var children: [Int32] = []
    let deadline = Date().addingTimeInterval(30)
    while children.isEmpty, Date() < deadline {
      usleep(100_000)
      children = Self.children(of: serve.process.processIdentifier)
    }
    #expect(!children.isEmpty, "no function process started")
    usleep(300_000)
    #expect(serve.stop() == 130)
    #expect(serve.stderr.isEmpty, "\(serve.stderr)")
    #expect(!serve.stdout.contains("Traceback"))
    let gone = Date().addingTimeInterval(10)
    while children.contains(where: Self.isAlive), Date() < gone { usleep(100_000) }
    #expect(!children.contains(where: Self.isAlive), "left behind: \(children)")
  }

  /// The processes whose parent is `pid` (from /proc).
  static func children(of pid: Int32) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap(Int32.init).filter { child in
      guard let stat = try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return false }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      return fields.count > 2 && Int32(fields[1]) == pid
    }
  }

  /// Running (a zombie waiting for its reaper counts as gone).
  static func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
  }
}
