import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the Runtime API server could not start.
struct RuntimeAPIServerError: Error, CustomStringConvertible {
  var operation: String
  var code: Int32

  var description: String {
    "the local Runtime API server could not start: \(operation) failed: "
      + "\(String(cString: strerror(code))); check that 127.0.0.1 is available"
  }
}

extension RuntimeAPIServer {
  /// Opens a listening socket on 127.0.0.1 with a port chosen by the OS.
  static func listen() throws -> (fd: Int32, port: UInt16) {
    #if os(Linux)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw RuntimeAPIServerError(operation: "socket", code: errno) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
    }
    guard bound == 0, systemListen(fd, 64) == 0 else {
      let code = errno
      close(fd)
      throw RuntimeAPIServerError(operation: "bind/listen", code: code)
    }
    var actual = sockaddr_in()
    var length = size
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return (fd, UInt16(bigEndian: actual.sin_port))
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
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes {
        systemSend(fd, $0.baseAddress! + offset, bytes.count - offset, flags)
      }
      if sent < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += sent
    }
    return true
  }
}

#if canImport(Glibc)
  private let systemListen = Glibc.listen
  private let systemSend = Glibc.send
#elseif canImport(Darwin)
  private let systemListen = Darwin.listen
  private let systemSend = Darwin.send
#endif
