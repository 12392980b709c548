/// Bad settings for an invoker or a poller: each message names the value and what is accepted.
public enum DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A destination or dead-letter queue that Lambda could not deliver to.
  case invalidDestination(value: String, reason: String)
  /// A numeric setting outside the range AWS accepts.
  case outOfRange(setting: String, value: String, range: String)
  /// Messages or records that cannot be read.
  case invalidInput(String)

  public var description: String {
    switch self {
    case .invalidDestination(let value, let reason):
      return "unknown destination '\(value)': \(reason)"
    case .outOfRange(let setting, let value, let range):
      return "\(setting) \(value) is outside \(range)"
    case .invalidInput(let message):
      return message
    }
  }
}
