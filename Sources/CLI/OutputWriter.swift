import Foundation
import Terminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes: standard output or standard error, with the colour decision attached.
public final class OutputWriter: @unchecked Sendable {
  private let descriptor: Int32
  private let lock = NSLock()
  /// Settings of this stream (colour, width, Unicode) decided once at start-up.
  public let settings: TerminalSettings

  init(descriptor: Int32, settings: TerminalSettings) {
    self.descriptor = descriptor
    self.settings = settings
  }

  /// Writes `text` as is (callers add newlines).
  public func write(_ text: String) {
    var text = text
    text.withUTF8 { write(buffer: $0) }
  }

  /// Writes bytes as they are (rendered HTML, for instance).
  public func write(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { write(buffer: $0) }
  }

  private func write(buffer: UnsafeBufferPointer<UInt8>) {
    lock.lock()
    defer { lock.unlock() }
    guard let base = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count {
      let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return  // A closed pipe (e.g. `| head`) is not an error worth reporting.
      }
      offset += written
    }
  }

  /// Writes `text` and a newline.
  public func line(_ text: String = "") { write(text + "\n") }

  /// Styling helper bound to this stream's colour decision.
  public var styler: Styler { Styler(enabled: settings.useColor) }
}

/// Applies named roles (error, success, ...) when colour is on.
public struct Styler: Sendable {
  /// What a piece of text is, so every command colours it the same way.
  public enum Role: Sendable {
    case error, warning, success, heading, emphasis, dim, command, accent
  }

  public let enabled: Bool

  public func apply(_ text: String, _ role: Role) -> String {
    styled(text, Styler.styles(role), enabled: enabled)
  }

  static func styles(_ role: Role) -> [ANSIStyle] {
    switch role {
    case .error: return [.red, .bold]
    case .warning: return [.yellow, .bold]
    case .success: return [.green, .bold]
    case .heading: return [.bold]
    case .emphasis: return [.bold]
    case .dim: return [.dim]
    case .command: return [.cyan]
    case .accent: return [.magenta]
    }
  }
}
