/// Routes requests by method and path pattern: `/2015-03-31/functions/{name}/invocations`.
///
/// A `{name}` segment matches one non-empty path segment and hands it to the route
/// percent-decoded; a trailing `{rest...}` matches the remaining segments joined by `/`.
/// Routes are tried in the order added. When the path matches but the method does not, the
/// answer is `methodNotAllowed`; when nothing matches, `notFound`.
public struct HTTPRouter: Sendable {
  /// A route's handler: the request and its path parameters.
  public typealias Route = @Sendable (HTTPRequest, [String: String]) -> HTTPResponse

  private struct Entry: Sendable {
    var method: String
    var pattern: [String]
    var route: Route
  }

  private var entries: [Entry] = []
  private let notFound: @Sendable (HTTPRequest) -> HTTPResponse
  private let methodNotAllowed: @Sendable (HTTPRequest) -> HTTPResponse

  /// Creates an empty router with the answers for unknown paths and wrong methods.
  public init(
    notFound: @escaping @Sendable (HTTPRequest) -> HTTPResponse = { request in
      .text(404, "No route for \(request.method) \(request.path)\n")
    },
    methodNotAllowed: @escaping @Sendable (HTTPRequest) -> HTTPResponse = { request in
      .text(405, "\(request.method) is not allowed on \(request.path)\n")
    }
  ) {
    self.notFound = notFound
    self.methodNotAllowed = methodNotAllowed
  }

  /// Adds a route; `method` is matched exactly (`*` matches any method).
  public mutating func add(_ method: String, _ pattern: String, _ route: @escaping Route) {
    entries.append(
      Entry(method: method, pattern: pattern.split(separator: "/").map(String.init), route: route)
    )
  }

  /// The path parameters when `segments` match `pattern`, else nil.
  public static func match(_ pattern: String, _ segments: [String]) -> [String: String]? {
    match(pattern.split(separator: "/").map(String.init), segments)
  }

  private static func match(_ pattern: [String], _ segments: [String]) -> [String: String]? {
    var parameters: [String: String] = [:]
    for (index, part) in pattern.enumerated() {
      if part.hasPrefix("{") && part.hasSuffix("...}") {
        let rest = segments.dropFirst(index)
        guard !rest.isEmpty else { return nil }
        parameters[String(part.dropFirst().dropLast(4))] = rest.joined(separator: "/")
        return parameters
      }
      guard index < segments.count else { return nil }
      if part.hasPrefix("{") && part.hasSuffix("}") {
        guard !segments[index].isEmpty else { return nil }
        parameters[String(part.dropFirst().dropLast())] = segments[index]
      } else if part != segments[index] {
        return nil
      }
    }
    return pattern.count == segments.count ? parameters : nil
  }

  /// Answers a request with the first matching route.
  public func handle(_ request: HTTPRequest) -> HTTPResponse {
    let segments = request.pathSegments
    var pathMatched = false
    for entry in entries {
      guard let parameters = HTTPRouter.match(entry.pattern, segments) else { continue }
      if entry.method == "*" || entry.method == request.method {
        return entry.route(request, parameters)
      }
      pathMatched = true
    }
    return pathMatched ? methodNotAllowed(request) : notFound(request)
  }
}
