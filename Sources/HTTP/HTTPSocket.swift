#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a server could not listen, or a client could not connect.
public struct HTTPSocketError: Error, CustomStringConvertible, Sendable {
  /// What failed, e.g. `bind 127.0.0.1:3001`.
  public var operation: String
  /// The `errno` value.
  public var code: Int32

  public var description: String {
    let reason = String(cString: strerror(code))
    if code == EADDRINUSE {
      return "\(operation) failed: \(reason); another program uses that port: "
        + "stop it or choose another port (--port 0 lets the system pick one)"
    }
    return "\(operation) failed: \(reason)"
  }
}

/// Socket calls shared by the server and the client (IPv4).
enum HTTPSocket {
  /// An IPv4 address for a host name we accept (`localhost` or a dotted quad).
  static func address(host: String, port: UInt16) -> sockaddr_in? {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    let numeric = host == "localhost" ? "127.0.0.1" : host
    guard inet_pton(AF_INET, numeric, &address.sin_addr) == 1 else { return nil }
    return address
  }

  static func makeSocket() -> Int32 {
    #if os(Linux)
      return socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    #else
      return socket(AF_INET, SOCK_STREAM, 0)
    #endif
  }

  /// Opens a listening socket; port 0 lets the OS choose. Returns the descriptor and real port.
  static func listen(host: String, port: UInt16) throws -> (fd: Int32, port: UInt16) {
    guard var address = address(host: host, port: port) else {
      throw HTTPSocketError(operation: "resolving '\(host)' (give an IPv4 address)", code: EINVAL)
    }
    let fd = makeSocket()
    guard fd >= 0 else { throw HTTPSocketError(operation: "socket", code: errno) }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
    }
    guard bound == 0, systemListen(fd, 128) == 0 else {
      let code = errno
      close(fd)
      throw HTTPSocketError(operation: "bind \(host):\(port)", code: code)
    }
    var actual = sockaddr_in()
    var length = size
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return (fd, UInt16(bigEndian: actual.sin_port))
  }

  /// Connects to `host:port`.
  static func connect(host: String, port: UInt16) throws -> Int32 {
    guard var address = address(host: host, port: port) else {
      throw HTTPSocketError(operation: "resolving '\(host)'", code: EINVAL)
    }
    let fd = makeSocket()
    guard fd >= 0 else { throw HTTPSocketError(operation: "socket", code: errno) }
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { systemConnect(fd, $0, size) }
    }
    guard result == 0 else {
      let code = errno
      close(fd)
      throw HTTPSocketError(operation: "connect \(host):\(port)", code: code)
    }
    configure(connection: fd)
    return fd
  }

  /// TCP_NODELAY (no Nagle delay on small answers) and, on Darwin, no SIGPIPE.
  static func configure(connection fd: Int32) {
    var one: Int32 = 1
    let size = socklen_t(MemoryLayout<Int32>.size)
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, size)
    #if canImport(Darwin)
      setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, size)
    #endif
  }

  /// Sends all bytes (normally in a single call); false when the peer is gone.
  static func send(_ bytes: [UInt8], to fd: Int32) -> Bool {
    #if os(Linux)
      let flags = Int32(MSG_NOSIGNAL)
    #else
      let flags: Int32 = 0
    #endif
    return bytes.withUnsafeBytes { raw -> Bool in
      guard let base = raw.baseAddress else { return true }
      var offset = 0
      while offset < raw.count {
        let sent = systemSend(fd, base + offset, raw.count - offset, flags)
        if sent < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += sent
      }
      return true
    }
  }
}

#if canImport(Glibc)
  private let systemListen = Glibc.listen
  private let systemSend = Glibc.send
  private let systemConnect = Glibc.connect
#elseif canImport(Darwin)
  private let systemListen = Darwin.listen
  private let systemSend = Darwin.send
  private let systemConnect = Darwin.connect
#endif
