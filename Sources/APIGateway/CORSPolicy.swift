import HTTP

/// CORS as API Gateway applies it. HTTP APIs with a CORS configuration answer preflight
/// `OPTIONS` requests themselves and put the configured headers on every response to a request
/// with an allowed `Origin` (ignoring any CORS headers the function returned). REST APIs with
/// `cors` answer the preflight; the function's own responses must carry
/// `Access-Control-Allow-Origin` (proxy integration). Without CORS nothing is added.
public enum CORSPolicy {
  /// Whether `request` is a CORS preflight: `OPTIONS` with `Origin` and
  /// `Access-Control-Request-Method`.
  public static func isPreflight(_ request: GatewayRequest) -> Bool {
    request.method == "OPTIONS" && request.header("Origin") != nil
      && request.header("Access-Control-Request-Method") != nil
  }

  /// The `Access-Control-Allow-Origin` value for `origin`, nil when not allowed.
  static func allowedOrigin(_ origin: String, _ cors: CORSConfiguration) -> String? {
    if cors.allowOrigins.contains("*") { return cors.allowCredentials ? origin : "*" }
    return cors.allowOrigins.contains { $0.lowercased() == origin.lowercased() } ? origin : nil
  }

  /// The gateway's answer to a preflight for routes with this CORS configuration.
  public static func preflight(
    _ request: GatewayRequest, cors: CORSConfiguration, routeMethods: [String]
  ) -> HTTPResponse {
    var response = HTTPResponse(status: 204)
    guard let origin = request.header("Origin"), let allowed = allowedOrigin(origin, cors)
    else { return response }
    let requested = request.header("Access-Control-Request-Method") ?? ""
    var methods = cors.allowMethods
    if methods.contains("*") {
      methods =
        routeMethods.contains("ANY") ? [requested] : Array(Set(routeMethods + ["OPTIONS"])).sorted()
    }
    response.headers.append(("Access-Control-Allow-Origin", allowed))
    response.headers.append(("Access-Control-Allow-Methods", methods.joined(separator: ",")))
    var allowHeaders = cors.allowHeaders
    if allowHeaders.contains("*"), let asked = request.header("Access-Control-Request-Headers") {
      allowHeaders = [asked]
    }
    if !allowHeaders.isEmpty {
      response.headers.append(("Access-Control-Allow-Headers", allowHeaders.joined(separator: ",")))
    }
    if cors.allowCredentials {
      response.headers.append(("Access-Control-Allow-Credentials", "true"))
    }
    if let maxAge = cors.maxAge {
      response.headers.append(("Access-Control-Max-Age", String(maxAge)))
    }
    if allowed != "*" { response.headers.append(("Vary", "Origin")) }
    return response
  }

  /// An HTTP API's response with the configured CORS headers in place of the function's.
  public static func decorate(
    _ response: HTTPResponse, request: GatewayRequest, cors: CORSConfiguration
  ) -> HTTPResponse {
    var result = response
    result.headers.removeAll { $0.name.lowercased().hasPrefix("access-control-") }
    guard let origin = request.header("Origin"), let allowed = allowedOrigin(origin, cors) else {
      return result
    }
    result.headers.append(("Access-Control-Allow-Origin", allowed))
    if cors.allowCredentials { result.headers.append(("Access-Control-Allow-Credentials", "true")) }
    if !cors.exposeHeaders.isEmpty {
      result.headers.append(
        ("Access-Control-Expose-Headers", cors.exposeHeaders.joined(separator: ",")))
    }
    if allowed != "*" { result.headers.append(("Vary", "Origin")) }
    return result
  }
}
