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
