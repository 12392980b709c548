import JSON

/// API Gateway events: REST API proxy integration (payload 1.0) and HTTP API (payload 2.0).
extension EventTemplates {
  static let apiParameters = [
    EventParameter(name: "method", defaultValue: "GET", help: "HTTP method"),
    EventParameter(name: "path", defaultValue: "/hello", help: "request path"),
    EventParameter(
      name: "name", defaultValue: "Lambda",
      help: "query string parameter `name` (empty: no query string)"),
    EventParameter(name: "body", defaultValue: "", help: "request body text (empty: no body)"),
  ]

  static let apiGatewayREST = EventTemplate(
    name: "apigateway-rest", trigger: "API Gateway (REST API)",
    description: "HTTP request through a REST API Lambda proxy integration (payload 1.0)",
    parameters: apiParameters,
    build: { input in
      let method = input.parameter("method")
      let path = input.parameter("path")
      let name = input.parameter("name")
      let body = input.parameter("body")
      var headers: JSONValue = [
        "accept": "*/*",
        "Host": "abcdef1234.execute-api.us-east-1.amazonaws.com",
        "User-Agent": "curl/8.5.0",
        "X-Amzn-Trace-Id": "Root=1-67890abc-0123456789abcdef01234567",
        "X-Forwarded-For": "198.51.100.24",
        "X-Forwarded-Port": "443",
        "X-Forwarded-Proto": "https",
      ]
      if !body.isEmpty { headers = headers.setting("content-type", to: "application/json") }
      let query: JSONValue = name.isEmpty ? .null : ["name": .string(name)]
      return [
        "resource": .string(path),
        "path": .string(path),
        "httpMethod": .string(method),
        "headers": headers,
        "multiValueHeaders": multiValued(headers),
        "queryStringParameters": query,
        "multiValueQueryStringParameters": multiValued(query),
        "pathParameters": .null,
        "stageVariables": .null,
        "requestContext": [
          "accountId": .string(EventSamples.account),
          "apiId": "abcdef1234",
          "domainName": "abcdef1234.execute-api.us-east-1.amazonaws.com",
          "domainPrefix": "abcdef1234",
          "extendedRequestId": "Yk9Xw2VhoAMEbQ=",
          "httpMethod": .string(method),
          "identity": [
            "accessKey": .null, "accountId": .null, "caller": .null,
            "cognitoAuthenticationProvider": .null, "cognitoAuthenticationType": .null,
            "cognitoIdentityId": .null, "cognitoIdentityPoolId": .null, "principalOrgId": .null,
            "sourceIp": "198.51.100.24", "user": .null, "userAgent": "curl/8.5.0", "userArn": .null,
          ],
          "path": .string("/prod" + path),
          "protocol": "HTTP/1.1",
          "requestId": .string(EventSamples.uuid("apigateway-rest request")),
          "requestTime": .string(EventSamples.apiGatewayTime()),
          "requestTimeEpoch": .number(String(EventSamples.epochMilliseconds)),
          "resourceId": "a1b2c3",
          "resourcePath": .string(path),
          "stage": "prod",
        ],
        "body": body.isEmpty ? .null : .string(body),
        "isBase64Encoded": false,
      ]
    },
    adjust: adjustHTTPText,
    finish: { event, input in
      var event = event
      for (single, multi) in [
        ("headers", "multiValueHeaders"),
        ("queryStringParameters", "multiValueQueryStringParameters"),
      ] where input.overrode([single]) && !input.overrode([multi]) {
        event = event.setting(multi, to: multiValued(event[single] ?? .null))
      }
      if input.overrode(["httpMethod"]), !input.overrode(["requestContext", "httpMethod"]) {
        event = event.updating(["requestContext", "httpMethod"]) { event["httpMethod"] ?? $0 }
      }
      return event
    })

  /// The request body and the string maps of an HTTP request (headers, query string, path
  /// parameters, stage variables) are always text in API Gateway events: `--set` values there
  /// stay text, and `multiValue...` entries become lists of text. Null stays null.
  @Sendable static func adjustHTTPText(_ path: [String], _ value: JSONValue) -> JSONValue {
    let maps = [
      "headers", "queryStringParameters", "pathParameters", "stageVariables", "multiValueHeaders",
      "multiValueQueryStringParameters",
    ]
    guard value != .null, let first = path.first else { return value }
    if first == "body" && path.count == 1 { return JSONValue.text(value) }
    guard maps.contains(first) else { return value }
    if first.hasPrefix("multiValue"), path.count == 2 {
      return .array((value.arrayValue ?? [value]).map(JSONValue.text))
    }
    return path.count >= 2 ? JSONValue.text(value) : value
  }

  /// `{"k": "v"}` as `{"k": ["v"]}`, the shape of the `multiValue...` fields; null stays null.
  static func multiValued(_ single: JSONValue) -> JSONValue {
    guard let members = single.objectMembers else { return single }
    return .object(members.map { ($0.0, .array([$0.1])) })
  }
}
