#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads HTTP/1.1 requests one after another from a connected socket (keep-alive).
///
/// Never trusts the peer: the head is capped, bodies over the body limit are read and
/// thrown away (or the connection is given up when they are absurdly large), and anything
/// that does not parse is reported as `.malformed` so the server can answer 400.
final class HTTPRequestReader {
  /// What one read produced.
  enum Outcome {
    case request(HTTPRequest)
    case malformed(String)
    case closed
  }

  private let fd: Int32
  let limits: HTTPLimits
  var buffer: [UInt8] = []
  private var chunk = [UInt8](repeating: 0, count: 65536)

  init(fd: Int32, limits: HTTPLimits) {
    self.fd = fd
    self.limits = limits
  }

  /// Reads the next request, or reports why none could be read.
  func next() -> Outcome {
    guard let headEnd = readHead() else {
      if buffer.count > limits.maxHeaderBytes {
        return .malformed("request head larger than \(limits.maxHeaderBytes) bytes")
      }
      return buffer.isEmpty ? .closed : .malformed("connection closed inside the request head")
    }
    if headEnd > limits.maxHeaderBytes {
      return .malformed("request head larger than \(limits.maxHeaderBytes) bytes")
    }
    let head = String(decoding: buffer[0..<headEnd], as: UTF8.self)
    buffer.removeFirst(headEnd + 4)
    guard var request = HTTPRequestReader.parseHead(head) else {
      return .malformed("cannot parse the request line or headers")
    }
    let expectsContinue = request.header("Expect")?.lowercased() == "100-continue"
    if request.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
      if expectsContinue { sendContinue() }
      return readChunked(into: &request)
    }
    guard let lengthText = request.header("Content-Length") else { return .request(request) }
    guard let length = Int(lengthText.trimmingSpaces()), length >= 0 else {
      return .malformed("invalid Content-Length '\(lengthText)'")
    }
    if length > limits.maxBodyBytes {
      request.bodyTooLarge = true
      if expectsContinue {
        // The client has not sent the body yet: answer 413 at once and drop the connection.
        request.headers.append(("Connection", "close"))
        return .request(request)
      }
      guard length <= limits.maxDiscardBytes, discard(length) else {
        request.headers.append(("Connection", "close"))
        return .request(request)
      }
      return .request(request)
    }
    if expectsContinue && buffer.count < length { sendContinue() }
    guard fill(length) else { return .malformed("connection closed inside the body") }
    request.body = Array(buffer[0..<length])
    buffer.removeFirst(length)
    return .request(request)
  }

  /// Tells a client that sent `Expect: 100-continue` (curl does, for bodies over 1 KB) to send
  /// the body now instead of after its one-second wait.
  private func sendContinue() {
    _ = HTTPSocket.send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), to: fd)
  }

  /// Parses `METHOD TARGET VERSION` and `Name: value` lines.
  static func parseHead(_ head: String) -> HTTPRequest? {
    let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
    guard let requestLine = lines.first else { return nil }
    let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, parts[1].hasPrefix("/"),
      parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0",
      parts[0].allSatisfy({ $0.isUppercase })
    else { return nil }
    var request = HTTPRequest(
      method: String(parts[0]), target: String(parts[1]), version: String(parts[2]))
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
      let name = line[..<colon]
      guard !name.contains(" ") else { return nil }
      let value = line[line.index(after: colon)...]
      request.headers.append((String(name), String(value).trimmingSpaces()))
    }
    return request
  }

  /// Reads until `\r\n\r\n`; returns its offset, or nil at EOF or when the head is too large.
  private func readHead() -> Int? {
    var searchFrom = 0
    while true {
      if let end = findHeadEnd(from: searchFrom) { return end }
      searchFrom = max(0, buffer.count - 3)
      if buffer.count > limits.maxHeaderBytes { return nil }
      guard readMore() else { return nil }
    }
  }

  private func findHeadEnd(from start: Int) -> Int? {
    guard buffer.count >= 4 else { return nil }
    var index = start
    while index + 3 < buffer.count {
      if buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
        && buffer[index + 3] == 10
      {
        return index
      }
      index += 1
    }
    return nil
  }

  /// Ensures the buffer holds at least `count` bytes.
  func fill(_ count: Int) -> Bool {
    while buffer.count < count {
      guard readMore() else { return false }
    }
    return true
  }

  /// Reads and drops `count` body bytes.
  private func discard(_ count: Int) -> Bool {
    var remaining = count
    while remaining > 0 {
      if buffer.isEmpty, !readMore() { return false }
      let taken = min(remaining, buffer.count)
      buffer.removeFirst(taken)
      remaining -= taken
    }
    return true
  }

  /// Appends whatever the socket delivers next; false at EOF or on error.
  func readMore() -> Bool {
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count > 0 {
        buffer.append(contentsOf: chunk[0..<count])
        return true
      }
      if count < 0 && errno == EINTR { continue }
      return false
    }
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  public func trimmingSpaces() -> String {
    var view = Substring(self)
    while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
    while let last = view.last, last == " " || last == "\t" { view.removeLast() }
    return String(view)
  }
}
