import SystemSupport

/// Why a server could not listen, or a client could not connect.
public struct HTTPSocketError: Error, CustomStringConvertible, Sendable {
  /// What failed, e.g. `bind 127.0.0.1:3001`.
  public var operation: String
  /// The `errno` value.
  public var code: Int32
  private var failure: TCPSocket.Failure { TCPSocket.Failure(operation: operation, code: code) }
  /// True when another socket holds the address (`EADDRINUSE`).
  public var isAddressInUse: Bool { failure.isAddressInUse }
  /// The system's words for `code`.
  public var reason: String { failure.reason }

  init(_ failure: TCPSocket.Failure) {
    operation = failure.operation
    code = failure.code
  }

  public var description: String {
    if failure.isAddressInUse {
      return "\(operation) failed: \(failure.reason); another program uses that port: "
        + "stop it or choose another port (port 0 lets the system pick one)"
    }
    return "\(operation) failed: \(failure.reason)"
  }
}

/// The socket calls of the server and the client, with failures as `HTTPSocketError` (the
/// calls themselves are SystemSupport's `TCPSocket`).
enum HTTPSocket {
  /// Opens a listening socket; port 0 lets the OS choose. Returns the descriptor and real port.
  static func listen(host: String, port: UInt16) throws -> (fd: Int32, port: UInt16) {
    do {
      return try TCPSocket.listen(host: host, port: port)
    } catch {
      throw HTTPSocketError(error)
    }
  }

  /// Connects to `host:port`.
  static func connect(host: String, port: UInt16) throws -> Int32 {
    do {
      return try TCPSocket.connect(host: host, port: port)
    } catch {
      throw HTTPSocketError(error)
    }
  }
}
