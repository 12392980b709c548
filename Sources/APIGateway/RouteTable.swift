/// Picks the route for a request as API Gateway does: the most specific path wins (literal
/// segments over `{param}` over `{proxy+}`), an exact method over `ANY`, and `$default`
/// catches the rest.
public struct RouteTable: Sendable {
  /// A route that matched, with its path parameters (percent-decoded).
  public struct Match: Sendable, Equatable {
    public var route: APIRoute
    public var pathParameters: [(String, String)]

    public static func == (lhs: Match, rhs: Match) -> Bool {
      lhs.route == rhs.route && lhs.pathParameters.elementsEqual(rhs.pathParameters, by: ==)
    }
  }

  enum Segment: Sendable, Equatable {
    case literal(String)
    case parameter(String)
    case greedy(String)

    var rank: Int {
      switch self {
      case .literal: return 2
      case .parameter: return 1
      case .greedy: return 0
      }
    }
  }

  struct Entry: Sendable {
    var route: APIRoute
    var segments: [Segment]
  }

  let entries: [Entry]
  let defaults: [APIRoute]

  public init(_ routes: [APIRoute]) {
    defaults = routes.filter { $0.path == "$default" }
    entries = routes.filter { $0.path != "$default" }.map {
      Entry(route: $0, segments: Self.segments(of: $0.path))
    }.sorted(by: Self.moreSpecific)
  }

  static func segments(of path: String) -> [Segment] {
    path.split(separator: "/").map { part in
      let text = String(part)
      if text.hasPrefix("{") && text.hasSuffix("+}") {
        return .greedy(String(text.dropFirst().dropLast(2)))
      }
      if text.hasPrefix("{") && text.hasSuffix("}") {
        return .parameter(String(text.dropFirst().dropLast()))
      }
      return .literal(text)
    }
  }

  static func moreSpecific(_ a: Entry, _ b: Entry) -> Bool {
    for (left, right) in zip(a.segments, b.segments) where left.rank != right.rank {
      return left.rank > right.rank
    }
    if a.segments.count != b.segments.count {
      // A longer literal path is more specific, unless the shorter ends in a greedy match.
      return a.segments.count > b.segments.count
    }
    return a.route.method != "ANY" && b.route.method == "ANY"
  }

  /// The route for `method` and `path` (percent-encoded, without the query string).
  public func match(method: String, path: String) -> Match? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    for entry in entries where entry.route.method == method || entry.route.method == "ANY" {
      if let parameters = Self.match(entry.segments, parts) {
        return Match(route: entry.route, pathParameters: parameters)
      }
    }
    if let route = defaults.first(where: { $0.method == method || $0.method == "ANY" }) {
      return Match(route: route, pathParameters: [])
    }
    return nil
  }

  /// Routes whose path matches `path`, whatever their method (for CORS preflight answers).
  public func routes(forPath path: String) -> [APIRoute] {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    let matching = entries.filter { Self.match($0.segments, parts) != nil }.map(\.route)
    return matching.isEmpty ? defaults : matching
  }

  static func match(_ pattern: [Segment], _ parts: [String]) -> [(String, String)]? {
    var parameters: [(String, String)] = []
    for (index, segment) in pattern.enumerated() {
      switch segment {
      case .greedy(let name):
        guard index < parts.count else { return nil }
        let rest = parts[index...].map { decode($0) }.joined(separator: "/")
        parameters.append((name, rest))
        return parameters
      case .literal(let text):
        guard index < parts.count, decode(parts[index]) == text || parts[index] == text else {
          return nil
        }
      case .parameter(let name):
        guard index < parts.count else { return nil }
        parameters.append((name, decode(parts[index])))
      }
    }
    return parts.count == pattern.count ? parameters : nil
  }

  /// Percent-decodes a path segment (left as is when the escapes are invalid).
  static func decode(_ text: String) -> String {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var index = 0
    while index < utf8.count {
      if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
        let value = UInt8(
          String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self),
          radix: 16)
      {
        bytes.append(value)
        index += 3
      } else {
        bytes.append(utf8[index])
        index += 1
      }
    }
    return String(validating: bytes, as: UTF8.self) ?? text
  }
}
