import Foundation
import Testing

/// `lambdalings serve` itself: the banner, binding rules, the request log, Ctrl-C.
@Suite struct ServeCommandTests {
  @Test func bannerGivesTheEndpointAndTheLinesToUse() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let serve = try ServeProcess(runner: runner)
    let log = serve.log
    #expect(log.contains("--endpoint-url \(serve.endpoint)"))
    #expect(log.contains("export AWS_ENDPOINT_URL=\(serve.endpoint)"))
    #expect(log.contains("\n  aws configure set aws_access_key_id local\n"))
    #expect(log.contains("\n  aws configure set cli_binary_format raw-in-base64-out\n"))
    #expect(log.contains("Press Ctrl-C to stop."))
    // Nothing is deployed yet, so the state folder does not exist, and the banner says so.
    #expect(log.contains("serve-state from the first function on"), "\(log)")
    let client = HTTPProbe(port: serve.port)
    #expect(client.get("/2015-03-31/functions/nope").contains("404"))
    let deadline = Date().addingTimeInterval(30)
    while !serve.log.contains("GET /2015-03-31/functions/nope 404 GetFunction"),
      Date() < deadline
    {
      usleep(20_000)
    }
    #expect(serve.log.contains("GET /2015-03-31/functions/nope 404 GetFunction"), "\(serve.log)")
    let status = serve.stop()
    #expect(status == 130 || status == 0, "exit status \(status) after Ctrl-C")
  }

  @Test func badHostsAndBusyPortsAreUsageErrors() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let bad = try runner.run(["serve", "--host", "my laptop", "--port", "0"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--host must be an IPv4 address"))
    let serve = try ServeProcess(runner: runner)
    defer { serve.stop() }
    let busy = try runner.run(["serve", "--port", String(serve.port)])
    #expect(busy.status == 2)
    #expect(busy.stderr.contains("is in use by another program; pass --port N"), "\(busy.stderr)")
    let range = try runner.run(["serve", "--port", "70000"])
    #expect(range.status == 2)
  }

  @Test func helpNamesTheDefaultPortAndTheCredentialsRule() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let help = try runner.run(["serve", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("3001"))
    #expect(help.stdout.contains("signatures are not checked"))
  }
}

/// A one-shot HTTP GET on a raw socket (keeps this file free of the HTTP module).
struct HTTPProbe {
  let port: UInt16

  func get(_ path: String) -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { return "" }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let request = Array("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    var answer = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count <= 0 { break }
      answer += buffer[0..<count]
    }
    return String(decoding: answer, as: UTF8.self)
  }
}
