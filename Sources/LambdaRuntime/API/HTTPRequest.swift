/// One parsed HTTP/1.1 request as received by the Runtime API server.
public struct HTTPRequest: Sendable, Equatable {
  /// The method, e.g. `GET`.
  public var method: String
  /// The request target (path and optional query), e.g. `/2018-06-01/runtime/invocation/next`.
  public var target: String
  /// The protocol version, e.g. `HTTP/1.1`.
  public var version: String
  /// Headers in the order received.
  public var headers: [(name: String, value: String)]
  /// The body (empty when the request had none or it was too large).
  public var body: [UInt8]
  /// True when the declared body exceeded `RuntimeAPILimits.maxPayloadBytes`.
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

  /// The first value of a Runtime API header.
  public func header(_ name: RuntimeAPIHeader) -> String? {
    header(name.rawValue)
  }

  /// The path without its query string.
  public var path: String {
    target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first
      .map(String.init) ?? target
  }

  /// True when the connection must be closed after the answer.
  public var closesConnection: Bool {
    let value = header(.connection)?.lowercased()
    return version == "HTTP/1.0" ? value != "keep-alive" : value == "close"
  }

  public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
    lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version
      && lhs.body == rhs.body && lhs.bodyTooLarge == rhs.bodyTooLarge
      && lhs.headers.map(\.name) == rhs.headers.map(\.name)
      && lhs.headers.map(\.value) == rhs.headers.map(\.value)
  }
}
