#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A blocking HTTP/1.1 client on one keep-alive connection, for tests and benchmarks.
/// Understands `Content-Length` framed and bodiless answers; not for general use.
public final class HTTPClient {
  private let fd: Int32
  private let reader: HTTPRequestReader

  /// Connects to `host:port`; `timeoutSeconds` bounds every read.
  public init(host: String = "127.0.0.1", port: UInt16, timeoutSeconds: Int = 30) throws {
    fd = try HTTPSocket.connect(host: host, port: port)
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    reader = HTTPRequestReader(fd: fd, limits: HTTPLimits(maxBodyBytes: 1 << 30))
  }

  deinit { close(fd) }

  /// Sends raw bytes (for malformed-input tests); false when the peer is gone.
  @discardableResult
  public func sendRaw(_ bytes: [UInt8]) -> Bool {
    HTTPSocket.send(bytes, to: fd)
  }

  /// Closes the sending side (the server then sees the end of the request stream).
  public func finishSending() {
    shutdown(fd, Int32(SHUT_WR))
  }

  /// Sends a request with a `Content-Length` body and reads the answer; nil when the
  /// connection closed or timed out first.
  public func send(
    _ method: String, _ target: String, headers: [(name: String, value: String)] = [],
    body: [UInt8] = []
  ) -> HTTPResponse? {
    var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    for header in headers { head += "\(header.name): \(header.value)\r\n" }
    head += "Content-Length: \(body.count)\r\n\r\n"
    guard sendRaw(Array(head.utf8) + body) else { return nil }
    return readResponse(method: method)
  }

  /// Reads one answer from the connection.
  public func readResponse(method: String = "GET") -> HTTPResponse? {
    reader.nextResponse(method: method)
  }
}

extension HTTPRequestReader {
  /// Reads a response head and its `Content-Length` body (clients only).
  func nextResponse(method: String) -> HTTPResponse? {
    guard fillHead() else { return nil }
    guard let headEnd = headEnd() else { return nil }
    let head = String(decoding: buffer[0..<headEnd], as: UTF8.self)
    buffer.removeFirst(headEnd + 4)
    let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
    guard let statusLine = lines.first else { return nil }
    let parts = statusLine.split(separator: " ", maxSplits: 2)
    guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
    var response = HTTPResponse(status: status)
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      response.headers.append(
        (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingSpaces()))
    }
    let bodiless = method == "HEAD" || status == 204 || status == 304 || status < 200
    let length = bodiless ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
    guard fill(length) else { return nil }
    response.body = Array(buffer[0..<length])
    buffer.removeFirst(length)
    return response
  }

  private func fillHead() -> Bool {
    while headEnd() == nil {
      guard readMore() else { return false }
    }
    return true
  }

  private func headEnd() -> Int? {
    guard buffer.count >= 4 else { return nil }
    for index in 0...(buffer.count - 4)
    where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
      && buffer[index + 3] == 10
    {
      return index
    }
    return nil
  }
}
