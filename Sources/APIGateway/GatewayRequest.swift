import Foundation
import HTTP

/// What the gateway needs from an HTTP request, decoded once.
public struct GatewayRequest: Sendable {
  public var method: String
  /// The path as sent (percent-encoded), without the query string.
  public var path: String
  /// The query string as sent, without `?` ("" when none).
  public var rawQuery: String
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]
  public var sourceIP: String
  /// `host:port` the client used, for `domainName`.
  public var host: String

  public init(
    method: String, path: String, rawQuery: String = "",
    headers: [(name: String, value: String)] = [], body: [UInt8] = [],
    sourceIP: String = "127.0.0.1", host: String = "localhost"
  ) {
    self.method = method
    self.path = path
    self.rawQuery = rawQuery
    self.headers = headers
    self.body = body
    self.sourceIP = sourceIP
    self.host = host
  }

  /// From a parsed HTTP request.
  public init(_ request: HTTPRequest, sourceIP: String = "127.0.0.1") {
    self.init(
      method: request.method, path: request.path, rawQuery: request.queryString ?? "",
      headers: request.headers, body: request.body, sourceIP: sourceIP,
      host: request.header("Host") ?? "localhost")
  }

  /// The first value of a header, matched case-insensitively.
  public func header(_ name: String) -> String? {
    let lowered = name.lowercased()
    return headers.first { $0.name.lowercased() == lowered }?.value
  }

  /// Query parameters in order, decoded (`+` is a space).
  public var queryItems: [(String, String)] {
    guard !rawQuery.isEmpty else { return [] }
    return rawQuery.split(separator: "&").map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let decode = { (text: Substring) -> String in
        let spaced = String(text.map { $0 == "+" ? " " : $0 })
        return HTTPRequest.percentDecoded(spaced) ?? spaced
      }
      return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
    }
  }

  /// Cookies from the `Cookie` header(s), as `name=value` strings.
  public var cookies: [String] {
    headers.filter { $0.name.lowercased() == "cookie" }.flatMap { header in
      header.value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
    }.filter { !$0.isEmpty }
  }

  /// Whether the body is text API Gateway passes as is (otherwise it is base64-encoded):
  /// text/*, JSON, XML, JavaScript, form data, or no content type with UTF-8 bytes.
  public func bodyIsText(binaryMediaTypes: [String]? = nil) -> Bool {
    let type =
      (header("Content-Type") ?? "").split(separator: ";").first.map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      } ?? ""
    if let binaryMediaTypes {
      // REST APIs: only the configured binary media types are base64-encoded.
      return !binaryMediaTypes.contains { pattern in
        let lowered = pattern.lowercased()
        if lowered == "*/*" { return true }
        if lowered.hasSuffix("/*") { return type.hasPrefix(String(lowered.dropLast())) }
        return lowered == type
      }
    }
    if type.isEmpty { return String(validating: body, as: UTF8.self) != nil }
    return type.hasPrefix("text/") || type.hasSuffix("json") || type.hasSuffix("+xml")
      || type == "application/xml" || type == "application/javascript"
      || type == "application/x-www-form-urlencoded"
  }
}
