#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a child process ended: a value, never a raw `waitpid` status.
public enum ProcessExit: Sendable, Equatable, CustomStringConvertible {
  /// The process called `exit` with this code.
  case exited(Int32)
  /// The process was terminated by this signal.
  case signalled(Int32)

  /// Decodes a raw status word as returned by `waitpid`.
  public init(waitStatus status: Int32) {
    let signal = status & 0x7f
    if signal == 0 {
      self = .exited((status >> 8) & 0xff)
    } else {
      self = .signalled(signal)
    }
  }

  /// True when the process exited with code 0.
  public var isSuccess: Bool { self == .exited(0) }

  /// Go-style wording used by Lambda: `exit status 1` or `signal: killed`.
  public var description: String {
    switch self {
    case .exited(let code): return "exit status \(code)"
    case .signalled(let signal): return "signal: \(ProcessExit.signalName(signal))"
    }
  }

  /// The lower-case name Lambda prints for a signal (`killed`, `terminated`, ...).
  public static func signalName(_ signal: Int32) -> String {
    switch signal {
    case SIGKILL: return "killed"
    case SIGTERM: return "terminated"
    case SIGSEGV: return "segmentation fault"
    case SIGABRT: return "aborted"
    case SIGINT: return "interrupt"
    case SIGBUS: return "bus error"
    case SIGPIPE: return "broken pipe"
    default: return "signal \(signal)"
    }
  }
}
