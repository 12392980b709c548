import Foundation
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Lambda Runtime API of one execution environment: an HTTP/1.1 server on 127.0.0.1 with
/// an OS-chosen port, one thread per connection, every answer written in one `send`.
final class RuntimeAPIServer: @unchecked Sendable {
  /// The port the OS gave us.
  let port: UInt16
  let channel: RuntimeChannel
  private let listenFD: Int32
  private let lock = NSLock()
  private var connections: Set<Int32> = []
  private var stopped = false

  /// `host:port` for `AWS_LAMBDA_RUNTIME_API`.
  var address: String { "127.0.0.1:\(port)" }

  /// Binds and starts accepting connections.
  init(channel: RuntimeChannel) throws {
    self.channel = channel
    let (fd, port) = try RuntimeAPIServer.listen()
    listenFD = fd
    self.port = port
    let acceptor = Thread { [self] in acceptLoop() }
    acceptor.stackSize = 128 * 1024
    acceptor.start()
  }

  /// Stops accepting, ends long polls and closes every connection.
  func stop() {
    lock.lock()
    guard !stopped else {
      lock.unlock()
      return
    }
    stopped = true
    let open = connections
    lock.unlock()
    channel.close()
    shutdown(listenFD, Int32(SHUT_RDWR))
    for fd in open {
      shutdown(fd, Int32(SHUT_RDWR))
    }
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
      RuntimeAPIServer.configure(connection: fd)
      let worker = Thread { [self] in serve(fd) }
      worker.stackSize = 256 * 1024
      worker.start()
    }
  }

  /// Serves requests on one keep-alive connection until it closes.
  private func serve(_ fd: Int32) {
    let reader = HTTPRequestReader(fd: fd)
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
        let answer = HTTPResponse.error(
          400, type: "InvalidRequest", message: "Malformed request: \(reason)")
        _ = RuntimeAPIServer.send(answer.serialized(closing: true), to: fd)
        return
      case .request(let request):
        let answer = RuntimeAPIHandler.answer(request, channel: channel)
        let closing = request.closesConnection
        guard RuntimeAPIServer.send(answer.serialized(closing: closing), to: fd), !closing else {
          return
        }
      }
    }
  }
}
