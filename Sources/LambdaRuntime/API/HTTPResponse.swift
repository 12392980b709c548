/// An HTTP response, serialised into one buffer so it goes out in a single write.
public struct HTTPResponse: Sendable, Equatable {
  /// The status code.
  public var status: Int
  /// Extra headers; `Content-Length` is always added.
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
      status: status, headers: [(RuntimeAPIHeader.contentType.rawValue, "application/json")],
      body: Array(text.utf8))
  }

  /// An error response with the Runtime API's body `{"errorMessage","errorType"}`.
  public static func error(_ status: Int, type: String, message: String) -> HTTPResponse {
    json(
      status, "{\"errorMessage\":\(JSONText.quote(message)),\"errorType\":\(JSONText.quote(type))}")
  }

  /// The reason phrase for the status codes this server uses.
  public static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 202: return "Accepted"
    case 400: return "Bad Request"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 410: return "Gone"
    case 413: return "Request Entity Too Large"
    case 500: return "Internal Server Error"
    default: return "Status"
    }
  }

  /// Status line, headers and body as one byte buffer.
  public func serialized(closing: Bool = false) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(HTTPResponse.reason(status))\r\n"
    for header in headers {
      head += "\(header.name): \(header.value)\r\n"
    }
    head += "Content-Length: \(body.count)\r\n"
    if closing { head += "Connection: close\r\n" }
    head += "\r\n"
    var bytes = Array(head.utf8)
    bytes.reserveCapacity(bytes.count + body.count)
    bytes.append(contentsOf: body)
    return bytes
  }

  public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
    lhs.serialized() == rhs.serialized()
  }
}
