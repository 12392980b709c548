#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The socket calls of the HTTP server and client (IPv4 TCP), so that `HTTP` needs no C library.
///
/// A socket is its descriptor (`Int32`); the caller owns it and closes it with `close`.
public enum TCPSocket {
  /// Why a socket could not listen or connect.
  public struct Failure: Error, Sendable {
    /// What failed, e.g. `bind 127.0.0.1:3001`.
    public var operation: String
    /// The `errno` value.
    public var code: Int32

    public init(operation: String, code: Int32) {
      self.operation = operation
      self.code = code
    }

    /// The system's words for `code` (`strerror`).
    public var reason: String { String(cString: strerror(code)) }
    /// True when another socket holds the address (`EADDRINUSE`).
    public var isAddressInUse: Bool { code == EADDRINUSE }
  }

  /// What `accept` found.
  public enum Accepted: Equatable, Sendable {
    /// A new connection.
    case connection(Int32)
    /// Nothing this time (a signal, or a connection aborted before it was accepted): call again.
    case retry
    /// Out of descriptors: wait a little for connections to close, then call again.
    case outOfDescriptors
    /// The listening socket was shut down or failed: stop accepting.
    case closed
  }

  /// An IPv4 address for a host name we accept (`localhost` or a dotted quad).
  static func address(host: String, port: UInt16) -> sockaddr_in? {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    let numeric = host == "localhost" ? "127.0.0.1" : host
    guard inet_pton(AF_INET, numeric, &address.sin_addr) == 1 else { return nil }
    return address
  }

  /// Opens a listening socket; port 0 lets the OS choose. Returns the descriptor and real port.
  public static func listen(host: String, port: UInt16) throws(Failure) -> (
    fd: Int32, port: UInt16
  ) {
    guard var address = address(host: host, port: port) else {
      throw Failure(operation: "resolving '\(host)' (give an IPv4 address)", code: EINVAL)
    }
    let fd = Platform.streamSocket()
    guard fd >= 0 else { throw Failure(operation: "socket", code: errno) }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
    }
    guard bound == 0, Platform.listen(fd, backlog: 128) == 0 else {
      let code = errno
      Platform.closeDescriptor(fd)
      throw Failure(operation: "bind \(host):\(port)", code: code)
    }
    var actual = sockaddr_in()
    var length = size
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return (fd, UInt16(bigEndian: actual.sin_port))
  }

  /// Connects to `host:port`, configured as `configure(connection:)` does.
  public static func connect(host: String, port: UInt16) throws(Failure) -> Int32 {
    guard var address = address(host: host, port: port) else {
      throw Failure(operation: "resolving '\(host)'", code: EINVAL)
    }
    let fd = Platform.streamSocket()
    guard fd >= 0 else { throw Failure(operation: "socket", code: errno) }
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Platform.connect(fd, $0, size) }
    }
    guard result == 0 else {
      let code = errno
      Platform.closeDescriptor(fd)
      throw Failure(operation: "connect \(host):\(port)", code: code)
    }
    configure(connection: fd)
    return fd
  }

  /// Waits for the next connection on a listening socket.
  public static func accept(_ listening: Int32) -> Accepted {
    let fd = Platform.acceptConnection(listening)
    if fd >= 0 { return .connection(fd) }
    switch errno {
    case EINTR, ECONNABORTED: return .retry
    case EMFILE, ENFILE: return .outOfDescriptors
    default: return .closed
    }
  }

  /// TCP_NODELAY (no Nagle delay on small answers) and no SIGPIPE when the peer has gone.
  public static func configure(connection fd: Int32) {
    var one: Int32 = 1
    let size = socklen_t(MemoryLayout<Int32>.size)
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, size)
    Platform.disableBrokenPipeSignal(socket: fd)
  }

  /// Makes `receive` give up after `seconds` without data (`SO_RCVTIMEO`).
  public static func setReceiveTimeout(_ fd: Int32, seconds: Int) {
    var timeout = timeval(tv_sec: seconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  /// Sends all bytes (normally in a single call); false when the peer is gone.
  public static func send(_ bytes: [UInt8], to fd: Int32) -> Bool {
    let flags = Platform.sendFlags
    return bytes.withUnsafeBytes { raw -> Bool in
      guard let base = raw.baseAddress else { return true }
      var offset = 0
      while offset < raw.count {
        let sent = Platform.send(fd, base + offset, raw.count - offset, flags)
        if sent < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += sent
      }
      return true
    }
  }

  /// Receives what the peer sent next into `buffer` (retrying when a signal interrupts):
  /// the byte count, 0 when the peer closed, -1 on an error or a receive timeout.
  public static func receive(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    while true {
      let count = recv(fd, buffer.baseAddress, buffer.count, 0)
      if count < 0 && errno == EINTR { continue }
      return count
    }
  }

  /// Shuts the socket down for both directions, or only for writing (the peer then reads EOF).
  public static func shutdown(_ fd: Int32, writingOnly: Bool = false) {
    Platform.shutdown(fd, writingOnly: writingOnly)
  }

  /// Closes the socket.
  public static func close(_ fd: Int32) { Platform.closeDescriptor(fd) }
}
