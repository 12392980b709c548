import Foundation
import SystemSupport

/// An HTTP/1.1 server: one accept thread, one thread per keep-alive connection, each answer
/// written in a single `send`. See `HTTP` for the whole API.
public final class HTTPServer: Sendable {
  /// Answers one request; runs on the connection's thread and may block.
  public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse
  /// Answers a request that could not be parsed (the reason says why); the connection closes.
  public typealias MalformedHandler = @Sendable (String) -> HTTPResponse

  /// The address the server listens on.
  public let host: String
  /// The port the server listens on (the OS's choice when 0 was asked).
  public let port: UInt16
  /// The limits applied to every request.
  public let limits: HTTPLimits
  private let handler: Handler
  private let malformed: MalformedHandler
  private let listenFD: Int32
  /// The open connections, and whether `stop` was called.
  private let state = Locked(Connections())

  private struct Connections: Sendable {
    var open: Set<Int32> = []
    var stopped = false
  }

  /// `http://host:port`.
  public var url: String { "http://\(host):\(port)" }

  /// Binds `host:port` (port 0: the OS chooses) and starts accepting connections at once.
  /// Throws `HTTPSocketError` when the address cannot be bound.
  public init(
    host: String = "127.0.0.1", port: UInt16 = 0, limits: HTTPLimits = HTTPLimits(),
    malformed: @escaping MalformedHandler = HTTPServer.defaultMalformed,
    handler: @escaping Handler
  ) throws {
    let (fd, actualPort) = try HTTPSocket.listen(host: host, port: port)
    self.host = host
    self.port = actualPort
    self.limits = limits
    self.handler = handler
    self.malformed = malformed
    listenFD = fd
    let acceptor = Thread { [self] in acceptLoop() }
    acceptor.stackSize = 256 * 1024
    acceptor.start()
  }

  /// The default answer to a malformed request: 400 with the reason as plain text.
  public static let defaultMalformed: MalformedHandler = { reason in
    .text(400, "Malformed request: \(reason)\n")
  }

  /// Stops accepting, closes every connection and wakes `waitUntilStopped`. Idempotent.
  /// Handlers still running finish, but their answers go nowhere.
  public func stop() {
    state.withLock { state in
      guard !state.stopped else { return }
      state.stopped = true
      TCPSocket.shutdown(listenFD)
      // Under the lock: a connection's thread removes its descriptor from `open` before it
      // closes it, so every number here is still ours. Shut down after the lock, a number
      // whose connection had just closed could already name another socket of the process
      // (another server's connection, a client's), and that socket would lose its answer.
      for fd in state.open {
        TCPSocket.shutdown(fd)
      }
    }
  }

  /// True once `stop` was called.
  public var isStopped: Bool { state.withLock { $0.stopped } }

  /// Blocks the calling thread until `stop` is called (from another thread or a signal bridge).
  public func waitUntilStopped() {
    _ = state.wait { $0.stopped ? true : nil }
  }

  /// How many connections are open now.
  public var openConnections: Int { state.withLock { $0.open.count } }

  deinit {
    stop()
    TCPSocket.close(listenFD)
  }

  private func acceptLoop() {
    while true {
      let fd: Int32
      switch TCPSocket.accept(listenFD) {
      case .connection(let accepted):
        fd = accepted
      case .retry:
        continue
      case .outOfDescriptors:
        // Give connections time to close instead of spinning.
        Thread.sleep(forTimeInterval: 0.05)
        if isStopped { return }
        continue
      case .closed:
        return
      }
      let accepted = state.withLock { state -> Bool in
        guard !state.stopped else { return false }
        state.open.insert(fd)
        return true
      }
      guard accepted else {
        TCPSocket.close(fd)
        return
      }
      TCPSocket.configure(connection: fd)
      if let seconds = limits.idleTimeoutSeconds {
        TCPSocket.setReceiveTimeout(fd, seconds: seconds)
      }
      let worker = Thread { [self] in serve(fd) }
      worker.stackSize = 1024 * 1024
      worker.start()
    }
  }

  /// Serves requests on one keep-alive connection until it closes.
  private func serve(_ fd: Int32) {
    let reader = HTTPRequestReader(fd: fd, limits: limits)
    defer {
      state.withLock { _ = $0.open.remove(fd) }
      TCPSocket.close(fd)
    }
    while true {
      switch reader.next() {
      case .closed:
        return
      case .malformed(let reason):
        _ = TCPSocket.send(malformed(reason).serialized(closing: true), to: fd)
        return
      case .request(let request):
        let answer = handler(request)
        let closing = request.closesConnection
        guard TCPSocket.send(answer.serialized(closing: closing), to: fd), !closing else {
          return
        }
      }
    }
  }
}
