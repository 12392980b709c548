import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A deliberately dumb HTTP client on a raw socket, so tests can send anything at all.
final class RawHTTPClient {
  struct Response {
    var status: Int
    var headers: [String: String]
    var body: String
  }

  private let fd: Int32
  private var buffer: [UInt8] = []

  init(port: UInt16) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    if result != 0 { throw POSIXError(.ECONNREFUSED) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  deinit { close(fd) }

  /// Sends raw bytes.
  func send(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes {
        Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
      }
      if sent <= 0 { return }
      offset += sent
    }
  }

  func send(_ text: String) { send(Array(text.utf8)) }

  /// Sends a well-formed request with a Content-Length body.
  func request(
    _ method: String, _ path: String, body: [UInt8] = [], headers: [String: String] = [:]
  ) -> Response? {
    var head = "\(method) \(path) HTTP/1.1\r\nHost: x\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if method == "POST" { head += "Content-Length: \(body.count)\r\n" }
    send(Array((head + "\r\n").utf8) + body)
    return readResponse()
  }

  /// Reads one response (Content-Length framed); nil when the connection closed.
  func readResponse() -> Response? {
    guard let headEnd = fillUntilHeadEnd() else { return nil }
    let head = String(decoding: buffer[0..<headEnd], as: UTF8.self)
    buffer.removeFirst(headEnd + 4)
    let lines = head.components(separatedBy: "\r\n")
    let statusParts = lines[0].split(separator: " ")
    guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[String(line[..<colon]).lowercased()] =
        line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let length = Int(headers["content-length"] ?? "0") ?? 0
    while buffer.count < length {
      guard readMore() else { return nil }
    }
    let body = String(decoding: buffer[0..<length], as: UTF8.self)
    buffer.removeFirst(length)
    return Response(status: status, headers: headers, body: body)
  }

  /// True when bytes from the server are waiting to be read right now (does not block).
  func hasBytesWaiting() -> Bool {
    if !buffer.isEmpty { return true }
    var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0
  }

  /// True when the server closed the connection (read returns 0).
  func isClosedByPeer() -> Bool { buffer.isEmpty && !readMore() }

  private func fillUntilHeadEnd() -> Int? {
    while true {
      if let range = Data(buffer).range(of: Data("\r\n\r\n".utf8)) { return range.lowerBound }
      guard readMore() else { return nil }
    }
  }

  private func readMore() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return false }
    buffer.append(contentsOf: chunk[0..<count])
    return true
  }
}
