import Foundation
import JSON
import LambdaRuntime

/// Builds the event a Lambda proxy integration sends: payload 1.0 (REST APIs, and HTTP APIs
/// set to 1.0) and payload 2.0 (HTTP APIs), from a real request, with the same shapes as the
/// `apigateway-rest` and `apigateway-http` event templates.
public enum ProxyEvent {
  static let accountID = "123456789012"
  static let apiID = "local"

  /// The event for `request` on `match`'s route.
  public static func build(
    _ request: GatewayRequest, match: RouteTable.Match, stage: String,
    binaryMediaTypes: [String], now: Date = Date(), requestID: String? = nil
  ) -> JSONValue {
    let restBinary = match.route.api == .rest ? binaryMediaTypes : nil
    let requestID = requestID ?? GatewayClock.requestID()
    if match.route.payloadVersion == "1.0" {
      return version1(
        request, match: match, stage: match.route.api == .rest ? stage : "$default",
        binaryMediaTypes: restBinary, now: now, requestID: requestID)
    }
    return version2(request, match: match, now: now, requestID: requestID)
  }

  /// The body as event text: UTF-8 as is, anything else base64 (with the flag).
  static func body(_ request: GatewayRequest, binaryMediaTypes: [String]?) -> (JSONValue, Bool) {
    guard !request.body.isEmpty else { return (.null, false) }
    let encoded = JSONValue.string(Data(request.body).base64EncodedString())
    if let binaryMediaTypes {
      // REST APIs base64-encode only the configured binary media types; other bytes pass as
      // (possibly lossy) text.
      guard request.bodyIsText(binaryMediaTypes: binaryMediaTypes) else { return (encoded, true) }
      return (.string(String(decoding: request.body, as: UTF8.self)), false)
    }
    if request.bodyIsText(), let text = String(validating: request.body, as: UTF8.self) {
      return (.string(text), false)
    }
    return (encoded, true)
  }

  static func version1(
    _ request: GatewayRequest, match: RouteTable.Match, stage: String,
    binaryMediaTypes: [String]?, now: Date, requestID: String
  ) -> JSONValue {
    var single: [(String, JSONValue)] = []
    var multi: [(String, JSONValue)] = []
    for (name, value) in request.headers {
      if let index = multi.firstIndex(where: { $0.0 == name }),
        case .array(let values) = multi[index].1
      {
        multi[index].1 = .array(values + [.string(value)])
        single[index].1 = .string(value)
      } else {
        multi.append((name, [.string(value)]))
        single.append((name, .string(value)))
      }
    }
    var query: [(String, JSONValue)] = []
    var multiQuery: [(String, JSONValue)] = []
    for (name, value) in request.queryItems {
      if let index = multiQuery.firstIndex(where: { $0.0 == name }),
        case .array(let values) = multiQuery[index].1
      {
        multiQuery[index].1 = .array(values + [.string(value)])
        query[index].1 = .string(value)
      } else {
        multiQuery.append((name, [.string(value)]))
        query.append((name, .string(value)))
      }
    }
    let parameters: JSONValue =
      match.pathParameters.isEmpty
      ? .null : .object(match.pathParameters.map { ($0.0, .string($0.1)) })
    let (body, base64) = body(request, binaryMediaTypes: binaryMediaTypes)
    let resource = match.route.path == "$default" ? "/{proxy+}" : match.route.path
    let userAgent: JSONValue = request.header("User-Agent").map { .string($0) } ?? .null
    return [
      "resource": .string(resource),
      "path": .string(request.path),
      "httpMethod": .string(request.method),
      "headers": single.isEmpty ? .null : .object(single),
      "multiValueHeaders": multi.isEmpty ? .null : .object(multi),
      "queryStringParameters": query.isEmpty ? .null : .object(query),
      "multiValueQueryStringParameters": multiQuery.isEmpty ? .null : .object(multiQuery),
      "pathParameters": parameters,
      "stageVariables": .null,
      "requestContext": [
        "accountId": .string(accountID),
        "apiId": .string(apiID),
        "domainName": .string(request.host),
        "domainPrefix": .string(apiID),
        "extendedRequestId": .string(GatewayClock.shortID()),
        "httpMethod": .string(request.method),
        "identity": [
          "accessKey": .null, "accountId": .null, "caller": .null,
          "cognitoAuthenticationProvider": .null, "cognitoAuthenticationType": .null,
          "cognitoIdentityId": .null, "cognitoIdentityPoolId": .null, "principalOrgId": .null,
          "sourceIp": .string(request.sourceIP), "user": .null, "userAgent": userAgent,
          "userArn": .null,
        ],
        "path": .string("/" + stage + request.path),
        "protocol": "HTTP/1.1",
        "requestId": .string(requestID),
        "requestTime": .string(GatewayClock.requestTime(now)),
        "requestTimeEpoch": .int(GatewayClock.epochMilliseconds(now)),
        "resourceId": "local",
        "resourcePath": .string(resource),
        "stage": .string(stage),
      ],
      "body": body,
      "isBase64Encoded": .bool(base64),
    ]
  }

  static func version2(
    _ request: GatewayRequest, match: RouteTable.Match, now: Date, requestID: String
  ) -> JSONValue {
    // Header names are lower case; repeated headers are joined with commas; cookies move out.
    var headers: [(String, JSONValue)] = []
    for (name, value) in request.headers where name.lowercased() != "cookie" {
      let lowered = name.lowercased()
      if let index = headers.firstIndex(where: { $0.0 == lowered }),
        let previous = headers[index].1.stringValue
      {
        headers[index].1 = .string(previous + "," + value)
      } else {
        headers.append((lowered, .string(value)))
      }
    }
    var query: [(String, JSONValue)] = []
    for (name, value) in request.queryItems {
      if let index = query.firstIndex(where: { $0.0 == name }),
        let previous = query[index].1.stringValue
      {
        query[index].1 = .string(previous + "," + value)
      } else {
        query.append((name, .string(value)))
      }
    }
    let routeKey = match.route.routeKey
    var event: JSONValue = [
      "version": "2.0",
      "routeKey": .string(routeKey),
      "rawPath": .string(request.path),
      "rawQueryString": .string(request.rawQuery),
    ]
    let cookies = request.cookies
    if !cookies.isEmpty {
      event = event.setting("cookies", to: .array(cookies.map { .string($0) }))
    }
    event = event.setting("headers", to: .object(headers))
    if !query.isEmpty { event = event.setting("queryStringParameters", to: .object(query)) }
    event = event.setting(
      "requestContext",
      to: [
        "accountId": .string(accountID),
        "apiId": .string(apiID),
        "domainName": .string(request.host),
        "domainPrefix": .string(apiID),
        "http": [
          "method": .string(request.method),
          "path": .string(request.path),
          "protocol": "HTTP/1.1",
          "sourceIp": .string(request.sourceIP),
          "userAgent": .string(request.header("User-Agent") ?? ""),
        ],
        "requestId": .string(GatewayClock.shortID()),
        "routeKey": .string(routeKey),
        "stage": "$default",
        "time": .string(GatewayClock.requestTime(now)),
        "timeEpoch": .int(GatewayClock.epochMilliseconds(now)),
      ])
    if !match.pathParameters.isEmpty {
      event = event.setting(
        "pathParameters", to: .object(match.pathParameters.map { ($0.0, .string($0.1)) }))
    }
    let (body, base64) = body(request, binaryMediaTypes: nil)
    if body != .null { event = event.setting("body", to: body) }
    _ = requestID
    return event.setting("isBase64Encoded", to: .bool(base64))
  }
}
