import HTTP

/// The Lambda Runtime API of one execution environment: an `HTTPServer` on 127.0.0.1 with an
/// OS-chosen port whose handler is `RuntimeAPIHandler` (a `GET /next` blocks its connection's
/// thread until an event exists).
final class RuntimeAPIServer: Sendable {
  /// The port the OS gave us.
  let port: UInt16
  let channel: RuntimeChannel
  private let server: HTTPServer

  /// `host:port` for `AWS_LAMBDA_RUNTIME_API`.
  var address: String { "127.0.0.1:\(port)" }

  /// Binds and starts accepting connections.
  init(channel: RuntimeChannel) throws {
    self.channel = channel
    do {
      server = try HTTPServer(
        host: "127.0.0.1", port: 0, limits: HTTPLimits(),
        malformed: { reason in
          .error(400, type: "InvalidRequest", message: "Malformed request: \(reason)")
        },
        handler: { request in RuntimeAPIHandler.answer(request, channel: channel) })
    } catch let error as HTTPSocketError {
      throw RuntimeAPIServerError(socketError: error)
    }
    port = server.port
  }

  /// Stops accepting, ends long polls and closes every connection.
  func stop() {
    channel.close()
    server.stop()
  }

  deinit {
    stop()
  }
}

/// Why the Runtime API server could not start.
struct RuntimeAPIServerError: Error, CustomStringConvertible {
  var socketError: HTTPSocketError

  var description: String {
    "the local Runtime API server could not start: \(socketError); "
      + "check that 127.0.0.1 is available"
  }
}
