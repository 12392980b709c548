import Foundation
import HTTP
import JSON
import LambdaRuntime

/// Turns what the function returned into the HTTP response API Gateway would send.
public enum ProxyResult {
  /// REST: 502 `{"message": "Internal server error"}`; HTTP API: 500.
  public static func internalError(_ api: APIKind) -> HTTPResponse {
    api == .rest
      ? .json(502, #"{"message": "Internal server error"}"#)
      : .json(500, #"{"message":"Internal Server Error"}"#)
  }

  /// REST: 504 after the integration timeout; HTTP API: 503.
  public static func timedOut(_ api: APIKind) -> HTTPResponse {
    api == .rest
      ? .json(504, #"{"message": "Endpoint request timed out"}"#)
      : .json(503, #"{"message":"Service Unavailable"}"#)
  }

  /// The answer for an invocation's outcome on `route`. `reason` says why a result was
  /// refused (for the server's log), nil when it was fine.
  public static func response(for record: InvocationRecord, route: APIRoute) -> (
    HTTPResponse, reason: String?
  ) {
    guard record.status == .success else {
      let why = record.errorType.map { "function error \($0)" } ?? "function \(record.status)"
      return (internalError(route.api), why)
    }
    let text = record.resultText
    guard let value = JSONValue.parse(text) else {
      return (internalError(route.api), "the function's result is not JSON")
    }
    if route.payloadVersion == "2.0" {
      guard case .object = value, value["statusCode"] != nil else {
        // Payload 2.0: any JSON without statusCode is a 200 with that JSON as the body.
        if case .string(let string) = value {
          return (
            HTTPResponse(
              status: 200, headers: [("Content-Type", "application/json")],
              body: Array(string.utf8)), nil
          )
        }
        return (.json(200, text), nil)
      }
    }
    switch structured(value, version: route.payloadVersion) {
    case .success(let response): return (response, nil)
    case .failure(let problem): return (internalError(route.api), problem.reason)
    }
  }

  struct Malformed: Error {
    var reason: String
  }

  /// A `{statusCode, headers, multiValueHeaders, cookies, body, isBase64Encoded}` result.
  static func structured(_ value: JSONValue, version: String) -> Result<HTTPResponse, Malformed> {
    guard case .object = value else {
      return .failure(
        Malformed(reason: "the result is \(value.typeName), not an object with statusCode"))
    }
    guard case .number(let codeText)? = value["statusCode"], let status = Int(codeText),
      (100...599).contains(status)
    else {
      return .failure(Malformed(reason: "statusCode is missing or not an integer 100-599"))
    }
    var headers: [(name: String, value: String)] = []
    if let single = value["headers"], single != .null {
      guard let entries = single.objectMembers else {
        return .failure(Malformed(reason: "headers is not an object"))
      }
      for (name, item) in entries {
        guard let text = scalarText(item) else {
          return .failure(Malformed(reason: "header \(name) is not text"))
        }
        headers.append((name, text))
      }
    }
    if let multi = value["multiValueHeaders"], multi != .null {
      guard let entries = multi.objectMembers else {
        return .failure(Malformed(reason: "multiValueHeaders is not an object"))
      }
      for (name, item) in entries {
        guard let values = item.arrayValue, let texts = Optional(values.compactMap(scalarText)),
          texts.count == values.count
        else {
          return .failure(Malformed(reason: "multiValueHeaders.\(name) is not a list of text"))
        }
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers += texts.map { (name, $0) }
      }
    }
    if let cookies = value["cookies"], cookies != .null {
      guard let values = cookies.arrayValue else {
        return .failure(Malformed(reason: "cookies is not a list"))
      }
      for cookie in values {
        guard let text = cookie.stringValue else {
          return .failure(Malformed(reason: "a cookie is not text"))
        }
        headers.append(("Set-Cookie", text))
      }
    }
    var body: [UInt8] = []
    switch value["body"] {
    case nil, .null?: break
    case .string(let text)?:
      if value["isBase64Encoded"] == .bool(true) {
        guard let data = Data(base64Encoded: text) else {
          return .failure(Malformed(reason: "isBase64Encoded is true but body is not base64"))
        }
        body = Array(data)
      } else {
        body = Array(text.utf8)
      }
    case let other?:
      if version == "1.0" {
        return .failure(Malformed(reason: "body is \(other.typeName); it must be a string"))
      }
      body = Array(other.compact().utf8)
    }
    if !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
      headers.append(("Content-Type", "application/json"))
    }
    return .success(HTTPResponse(status: status, headers: headers, body: body))
  }

  /// Header values may be strings, numbers or booleans.
  static func scalarText(_ value: JSONValue) -> String? {
    switch value {
    case .string(let text): return text
    case .number(let text): return text
    case .bool(let flag): return flag ? "true" : "false"
    default: return nil
    }
  }
}
