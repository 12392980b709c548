/// One parsed HTTP/1.1 request.
public struct HTTPRequest: Sendable, Equatable {
  /// The method, e.g. `GET`.
  public var method: String
  /// The request target (path and optional query) as sent, e.g. `/a/b%20c?x=1`.
  public var target: String
  /// The protocol version, e.g. `HTTP/1.1`.
  public var version: String
  /// Headers in the order received.
  public var headers: [(name: String, value: String)]
  /// The body (empty when the request had none or it was too large).
  public var body: [UInt8]
  /// True when the declared body exceeded the server's `HTTPLimits.maxBodyBytes`; the body is
  /// then empty and the handler should answer 413 in its own protocol's shape.
  public var bodyTooLarge = false

  /// Creates a request.
  public init(
    method: String, target: String, version: String = "HTTP/1.1",
    headers: [(name: String, value: String)] = [], body: [UInt8] = []
  ) {
    self.method = method
    self.target = target
    self.version = version
    self.headers = headers
    self.body = body
  }

  /// The first value of a header, matched case-insensitively.
  public func header(_ name: String) -> String? {
    let lowered = name.lowercased()
    return headers.first { $0.name.lowercased() == lowered }?.value
  }

  /// The path without its query string, still percent-encoded.
  public var path: String {
    target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first
      .map(String.init) ?? target
  }

  /// The raw query string after `?`, or nil.
  public var queryString: String? {
    guard let mark = target.firstIndex(of: "?") else { return nil }
    return String(target[target.index(after: mark)...])
  }

  /// The path split on `/` with each segment percent-decoded (empty segments dropped).
  public var pathSegments: [String] {
    path.split(separator: "/").map { HTTPRequest.percentDecoded(String($0)) ?? String($0) }
  }

  /// Query parameters in order, names and values percent-decoded (`+` means a space).
  public var queryItems: [(name: String, value: String)] {
    guard let query = queryString, !query.isEmpty else { return [] }
    return query.split(separator: "&").map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let decode = { (text: Substring) -> String in
        let spaced = String(text.map { $0 == "+" ? " " : $0 })
        return HTTPRequest.percentDecoded(spaced) ?? spaced
      }
      return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
    }
  }

  /// The first value of a query parameter.
  public func query(_ name: String) -> String? {
    queryItems.first { $0.name == name }?.value
  }

  /// True when the connection must be closed after the answer.
  public var closesConnection: Bool {
    let value = header("Connection")?.lowercased()
    return version == "HTTP/1.0" ? value != "keep-alive" : value == "close"
  }

  /// Decodes `%XX` escapes; nil when an escape is invalid or the result is not UTF-8.
  public static func percentDecoded(_ text: String) -> String? {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue),
        let low = iterator.next().flatMap(hexValue)
      else { return nil }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
    lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version
      && lhs.body == rhs.body && lhs.bodyTooLarge == rhs.bodyTooLarge
      && lhs.headers.map(\.name) == rhs.headers.map(\.name)
      && lhs.headers.map(\.value) == rhs.headers.map(\.value)
  }
}
