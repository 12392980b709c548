import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An HTTP/1.1 server: one accept thread, one thread per keep-alive connection, each answer
/// written in a single `send`. See `HTTP` for the whole API.
public final class HTTPServer: @unchecked Sendable {
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
  private let lock = NSLock()
  private let stoppedCondition = NSCondition()
  private var connections: Set<Int32> = []
  private var stopped = false

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
    lock.lock()
    guard !stopped else {
      lock.unlock()
      return
    }
    stopped = true
    let open = connections
    lock.unlock()
    shutdown(listenFD, Int32(SHUT_RDWR))
    for fd in open {
      shutdown(fd, Int32(SHUT_RDWR))
    }
    stoppedCondition.lock()
    stoppedCondition.broadcast()
    stoppedCondition.unlock()
  }

  /// True once `stop` was called.
  public var isStopped: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopped
  }

  /// Blocks the calling thread until `stop` is called (from another thread or a signal bridge).
  public func waitUntilStopped() {
    stoppedCondition.lock()
    while !isStopped {
      _ = stoppedCondition.wait(until: Date().addingTimeInterval(0.2))
    }
    stoppedCondition.unlock()
  }

  /// How many connections are open now.
  public var openConnections: Int {
    lock.lock()
    defer { lock.unlock() }
    return connections.count
  }

  deinit {
    stop()
    close(listenFD)
  }

  private func acceptLoop() {
    while true {
      let fd = accept(listenFD, nil, nil)
      if fd < 0 {
        if errno == EINTR || errno == ECONNABORTED { continue }
        if errno == EMFILE || errno == ENFILE {
          // Out of descriptors: give connections time to close instead of spinning.
          usleep(50_000)
          if isStopped { return }
          continue
        }
        return
      }
      lock.lock()
      if stopped {
        lock.unlock()
        close(fd)
        return
      }
      connections.insert(fd)
      lock.unlock()
      HTTPSocket.configure(connection: fd)
      if let seconds = limits.idleTimeoutSeconds {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
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
      lock.lock()
      connections.remove(fd)
      lock.unlock()
      close(fd)
    }
    while true {
      switch reader.next() {
      case .closed:
        return
      case .malformed(let reason):
        _ = HTTPSocket.send(malformed(reason).serialized(closing: true), to: fd)
        return
      case .request(let request):
        let answer = handler(request)
        let closing = request.closesConnection
        guard HTTPSocket.send(answer.serialized(closing: closing), to: fd), !closing else {
          return
        }
      }
    }
  }
}
