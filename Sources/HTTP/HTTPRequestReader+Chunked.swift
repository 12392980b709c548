extension HTTPRequestReader {
  /// Reads a `Transfer-Encoding: chunked` body, keeping at most the body limit.
  func readChunked(into request: inout HTTPRequest) -> Outcome {
    var body: [UInt8] = []
    var total = 0
    while true {
      guard let line = readLine() else { return .malformed("connection closed inside a chunk") }
      let sizeText = line.split(separator: ";").first.map(String.init) ?? ""
      guard let size = Int(sizeText.trimmingSpaces(), radix: 16), size >= 0 else {
        return .malformed("invalid chunk size '\(line)'")
      }
      if size == 0 {
        // Trailers end with an empty line.
        while let trailer = readLine(), !trailer.isEmpty {}
        break
      }
      if size > limits.maxDiscardBytes - total {
        request.bodyTooLarge = true
        request.headers.append(("Connection", "close"))
        return .request(request)
      }
      total += size
      guard fill(size + 2) else { return .malformed("connection closed inside a chunk") }
      if total <= limits.maxBodyBytes {
        body.append(contentsOf: buffer[0..<size])
      }
      buffer.removeFirst(size + 2)
    }
    if total > limits.maxBodyBytes {
      request.bodyTooLarge = true
    } else {
      request.body = body
    }
    return .request(request)
  }

  /// Reads one CRLF-terminated line (without the CRLF).
  private func readLine() -> String? {
    var searchFrom = 0
    while true {
      var index = searchFrom
      while index + 1 < buffer.count {
        if buffer[index] == 13 && buffer[index + 1] == 10 {
          let line = String(decoding: buffer[0..<index], as: UTF8.self)
          buffer.removeFirst(index + 2)
          return line
        }
        index += 1
      }
      searchFrom = max(0, buffer.count - 1)
      if buffer.count > limits.maxHeaderBytes { return nil }
      guard readMore() else { return nil }
    }
  }
}
