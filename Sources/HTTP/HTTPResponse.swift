/// An HTTP response, serialised into one buffer so it goes out in a single write.
public struct HTTPResponse: Sendable, Equatable {
  /// The status code.
  public var status: Int
  /// Extra headers; `Content-Length` is always added by `serialized`.
  public var headers: [(name: String, value: String)]
  /// The body.
  public var body: [UInt8]

  /// Creates a response.
  public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A response with a JSON body.
  public static func json(_ status: Int, _ text: String) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
  }

  /// A response with a plain-text body.
  public static func text(_ status: Int, _ text: String) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: [("Content-Type", "text/plain; charset=utf-8")],
      body: Array(text.utf8))
  }

  /// The first value of a header, matched case-insensitively.
  public func header(_ name: String) -> String? {
    let lowered = name.lowercased()
    return headers.first { $0.name.lowercased() == lowered }?.value
  }

  /// The reason phrase of a status code.
  public static func reason(_ status: Int) -> String {
    switch status {
    case 100: return "Continue"
    case 200: return "OK"
    case 201: return "Created"
    case 202: return "Accepted"
    case 204: return "No Content"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 409: return "Conflict"
    case 410: return "Gone"
    case 411: return "Length Required"
    case 413: return "Request Entity Too Large"
    case 415: return "Unsupported Media Type"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    case 504: return "Gateway Timeout"
    default: return "Status"
    }
  }

  /// Status line, headers and body as one byte buffer. A 204 or 304 gets no body and no
  /// `Content-Length`, as RFC 9110 requires.
  public func serialized(closing: Bool = false) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(HTTPResponse.reason(status))\r\n"
    for header in headers where header.name.lowercased() != "content-length" {
      head += "\(header.name): \(header.value)\r\n"
    }
    let bodyless = status == 204 || status == 304 || (100..<200).contains(status)
    if !bodyless { head += "Content-Length: \(body.count)\r\n" }
    if closing { head += "Connection: close\r\n" }
    head += "\r\n"
    var bytes = Array(head.utf8)
    if !bodyless {
      bytes.reserveCapacity(bytes.count + body.count)
      bytes.append(contentsOf: body)
    }
    return bytes
  }

  public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
    lhs.serialized() == rhs.serialized()
  }
}
