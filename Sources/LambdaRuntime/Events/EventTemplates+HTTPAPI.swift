import JSON

/// API Gateway HTTP API events (payload format 2.0).
extension EventTemplates {
  static let apiGatewayHTTP = EventTemplate(
    name: "apigateway-http", trigger: "API Gateway (HTTP API)",
    description: "HTTP request through an HTTP API Lambda integration (payload 2.0)",
    parameters: apiParameters,
    build: { input in
      let method = input.parameter("method")
      let path = input.parameter("path")
      let name = input.parameter("name")
      let body = input.parameter("body")
      var headers: JSONValue = [
        "accept": "*/*",
        "content-length": .string(String(body.utf8.count)),
        "host": "abcdef1234.execute-api.us-east-1.amazonaws.com",
        "user-agent": "curl/8.5.0",
        "x-amzn-trace-id": "Root=1-67890abc-0123456789abcdef01234567",
        "x-forwarded-for": "198.51.100.24",
        "x-forwarded-port": "443",
        "x-forwarded-proto": "https",
      ]
      if !body.isEmpty { headers = headers.setting("content-type", to: "application/json") }
      var event: JSONValue = [
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": .string(path),
        "rawQueryString": .string(name.isEmpty ? "" : "name=" + EventSamples.formEncode(name)),
        "headers": headers,
      ]
      if !name.isEmpty {
        event = event.setting("queryStringParameters", to: ["name": .string(name)])
      }
      event = event.setting(
        "requestContext",
        to: [
          "accountId": .string(EventSamples.account),
          "apiId": "abcdef1234",
          "domainName": "abcdef1234.execute-api.us-east-1.amazonaws.com",
          "domainPrefix": "abcdef1234",
          "http": [
            "method": .string(method),
            "path": .string(path),
            "protocol": "HTTP/1.1",
            "sourceIp": "198.51.100.24",
            "userAgent": "curl/8.5.0",
          ],
          "requestId": "Yk9Xw2VhoAMEbQ=",
          "routeKey": "$default",
          "stage": "$default",
          "time": .string(EventSamples.apiGatewayTime()),
          "timeEpoch": .number(String(EventSamples.epochMilliseconds)),
        ])
      if !body.isEmpty { event = event.setting("body", to: .string(body)) }
      return event.setting("isBase64Encoded", to: false)
    },
    adjust: adjustHTTPText,
    finish: { event, input in
      var event = event
      if input.overrode(["queryStringParameters"]), !input.overrode(["rawQueryString"]) {
        event = event.setting(
          "rawQueryString", to: .string(rawQuery(event["queryStringParameters"])))
      }
      if input.overrode(["rawPath"]), !input.overrode(["requestContext", "http", "path"]) {
        event = event.updating(["requestContext", "http", "path"]) { event["rawPath"] ?? $0 }
      }
      return event
    })

  /// The query string API Gateway would have received for these parameters.
  static func rawQuery(_ parameters: JSONValue?) -> String {
    guard let members = parameters?.objectMembers else { return "" }
    return members.map { key, value in
      let text = value.stringValue ?? value.compact()
      return EventSamples.formEncode(key) + "=" + EventSamples.formEncode(text)
    }.joined(separator: "&")
  }
}
