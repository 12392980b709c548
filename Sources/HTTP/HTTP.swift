/// A small HTTP/1.1 server (and test client) on plain sockets: no dependencies, one thread per
/// connection, keep-alive, `Content-Length` and chunked request bodies, `Expect: 100-continue`,
/// a body-size limit, and a peer that can send anything without bringing it down.
///
/// The whole API, as used by the Lambda Runtime API, `lambdalings serve` and the API Gateway
/// front:
///
/// ```swift
/// let server = try HTTPServer(host: "127.0.0.1", port: 0) { request in
///   // Called on the connection's own thread; may block (e.g. run an invocation).
///   HTTPResponse.json(200, #"{"path":"\#(request.path)"}"#)
/// }
/// print(server.port)        // the port the OS chose when 0 was asked
/// server.stop()             // stops accepting and closes every connection; idempotent
/// ```
///
/// - `HTTPRequest`: method, target, headers (case-insensitive `header(_:)`), body,
///   `pathSegments` and `queryItems` percent-decoded, `bodyTooLarge` when the body exceeded
///   `HTTPLimits.maxBodyBytes` (the body is then empty; answer 413 in your protocol's shape).
/// - `HTTPResponse`: status, headers, body; `Content-Length` is always computed.
/// - `HTTPRouter`: `add("GET", "/things/{id}") { request, parameters in ... }` then
///   `router.handle(request)`; 404 and 405 answers are yours to shape.
/// - Malformed requests (bad request line, bad header, bad length, truncated body) never reach
///   the handler: the server answers with `malformed(reason)` (400 by default) and closes.
/// - `HTTPClient`: a blocking keep-alive client for tests and benchmarks.
public enum HTTP {}

/// Limits that protect the server from its peers.
public struct HTTPLimits: Sendable {
  /// The largest request head (request line and headers).
  public var maxHeaderBytes: Int
  /// The largest body handed to the handler; larger ones arrive with `bodyTooLarge` set.
  public var maxBodyBytes: Int
  /// Oversized bodies up to this size are read and thrown away so the connection stays usable;
  /// larger ones close the connection after the answer.
  public var maxDiscardBytes: Int
  /// Seconds a connection may stay silent before it is closed (nil: never, as the Runtime API
  /// needs for environments that wait between invocations).
  public var idleTimeoutSeconds: Int?

  /// Creates limits; the defaults fit the Lambda Runtime API (6 MB + 100 bytes of body).
  public init(
    maxHeaderBytes: Int = 64 * 1024, maxBodyBytes: Int = 6_291_556,
    maxDiscardBytes: Int = 64 * 1024 * 1024, idleTimeoutSeconds: Int? = nil
  ) {
    self.maxHeaderBytes = maxHeaderBytes
    self.maxBodyBytes = maxBodyBytes
    self.maxDiscardBytes = max(maxDiscardBytes, maxBodyBytes)
    self.idleTimeoutSeconds = idleTimeoutSeconds
  }
}
